// `npm run numbers -- attach`: its flags read into one request, the URL resolved, then the run.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError, type OptionValues } from 'commander';
import { attachNumbers, attachProblems, type AttachRequest } from '../numbers/attach';
import { SERVICE_MODES } from '../numbers/attach-plan';
import { recordedFunctionUrl } from '../numbers/deploy-record';
import { InputError } from '../errors/input-error';
import { readNumberList } from '../numbers/resolve';
import type { Change, Regulatory } from '../numbers/types';
import { plainHttpWarning } from '../numbers/validate';
import { redactUrl } from '../redact/url';
import { readAll, type Printer } from './numbers-io';
import type { CommandWorld, Prompter } from './world';
import { openAccount, reportRun } from './numbers-run';

// commander's option values are untyped: read each one as what it was declared.
export const str = (o: OptionValues, key: string): string | undefined =>
  typeof o[key] === 'string' ? o[key] : undefined;
export const num = (o: OptionValues, key: string): number | undefined =>
  typeof o[key] === 'number' ? o[key] : undefined;
export const flag = (o: OptionValues, key: string): boolean => o[key] === true;

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more.');
  return n;
}

async function numbersFrom(
  world: CommandWorld & Prompter,
  listed: string[],
  o: OptionValues,
): Promise<readonly string[] | 'all'> {
  const file = str(o, 'file');
  const ways = [listed.length > 0, file !== undefined, flag(o, 'all')].filter(Boolean).length;
  if (ways !== 1) throw new InputError(['Choose the numbers one way: list them, or --file <path or ->, or --all.']);
  if (flag(o, 'all')) return 'all';
  if (file === undefined) return listed;
  try {
    return readNumberList(
      file === '-' ? await readAll(world.stdin) : await readFile(resolve(world.root, file), 'utf8'),
    );
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

export async function attach(
  world: CommandWorld & Prompter,
  printer: Printer,
  command: string,
  listed: string[],
  o: OptionValues,
): Promise<number> {
  const url = str(o, 'url');
  const path = str(o, 'function');
  if ((url === undefined) === (path === undefined))
    throw new InputError(['Give exactly one of --url <URL> or --function </path>.']);
  if (path === undefined && str(o, 'environment') !== undefined)
    throw new InputError(['--environment goes with --function: it picks which deployed URL the function has.']);
  const fallbackUrl = str(o, 'fallbackUrl');
  const country = str(o, 'country');
  const concurrency = num(o, 'concurrency');
  const messagingService = SERVICE_MODES.find((way) => way === str(o, 'messagingService'));
  const request = {
    numbers: await numbersFrom(world, listed, o),
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
  const ctx = await openAccount(world, printer);
  const target = url ?? (await recordedFunctionUrl(world.root, path ?? '', ctx.accountSid, str(o, 'environment')));
  for (const [name, value] of [
    ['--url', target],
    ['--fallback-url', fallbackUrl],
  ] as const) {
    const warning = value === undefined ? undefined : plainHttpWarning(name, value);
    if (warning !== undefined) printer.err(warning);
  }
  // `--all` on a terminal asks first, unless --yes; without a terminal (CI) it proceeds.
  const ask = request.numbers === 'all' && !flag(o, 'yes') && world.stdin.isTTY === true;
  const confirm = async (changes: readonly Change[]): Promise<boolean> =>
    world.confirm(
      `Attach ${redactUrl(target)} to ${changes.filter((c) => c.update !== null).length} ` +
        `of the ${changes.length} numbers of account ${ctx.accountSid}?`,
    );
  const final: AttachRequest = { ...request, url: target, ...(ask ? { confirm } : {}) };
  return reportRun(ctx, world, printer, { json: flag(o, 'json'), rerun: command }, (c) => attachNumbers(c, final));
}
