// `npm run numbers -- status | attach | restore`: where each number's SMS go, attach a URL to
// chosen numbers, and put them back from a backup. Issue 3; README "Deploy and attach numbers".
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option, type OptionValues } from 'commander';
import { attachNumbers, attachProblems, type AttachRequest } from '../numbers/attach';
import { SERVICE_MODES } from '../numbers/attach-plan';
import { functionUrl } from '../numbers/deploy-record';
import { InputError } from '../numbers/errors';
import { readNumberList } from '../numbers/resolve';
import type { Change, Regulatory } from '../numbers/types';
import { restoreNumbers } from '../numbers/restore';
import { numbersStatus } from '../numbers/status';
import { plainHttpWarning } from '../numbers/validate';
import { redactUrl } from '../redact/url';
import { fail } from './exit';
import { defaultIo, Printer, readAll, type NumbersIo } from './numbers-io';
import { printStatus } from './numbers-status-print';
import { openAccount, reportRun, withExitCode } from './numbers-run';

// commander's option values are untyped: read each one as what it was declared.
const str = (o: OptionValues, key: string): string | undefined => (typeof o[key] === 'string' ? o[key] : undefined);
const num = (o: OptionValues, key: string): number | undefined => (typeof o[key] === 'number' ? o[key] : undefined);
const flag = (o: OptionValues, key: string): boolean => o[key] === true;

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more.');
  return n;
}

const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

async function numbersFrom(io: NumbersIo, listed: string[], o: OptionValues): Promise<readonly string[] | 'all'> {
  const file = str(o, 'file');
  const ways = [listed.length > 0, file !== undefined, flag(o, 'all')].filter(Boolean).length;
  if (ways !== 1) throw new InputError(['Choose the numbers one way: list them, or --file <path or ->, or --all.']);
  if (flag(o, 'all')) return 'all';
  if (file === undefined) return listed;
  try {
    return readNumberList(file === '-' ? await readAll(io.stdin) : await readFile(resolve(io.cwd, file), 'utf8'));
  } catch (e) {
    throw new InputError([`--file ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)}).`]);
  }
}

function regulatoryFrom(o: OptionValues): Regulatory {
  const [bundleSid, addressSid, identitySid] = [str(o, 'bundleSid'), str(o, 'addressSid'), str(o, 'identitySid')];
  return {
    ...(bundleSid !== undefined ? { bundleSid } : {}),
    ...(addressSid !== undefined ? { addressSid } : {}),
    ...(identitySid !== undefined ? { identitySid } : {}),
  };
}

async function attach(
  io: NumbersIo,
  printer: Printer,
  command: string,
  listed: string[],
  o: OptionValues,
): Promise<number> {
  const url = str(o, 'url');
  const path = str(o, 'function');
  if ((url === undefined) === (path === undefined))
    throw new InputError(['Give exactly one of --url <URL> or --function </path>.']);
  const fallbackUrl = str(o, 'fallbackUrl');
  const country = str(o, 'country');
  const concurrency = num(o, 'concurrency');
  const messagingService = SERVICE_MODES.find((way) => way === str(o, 'messagingService'));
  const request = {
    numbers: await numbersFrom(io, listed, o),
    ...(messagingService !== undefined ? { messagingService } : {}),
    dryRun: flag(o, 'dryRun'),
    command,
    ...(fallbackUrl !== undefined ? { fallbackUrl } : {}),
    ...(country !== undefined ? { country } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    regulatory: regulatoryFrom(o),
  };
  // before credentials: a typo costs no API call
  const early = attachProblems({ ...request, ...(url !== undefined ? { url } : {}) });
  if (early.length > 0) throw new InputError(early);
  const ctx = await openAccount(io, printer);
  const target = url ?? (await functionUrl(io.cwd, path ?? '', ctx.accountSid));
  for (const [name, value] of [
    ['--url', target],
    ['--fallback-url', fallbackUrl],
  ] as const) {
    const warning = value === undefined ? undefined : plainHttpWarning(name, value);
    if (warning !== undefined) printer.err(warning);
  }
  // `--all` on a terminal asks first, unless --yes; without a terminal (CI) it proceeds.
  const ask = request.numbers === 'all' && !flag(o, 'yes') && io.stdin.isTTY === true;
  const confirm = async (changes: readonly Change[]): Promise<boolean> =>
    io.confirm(
      `Attach ${redactUrl(target)} to ${changes.filter((c) => c.update !== null).length} ` +
        `of the ${changes.length} numbers of account ${ctx.accountSid}?`,
    );
  const final: AttachRequest = { ...request, url: target, ...(ask ? { confirm } : {}) };
  return reportRun(ctx, io, printer, { json: flag(o, 'json'), rerun: command }, (c) => attachNumbers(c, final));
}

function program(io: NumbersIo, printer: Printer, command: string, done: (code: number) => void): Command {
  const root = new Command('numbers')
    .description(
      "Where each Twilio number's SMS go, attach a URL to chosen numbers, " +
        'and undo it. npm run numbers -- <command> --help',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError();
  const run = async (work: () => Promise<number>): Promise<void> => done(await withExitCode(printer, work));

  root
    .command('status')
    .description(
      'List every number of the account and where its SMS go now (this-project, ' +
        'function, twiml-bin, studio-flow, twiml-app, messaging-service, ' +
        'demo-reply, webhook, none), flagging numbers whose own URL is overridden, ' +
        'and warning about what US carriers will block (A2P 10DLC, error 30034; toll-free verification, 30032).',
    )
    .option(
      '--json',
      'print {"numbers":[{"sid","phoneNumber","routing","smsUrl","overriddenBy",' +
        '"messagingService":{"sid","friendlyName","a2pRegistered"}|null,"warnings":[{"code","message"}]}]}',
    )
    .action((o: OptionValues) =>
      run(async () => {
        printStatus(await numbersStatus(await openAccount(io, printer)), printer, flag(o, 'json'));
        return 0;
      }),
    );

  root
    .command('attach')
    .description(
      'Send the SMS of exactly the chosen numbers to a URL (SmsUrl, SmsMethod POST), ' +
        'clearing an SMS TwiML App; voice and everything else stay as they are. Backs up first.',
    )
    .argument('[numbers...]', 'E.164 numbers, PN SIDs, or as typed: "(555) 123-4567" (see --country)')
    .option('--url <url>', 'the URL to attach')
    .option(
      '--function <path>',
      'the URL of this function from the last `npm run deploy` (.twilioserverless/deploy.json), e.g. /sms',
    )
    .option('--file <path>', 'read numbers from a file, one per line ("-": stdin)')
    .option('--all', 'every number of the account (asks first on a terminal, unless --yes)')
    .option('--fallback-url <url>', 'also set SmsFallbackUrl (SmsFallbackMethod POST)')
    .addOption(
      new Option(
        '--messaging-service <way>',
        'for chosen numbers whose Messaging Service answers for them (without it: refused, exit 2): ' +
          "defer = the service uses each number's own URL; url = the service's URL becomes this one " +
          '(all its numbers route here); skip = leave such numbers out',
      ).choices(SERVICE_MODES),
    )
    .option('--country <code>', 'region for numbers typed without +country code', 'US')
    .option('--dry-run', 'print the plan (number: now -> after, and every field that would change); write nothing')
    .option(
      '--json',
      'print {"backup","results":[{"sid","phoneNumber","outcome","warning"?,"error"?}],' +
        '"services":[{"sid","friendlyName","outcome","now","after","error"?}]}',
    )
    .option('--yes', 'do not ask before --all')
    .option('--concurrency <n>', 'updates at once (default 8; fewer while Twilio answers 429)', positiveInteger)
    .option('--bundle-sid <sid>', 'regulatory bundle to send with each update (BU...)')
    .option('--address-sid <sid>', 'address to send with each update (AD...)')
    .option('--identity-sid <sid>', 'identity to send with each update (RI...)')
    .addHelpText(
      'after',
      '\nExamples:\n  npm run numbers -- attach --function /sms +15551230000 "(555) 123-4567"\n' +
        '  npm run numbers -- attach --url https://example.com/sms --file numbers.txt --dry-run\n' +
        '  npm run numbers -- attach --function /sms --all --yes\n' +
        '  npm run numbers -- attach --function /sms +15551230000 --messaging-service defer --dry-run',
    )
    .action((listed: string[], o: OptionValues) => run(() => attach(io, printer, command, listed, o)));

  root
    .command('restore')
    .description(
      'Put back every SMS routing field of the numbers in a backup ' +
        '(.twilioserverless/backups/...), checked whole first. Refuses a backup of another account.',
    )
    .argument(
      '<backup>',
      'the backup file (relative to here, or absolute), or "latest": the newest, undoing the last run',
    )
    .option('--dry-run', 'print the plan (every field that would change) and write nothing')
    .option('--json', 'print {"backup","restoredFrom","results":[...]}')
    .option('--concurrency <n>', 'updates at once (default 8)', positiveInteger)
    .addHelpText(
      'after',
      '\nExamples:\n  npm run numbers -- restore latest --dry-run\n' +
        '  npm run numbers -- restore .twilioserverless/backups/2026-03-01T10-20-30.456Z.json',
    )
    .action((file: string, o: OptionValues) =>
      run(async () => {
        const ctx = await openAccount(io, printer);
        const concurrency = num(o, 'concurrency');
        const request = {
          backupPath: file,
          dryRun: flag(o, 'dryRun'),
          command,
          ...(concurrency !== undefined ? { concurrency } : {}),
        };
        return reportRun(ctx, io, printer, { json: flag(o, 'json'), rerun: command }, (c) =>
          restoreNumbers(c, request),
        );
      }),
    );
  return root;
}

/** The command; returns its exit code (0 ok, 1 some failed, 2 invalid input, 3 credentials). */
export async function main(argv: string[], partialIo: Partial<NumbersIo> = {}): Promise<number> {
  const io = defaultIo(partialIo);
  const printer = new Printer(io);
  let code = 0;
  const command = `npm run numbers -- ${argv.map(quote).join(' ')}`;
  try {
    await program(io, printer, command, (c) => (code = c)).parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // --help: 0; a bad flag: 2
    throw e;
  }
  return code;
}

if (require.main === module) {
  // `npm run numbers -- status | head`: a reader that stops early closes the pipe. That is no error
  // to print a stack trace for, nor a reason to stop a run half way (its lock, its writes): the
  // rest of the output is dropped and the run ends as it would.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') fail(e);
  });
  main(process.argv.slice(2)).then((code) => (process.exitCode = code), fail);
}
