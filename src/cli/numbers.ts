// `npm run numbers -- status | attach | restore`: where each number's SMS go, attach a URL to
// chosen numbers, and put them back from a backup. Issue 3; docs/cli.md "npm run numbers".
import { Command, CommanderError, Option, type OptionValues } from 'commander';
import { SERVICE_MODES } from '../numbers/attach-plan';
import { restoreNumbers } from '../numbers/restore';
import { numbersStatus } from '../numbers/status';
import { attach, flag, num, positiveInteger } from './numbers-attach';
import { numbersWorld, Printer } from './numbers-io';
import type { CommandWorld, Prompter } from './world';
import { printStatus } from './numbers-status-print';
import { openAccount, reportRun, withExitCode } from './numbers-run';
import { commandLine } from './command-line';
import { EXIT, fail, runMain } from './exit';

function program(
  world: CommandWorld & Prompter,
  printer: Printer,
  command: string,
  done: (code: number) => void,
): Command {
  const root = new Command('numbers')
    .description(
      "Where each Twilio number's SMS go, attach a URL to chosen numbers, " +
        'and undo it. npm run numbers -- <command> --help',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => world.stdout.write(s), writeErr: (s) => world.stderr.write(s) })
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
      'print {"numbers":[{"sid","phoneNumber","routing","path"?,"environment"?,"smsUrl","overriddenBy",' +
        '"messagingService":{"sid","friendlyName","a2pRegistered"}|null,"warnings":[{"code","message"}]}]}',
    )
    .action((o: OptionValues) =>
      run(async () => {
        printStatus(await numbersStatus(await openAccount(world, printer)), printer, flag(o, 'json'));
        return EXIT.ok;
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
    .option(
      '--environment <name>',
      'with --function: the environment whose URL to take (dev, stage, production...); ' +
        'needed when several are deployed',
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
    .action((listed: string[], o: OptionValues) => run(() => attach(world, printer, command, listed, o)));

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
        const ctx = await openAccount(world, printer);
        const concurrency = num(o, 'concurrency');
        const request = {
          backupPath: file,
          dryRun: flag(o, 'dryRun'),
          command,
          ...(concurrency !== undefined ? { concurrency } : {}),
        };
        return reportRun(ctx, world, printer, { json: flag(o, 'json'), rerun: command }, (c) =>
          restoreNumbers(c, request),
        );
      }),
    );
  return root;
}

/** The command; returns its exit code (0 ok, 1 some failed, 2 invalid input, 3 credentials). */
export async function main(argv: string[], partial: Partial<CommandWorld & Prompter> = {}): Promise<number> {
  const world = numbersWorld(partial);
  const printer = new Printer(world);
  let code = 0;
  const command = commandLine('numbers', argv);
  try {
    await program(world, printer, command, (c) => (code = c)).parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.invalidInput; // --help: 0; a bad flag: 2
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
  runMain(() => main(process.argv.slice(2)));
}
