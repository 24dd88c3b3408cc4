// `npm run deploy [-- --environment dev --attach <numbers...> --function /sms --dry-run]`:
// build, deploy dist/ with @twilio-labs/serverless-api, record the URLs, optionally attach numbers.
import { buildProject, readDotenv } from '../build/build';
import type { Environment } from '../config/env';
import { parseBaseUrl } from '../deploy/base-url';
import { apiFailure, createServerlessClient, isRejection } from '../deploy/client';
import { readDeployConfig, type DeployConfig } from '../deploy/config';
import { deploy, toRecord } from '../deploy/deploy';
import { readDeployInfoServiceSid, writeDeployInfo } from '../deploy/deploy-info';
import { listUploads, type Uploads } from '../deploy/files';
import { readDeployRecord, RECORD_FILE, writeDeployRecord } from '../deploy/record';
import { DeployInputError, findEnvironmentDomain, resolveService, type KnownService } from '../deploy/service';
import { deployVariables } from '../deploy/variables';
import { CredentialsError, readCredentials, REJECTED, type Credentials } from '../twilio/credentials';
import { parseDeployArgs, type DeployArgs } from './deploy-args';
import { printDeployed, printPlan } from './deploy-print';
import { fail } from './exit';
import { printProblems } from './print-problems';

export interface DeployWorld {
  readonly root: string;
  readonly env: Environment & Readonly<Record<string, string | undefined>>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly now: () => Date;
}

const defaultWorld = (): DeployWorld => ({
  root: process.cwd(),
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: () => new Date(),
});

/** Exit code 2 with its message: found before anything was sent to Twilio. */
class Refused extends Error {}
/** Exit code 3: Twilio answered 401 / 20003 to these credentials. */
class Rejected extends Error {}

interface Prepared {
  readonly config: DeployConfig;
  readonly origin?: URL;
  readonly files: Uploads;
  readonly dotenv: Record<string, string>;
}

/** Everything that needs no network: configuration, the build, what it would upload. */
async function prepare(args: DeployArgs, world: DeployWorld): Promise<Prepared> {
  const read = await readDeployConfig(world.root, { environment: args.environment });
  const base = parseBaseUrl(world.env.TWILIO_SERVERLESS_BASE_URL);
  printProblems(read.problems, world.err);
  if (base.problem !== undefined) world.err(`error: ${base.problem}`);
  if (read.config === undefined || base.problem !== undefined) throw new Refused('Not deployed: fix the problems above, then run `npm run deploy` again.');
  const built = await buildProject(world.root);
  printProblems(built.problems, world.err);
  if (!built.ok) throw new Refused('Not deployed: fix the configuration errors above, then run `npm run deploy` again.');
  const files = await listUploads(read.config);
  if (files.functions.length === 0) {
    throw new Refused(`No functions (.js files) in ${read.config.functionsFolder} after the build: check "functionsFolder" in .twilioserverlessrc.`);
  }
  if (args.attach.length > 0 && !files.functions.some((f) => f.path === args.functionPath)) {
    throw new Refused(`--function ${args.functionPath} is not one of the functions: ${files.functions.map((f) => f.path).join(', ')}.`);
  }
  return { config: read.config, origin: base.origin, files, dotenv: await readDotenv(world.root) };
}

/** The service SID this checkout deployed to before, for this account: ours first, then the Toolkit's. */
async function recordedService(root: string, credentials: Credentials, world: DeployWorld): Promise<KnownService | undefined> {
  const { record, problem } = await readDeployRecord(root);
  if (problem !== undefined) world.err(`warning: ${problem}`);
  if (record !== undefined && record.accountSid === credentials.accountSid) return { serviceSid: record.serviceSid, source: RECORD_FILE };
  const fromToolkit = await readDeployInfoServiceSid(root, [credentials.username, credentials.accountSid], world.env.TWILIO_REGION || undefined);
  return fromToolkit === undefined ? undefined : { serviceSid: fromToolkit, source: '.twiliodeployinfo' };
}

async function run(args: DeployArgs, world: DeployWorld): Promise<number> {
  const prepared = await prepare(args, world);
  const credentials = readCredentials(world.env, prepared.dotenv);
  try {
    return await deployWith(credentials, prepared, args, world);
  } catch (cause) {
    if (isRejection(apiFailure(cause))) throw new Rejected(REJECTED(credentials.source));
    throw cause;
  }
}

async function deployWith(credentials: Credentials, prepared: Prepared, args: DeployArgs, world: DeployWorld): Promise<number> {
  const { config } = prepared;
  const variables = deployVariables(prepared.dotenv);
  const api = createServerlessClient(credentials, prepared.origin);
  const explicit = args.serviceSid === undefined ? undefined : { serviceSid: args.serviceSid, source: '--service-sid' };
  const recorded = explicit === undefined ? await recordedService(world.root, credentials, world) : undefined;
  const { target, notes } = await resolveService(api, config.serviceName, { explicit, recorded });
  for (const note of notes) world.err(note);

  if (args.dryRun) {
    const domain = target.kind === 'existing' ? await findEnvironmentDomain(api, target.serviceSid, config.environment) : undefined;
    printPlan(world.out, { config, target, domain, files: prepared.files, variables });
    return 0;
  }

  world.err(`Deploying ${target.uniqueName} to ${config.environment} with ${credentials.source}...`);
  const deployed = await deploy(
    api,
    { config, credentials, serviceSid: target.kind === 'existing' ? target.serviceSid : undefined, variables: variables.upload },
    (update) => world.err(`  ${update.message}`),
  );
  await writeDeployRecord(world.root, toRecord(deployed, credentials.accountSid, config.environment, world.now()));
  await writeDeployInfo(world.root, credentials.username, deployed.serviceSid, deployed.buildSid, world.env.TWILIO_REGION || undefined);
  printDeployed(world.out, deployed, config.environment);
  return 0;
}

/** Known failures to their exit code and a message that says what to do; never a secret. */
function report(cause: unknown, world: DeployWorld): number {
  if (cause instanceof Refused || cause instanceof DeployInputError) {
    world.err(`error: ${cause.message}`);
    return 2;
  }
  if (cause instanceof CredentialsError || cause instanceof Rejected) {
    world.err(`error: ${cause.message}`);
    return 3;
  }
  const failure = apiFailure(cause);
  // waitForSuccessfulBuild rejects with the bare status when Twilio's build fails.
  const what = cause === 'failed' ? 'Twilio could not build the deployment: check the dependencies in package.json, and the build in the Console' : failure.message;
  const code = failure.code !== undefined && failure.code !== failure.status ? ` (Twilio error ${failure.code}${failure.moreInfo ? `, ${failure.moreInfo}` : ''})` : '';
  world.err(`error: deploy failed: ${what}${code}. Nothing was recorded; fix the cause and run \`npm run deploy\` again.`);
  return 1;
}

/** Exit codes: 0 done; 1 deploy failed or some numbers failed; 2 invalid input; 3 credentials missing or rejected. */
export async function main(argv: readonly string[], world: DeployWorld = defaultWorld()): Promise<number> {
  const parsed = parseDeployArgs(argv, world);
  if (parsed.kind === 'exit') return parsed.code;
  try {
    return await run(parsed.args, world);
  } catch (cause) {
    return report(cause, world);
  }
}

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code), fail);
