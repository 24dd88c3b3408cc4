import { readDotenv } from '../build/dotenv';
import type { NumbersContext } from '../numbers/context';
import { InputError } from '../errors/input-error';
import { Cancelled } from '../numbers/errors';
import { API_BASE_URL, parseBaseUrl } from '../twilio/base-url';
import { CredentialsError, readCredentials, type Credentials } from '../twilio/credentials';
import { apiErrorInfo } from '../twilio/errors';
import type { Printer } from './numbers-io';
import type { CommandWorld, Prompter } from './world';
import { formatError } from './numbers-error';
import { exitCodeFor } from './exit';
import { runExitCode, printReport } from './numbers-print';
import { interruptible } from './numbers-interrupt';
import { progress } from './numbers-progress';

/**
 * How a numbers command ends when it throws: what to do, and the exit code of the one mapping
 * (./exit.ts). Only messages are printed, never error objects: an SDK network error holds the
 * request config with its Authorization header.
 */
export async function withExitCode(printer: Printer, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof InputError) {
      for (const problem of e.problems) printer.err(problem);
      if (!(e instanceof Cancelled)) printer.err('Nothing was written.');
    } else if (e instanceof CredentialsError) {
      printer.err(e.message);
    } else {
      printer.err(`Error: ${formatError(apiErrorInfo(e))}`);
      printer.err('Nothing more was attempted. Run the command again; with --dry-run to see what it would do.');
    }
    return exitCodeFor(e);
  }
}

/** Credentials (shell, then .env) and TWILIO_API_BASE_URL -> the account; secrets registered with the printer. */
export async function openAccount(
  world: CommandWorld & Prompter,
  printer: Printer,
  given?: Credentials,
): Promise<NumbersContext> {
  const credentials = given ?? readCredentials(world.env, await readDotenv(world.root));
  printer.hide(credentials.password, Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'));
  const base = parseBaseUrl(API_BASE_URL, world.env[API_BASE_URL.name]);
  if (base.problem !== undefined) throw new InputError([base.problem]);
  // Loaded here, not at the top: the SDK costs ~0.3 s to load, which --help and refused input don't need.
  const { createNumbersApi } = await import('../numbers/numbers-api');
  return {
    api: createNumbersApi(credentials, base.origin !== undefined ? { origin: base.origin.origin } : {}),
    accountSid: credentials.accountSid,
    root: world.root,
    now: world.now,
    warn: (line) => printer.err(line),
  };
}

/** Runs one attach or restore with a progress bar on a terminal, prints its report, returns the exit code. */
export async function reportRun(
  ctx: NumbersContext,
  world: CommandWorld & Prompter,
  printer: Printer,
  options: { json: boolean; rerun: string },
  run: (ctx: NumbersContext) => Promise<Parameters<typeof printReport>[0]>,
): Promise<number> {
  const bar = progress(world.stdout, !options.json);
  try {
    const report = await interruptible({ ...ctx, onProgress: bar.onProgress }, printer, run);
    bar.stop();
    printReport(report, printer, options.json, options.rerun);
    return runExitCode(report);
  } finally {
    bar.stop();
  }
}
