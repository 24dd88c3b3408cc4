// `npm run deploy [-- --environment dev --attach <numbers...> --function /sms --dry-run]`:
// build, deploy dist/ with @twilio-labs/serverless-api, record the URLs, optionally attach numbers.
import { buildProject, readDotenv } from '../build/build';
import type { Environment } from '../config/env';
import { parseBaseUrl } from '../deploy/base-url';
import { apiFailure, createServerlessClient, isRejection } from '../deploy/client';
import { readDeployConfig, type DeployConfig } from '../deploy/config';
import { deploy, functionUrl, toRecord } from '../deploy/deploy';
import { readDeployInfoServiceSid, writeDeployInfo } from '../deploy/deploy-info';
import { listUploads, type Uploads } from '../deploy/files';
import { readDeployRecord, RECORD_FILE, writeDeployRecord } from '../deploy/record';
import { findEnvironmentDomain, resolveService, type KnownService } from '../deploy/service';
import { deployVariables, secretValues } from '../deploy/variables';
import { redactUrl } from '../redact/url';
import { CredentialsError, readCredentials, REJECTED, type Credentials } from '../twilio/credentials';
import type { DeployAttach } from './deploy-attach';
import { parseDeployArgs, type DeployArgs } from './deploy-args';
import { exitCodeOf, Refused, Rejected } from './deploy-errors';
import { printDeployed, printPlan, printVariables } from './deploy-print';
import { fail } from './exit';
import type { OutStream } from './numbers-io';
import { printProblems } from './print-problems';

export interface DeployWorld {
  readonly root: string;
  readonly env: Environment & Readonly<Record<string, string | undefined>>;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly now: () => Date;
}

const defaultWorld = (): DeployWorld => ({
  root: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
});
// Loaded only for --attach: it brings the twilio SDK, about 100 ms of start-up a plain deploy does not need.
const attachModule = () => import('./deploy-attach');
const lines =
  (stream: OutStream) =>
  (line: string): void =>
    void stream.write(`${line}\n`);

interface Prepared {
  readonly config: DeployConfig;
  readonly origin?: URL;
  readonly files: Uploads;
  readonly dotenv: Record<string, string>;
}

/** Everything that needs no network: configuration, the build, what it would upload. */
async function prepare(args: DeployArgs, world: DeployWorld): Promise<Prepared> {
  const err = lines(world.stderr);
  const read = await readDeployConfig(world.root, { environment: args.environment });
  const base = parseBaseUrl(world.env.TWILIO_SERVERLESS_BASE_URL);
  printProblems(read.problems, err);
  if (base.problem !== undefined) err(`error: ${base.problem}`);
  if (read.config === undefined || base.problem !== undefined)
    throw new Refused('Not deployed: fix the problems above, then run `npm run deploy` again.');
  const built = await buildProject(world.root);
  printProblems(built.problems, err);
  if (!built.ok)
    throw new Refused('Not deployed: fix the configuration errors above, then run `npm run deploy` again.');
  const files = await listUploads(read.config);
  if (files.functions.length === 0) {
    throw new Refused(
      `No functions (.js files) in ${read.config.functionsFolder} after the build: ` +
        'check "functionsFolder" in .twilioserverlessrc.',
    );
  }
  if (args.attach.length > 0 && !files.functions.some((f) => f.path === args.functionPath)) {
    throw new Refused(
      `--function ${args.functionPath} is not one of the functions: ${files.functions.map((f) => f.path).join(', ')}.`,
    );
  }
  return { config: read.config, origin: base.origin, files, dotenv: await readDotenv(world.root) };
}

/** The service SID this checkout deployed to before, for this account: ours first, then the Toolkit's. */
async function recordedService(
  root: string,
  credentials: Credentials,
  world: DeployWorld,
): Promise<KnownService | undefined> {
  const { record, problem } = await readDeployRecord(root);
  if (problem !== undefined) lines(world.stderr)(`warning: ${problem}`);
  if (record !== undefined && record.accountSid === credentials.accountSid)
    return { serviceSid: record.serviceSid, source: RECORD_FILE };
  const fromToolkit = await readDeployInfoServiceSid(
    root,
    [credentials.username, credentials.accountSid],
    world.env.TWILIO_REGION || undefined,
  );
  return fromToolkit === undefined ? undefined : { serviceSid: fromToolkit, source: '.twiliodeployinfo' };
}

async function deployWith(
  credentials: Credentials,
  prepared: Prepared,
  args: DeployArgs,
  command: string,
  world: DeployWorld,
): Promise<number> {
  const { config } = prepared;
  const [out, err] = [lines(world.stdout), lines(world.stderr)];
  const variables = deployVariables(prepared.dotenv, secretValues(world.env, prepared.dotenv, credentials.password));
  const api = createServerlessClient(credentials, prepared.origin);
  const explicit = args.serviceSid === undefined ? undefined : { serviceSid: args.serviceSid, source: '--service-sid' };
  const recorded = explicit === undefined ? await recordedService(world.root, credentials, world) : undefined;
  const { target, notes } = await resolveService(api, config.serviceName, { explicit, recorded });
  notes.forEach(err);
  // Only a plan or an attach needs the URL before the deploy: one read, skipped otherwise.
  const needsUrl = args.dryRun || args.attach.length > 0;
  const domain =
    needsUrl && target.kind === 'existing'
      ? await findEnvironmentDomain(api, target.serviceSid, config.environment)
      : undefined;
  // Before a first deploy the domain's digits are unknown: a stand-in URL of the same shape.
  const expectedUrl = functionUrl(
    domain ?? `${target.uniqueName}-xxxx-${config.environment}.twil.io`,
    args.functionPath,
  );
  const attach = (url: string, dryRun: boolean): DeployAttach => ({
    url,
    numbers: args.attach,
    command,
    credentials,
    dryRun,
    country: args.country,
    fallbackUrl: args.fallbackUrl,
  });

  if (args.dryRun) {
    printPlan(out, { config, target, domain, files: prepared.files, variables });
    if (args.attach.length === 0) return 0;
    out('');
    out(
      `Numbers (--attach ${args.functionPath}` +
        `${domain === undefined ? '; xxxx: the digits Twilio assigns at the first deploy' : ''}):`,
    );
    return (await attachModule()).attachNumbersTo(attach(expectedUrl, true), world);
  }
  if (args.attach.length > 0) {
    const check = await (await attachModule()).checkAttach(attach(expectedUrl, false), world);
    if (check.code !== 0) {
      err(check.errors);
      err('Not deployed: the numbers to attach were refused (above).');
      return check.code;
    }
  }

  err(`Deploying ${target.uniqueName} to ${config.environment} with ${credentials.source}...`);
  const deployed = await deploy(
    api,
    {
      config,
      credentials,
      serviceSid: target.kind === 'existing' ? target.serviceSid : undefined,
      variables: variables.upload,
    },
    (update) => err(`  ${update.message}`),
  );
  await writeDeployRecord(world.root, toRecord(deployed, credentials.accountSid, config.environment, world.now()));
  await writeDeployInfo(
    world.root,
    credentials.username,
    deployed.serviceSid,
    deployed.buildSid,
    world.env.TWILIO_REGION || undefined,
  );
  printDeployed(out, deployed, config.environment);
  printVariables(out, variables);
  if (args.attach.length === 0) return 0;
  const url = functionUrl(deployed.domain, args.functionPath);
  out('');
  out(`Attaching ${redactUrl(url)}:`);
  return (await attachModule()).attachNumbersTo(attach(url, false), world);
}

/**
 * A dry run needs no account: what would be uploaded comes from the build. Whether the service
 * exists, its domain, and the numbers to attach need the API, so it says it could not look them up.
 */
function planWithoutCredentials(prepared: Prepared, args: DeployArgs, world: DeployWorld, why: Error): number {
  const [out, err] = [lines(world.stdout), lines(world.stderr)];
  const variables = deployVariables(prepared.dotenv, secretValues(world.env, prepared.dotenv));
  printPlan(out, { config: prepared.config, files: prepared.files, variables });
  if (args.attach.length > 0) out(`Numbers (--attach): not checked, that needs the account.`);
  const what =
    args.attach.length > 0 ? 'the service, its environment or the numbers' : 'the service or its environment';
  err(`note: could not look up ${what}: ${why.message}`);
  return 0;
}

const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** Exit codes: 0 done; 1 deploy failed or some numbers failed; 2 invalid input; 3 credentials missing or rejected. */
export async function main(argv: readonly string[], world: DeployWorld = defaultWorld()): Promise<number> {
  const [out, err] = [lines(world.stdout), lines(world.stderr)];
  const parsed = parseDeployArgs(argv, { out, err });
  if (parsed.kind === 'exit') return parsed.code;
  const command = ['npm run deploy --', ...argv.map(quote)].join(' ');
  try {
    const prepared = await prepare(parsed.args, world);
    let credentials: Credentials;
    try {
      credentials = readCredentials(world.env, prepared.dotenv);
    } catch (cause) {
      if (!(cause instanceof CredentialsError) || !parsed.args.dryRun) throw cause;
      return planWithoutCredentials(prepared, parsed.args, world, cause);
    }
    try {
      return await deployWith(credentials, prepared, parsed.args, command, world);
    } catch (cause) {
      if (isRejection(apiFailure(cause))) throw new Rejected(REJECTED(credentials.source));
      throw cause;
    }
  } catch (cause) {
    return exitCodeOf(cause, err);
  }
}

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code), fail);
