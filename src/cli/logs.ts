// `npm run logs [-- --environment <name>] [--tail] [--function /sms]`: the deployed functions'
// recent logs, one line each (time, level, function, message); --tail follows until Ctrl-C.
import { readDotenv } from '../build/dotenv';
import { createServerlessClient } from '../deploy/client';
import { pickDeployRecord, readDeployRecords, RECORD_FILE } from '../deploy/record';
import { eachLog, formatLog, functionPaths, openLogs } from '../deploy/logs';
import { liveBuildOf } from '../deploy/rollback';
import { InputError } from '../errors/input-error';
import { parseBaseUrl, SERVERLESS_BASE_URL } from '../twilio/base-url';
import { CredentialsError, readCredentials, REJECTED } from '../twilio/credentials';
import { apiErrorInfo, isAuthRejected } from '../twilio/errors';
import { redacted } from './deploy-errors';
import { EXIT, exitCodeFor, runMain } from './exit';
import { parseOrExitCode, program } from './parse';
import { lines, processWorld, type CommandWorld } from './world';

interface LogsArgs {
  readonly environment?: string;
  readonly tail: boolean;
  readonly function?: string;
}

function parse(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): LogsArgs | number {
  const what = "Prints the deployed functions' recent logs: time, level, function and message, one line each.";
  const logs = program('npm run logs --', what, { out, err })
    .option('--environment <name>', 'the environment (dev, stage, production...); needed when several are deployed')
    .option('--tail', 'keep printing new lines until Ctrl-C', false)
    .option('--function <path>', "only this function's lines, e.g. /sms")
    .addHelpText(
      'after',
      `\nThe service and environment come from ${RECORD_FILE} (npm run deploy writes it).\n` +
        'Credentials as npm run deploy reads them. Exit codes: 0 done; 1 Twilio failed; ' +
        '2 nothing deployed, or an unknown environment or function; 3 credentials missing or rejected.',
    );
  const code = parseOrExitCode(logs, argv);
  return code ?? logs.opts<LogsArgs>();
}

async function printLogs(args: LogsArgs, world: CommandWorld, stop: Promise<unknown>): Promise<number> {
  const { records, problem } = await readDeployRecords(world.root);
  if (problem !== undefined) throw new InputError([`${problem}. Run npm run deploy again to rewrite it.`]);
  const picked = pickDeployRecord(records, args.environment);
  if (picked.problem !== undefined) throw new InputError([`${picked.problem}.`]);
  const record = picked.record;
  if (record === undefined)
    throw new InputError([`Nothing is deployed from here yet (no ${RECORD_FILE}): run npm run deploy.`]);
  const base = parseBaseUrl(SERVERLESS_BASE_URL, world.env[SERVERLESS_BASE_URL.name]);
  if (base.problem !== undefined) throw new InputError([base.problem]);
  const credentials = readCredentials(world.env, await readDotenv(world.root));
  const api = createServerlessClient(credentials, base.origin);
  try {
    const paths = await functionPaths(api, record.serviceSid);
    const functionSid = [...paths].find(([, path]) => path === args.function)?.[0];
    if (args.function !== undefined && functionSid === undefined)
      throw new InputError([
        `--function ${args.function} is not a function of the service (${[...paths.values()].sort().join(', ')}).`,
      ]);
    const { environmentSid } = await liveBuildOf(api, record);
    const stream = await openLogs(api, { serviceSid: record.serviceSid, environmentSid, tail: args.tail, functionSid });
    const out = lines(world.stdout);
    const printed = await eachLog(stream, (log) => out(formatLog(log, paths)), stop);
    if (printed === 0 && !args.tail) {
      const of = args.function !== undefined ? ` of ${args.function}` : '';
      lines(world.stderr)(`No log lines${of} in ${record.environment} in the last 24 hours.`);
    }
    return EXIT.ok;
  } catch (cause) {
    if (isAuthRejected(cause)) throw new CredentialsError(REJECTED(credentials.source));
    throw cause;
  }
}

export async function main(
  argv: readonly string[],
  world: CommandWorld = processWorld(),
  stop?: Promise<unknown>,
): Promise<number> {
  const [out, err] = [lines(world.stdout), lines(world.stderr)];
  const args = parse(argv, out, err);
  if (typeof args === 'number') return args;
  // Ctrl-C ends --tail: the lines so far were the point, so that is success.
  const stopped = stop ?? new Promise((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  try {
    return await printLogs(args, world, stopped);
  } catch (cause) {
    const code = exitCodeFor(cause);
    if (code !== EXIT.failed) {
      err(`error: ${cause instanceof Error ? cause.message : String(cause)}`);
      return code;
    }
    const failure = apiErrorInfo(cause);
    const twilioCode = failure.code !== undefined ? ` (Twilio error ${failure.code})` : '';
    err(`error: reading the logs failed: ${redacted(failure.message)}${twilioCode}.`);
    return code;
  }
}

if (require.main === module) runMain(() => main(process.argv.slice(2)));
