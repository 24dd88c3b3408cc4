// What `npm run deploy` does before it talks to Twilio: the configuration, the build,
// what it would upload, and which service this checkout deployed to before.
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildProject } from '../build/build';
import { readDotenv } from '../build/dotenv';
import { readDeployConfig, type DeployConfig } from '../deploy/config';
import { readDeployInfoServiceSid, writeDeployInfo } from '../deploy/deploy-info';
import { listUploads, type Uploads } from '../deploy/files';
import {
  latestDeployRecord,
  readDeployRecords,
  RECORD_FILE,
  writeDeployRecord,
  type DeployRecord,
  type DeployRecords,
} from '../deploy/record';
import type { KnownService } from '../deploy/service';
import { InputError } from '../errors/input-error';
import { parseBaseUrl, SERVERLESS_BASE_URL } from '../twilio/base-url';
import type { Credentials } from '../twilio/credentials';
import type { DeployArgs } from './deploy-args';
import { printProblems } from './print-problems';
import { lines, type CommandWorld } from './world';

export interface Prepared {
  readonly config: DeployConfig;
  readonly origin?: URL;
  readonly files: Uploads;
  /** The variables file's entries (.env, or --env <file>): what is uploaded, and credentials of last resort. */
  readonly dotenv: Record<string, string>;
}

/** The deploy configuration and the test hook's origin, or InputError (exit 2) after printing every problem. */
export async function readSettings(
  args: Pick<DeployArgs, 'environment'>,
  world: CommandWorld,
): Promise<{ config: DeployConfig; origin?: URL }> {
  const err = lines(world.stderr);
  const read = await readDeployConfig(world.root, { environment: args.environment });
  const base = parseBaseUrl(SERVERLESS_BASE_URL, world.env[SERVERLESS_BASE_URL.name]);
  printProblems(read.problems, err);
  if (base.problem !== undefined) err(`error: ${base.problem}`);
  if (read.config === undefined || base.problem !== undefined)
    throw new InputError(['Not deployed: fix the problems above, then run `npm run deploy` again.']);
  return { config: read.config, origin: base.origin };
}

/** Everything that needs no network: configuration, the build, what it would upload. */
export async function prepare(args: DeployArgs, world: CommandWorld): Promise<Prepared> {
  const { config, origin } = await readSettings(args, world);
  if (
    args.envFile !== undefined &&
    !(await access(resolve(world.root, args.envFile)).then(
      () => true,
      () => false,
    ))
  )
    throw new InputError([
      `--env ${args.envFile}: there is no such file. Give the file holding this environment's variables.`,
    ]);
  const built = await buildProject(world.root, { envFile: args.envFile });
  printProblems(built.problems, lines(world.stderr));
  if (!built.ok)
    throw new InputError(['Not deployed: fix the configuration errors above, then run `npm run deploy` again.']);
  const files = await listUploads(config);
  if (files.functions.length === 0) {
    throw new InputError([
      `No functions (.js files) in ${config.functionsFolder} after the build: ` +
        'check "functionsFolder" in .twilioserverlessrc.',
    ]);
  }
  if (args.attach.length > 0 && !files.functions.some((f) => f.path === args.functionPath)) {
    throw new InputError([
      `--function ${args.functionPath} is not one of the functions: ${files.functions.map((f) => f.path).join(', ')}.`,
    ]);
  }
  return { config, origin, files, dotenv: await readDotenv(world.root, args.envFile) };
}

/** The records of this checkout's deploys; a damaged file is a warning here (a deploy rewrites it). */
export async function readRecordsOrWarn(world: CommandWorld): Promise<DeployRecords> {
  const { records, problem } = await readDeployRecords(world.root);
  if (problem !== undefined) lines(world.stderr)(`warning: ${problem}`);
  return records;
}

/**
 * The service SID this checkout deployed to before, for this account: ours first (the
 * environment's record, else any environment's: they share the service), then the Toolkit's.
 */
export async function recordedService(
  records: DeployRecords,
  environment: string,
  credentials: Credentials,
  world: CommandWorld,
): Promise<KnownService | undefined> {
  const ours = Object.fromEntries(Object.entries(records).filter(([, r]) => r.accountSid === credentials.accountSid));
  const record = ours[environment] ?? latestDeployRecord(ours);
  if (record !== undefined) return { serviceSid: record.serviceSid, source: RECORD_FILE };
  const fromToolkit = await readDeployInfoServiceSid(
    world.root,
    [credentials.username, credentials.accountSid],
    world.env.TWILIO_REGION || undefined,
  );
  return fromToolkit === undefined ? undefined : { serviceSid: fromToolkit, source: '.twiliodeployinfo' };
}

/** After a deploy or a rollback: the environment's record, and the Toolkit's .twiliodeployinfo beside it. */
export async function recordLive(world: CommandWorld, credentials: Credentials, record: DeployRecord): Promise<void> {
  await writeDeployRecord(world.root, record);
  const region = world.env.TWILIO_REGION || undefined;
  await writeDeployInfo(world.root, credentials.username, record.serviceSid, record.buildSid ?? '', region);
}
