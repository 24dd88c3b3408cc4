// `npm run deploy [-- --environment dev|--production --env <file> --attach <numbers...> --function /sms
// --dry-run]`: build, deploy dist/ with @twilio-labs/serverless-api, record the URLs per environment,
// optionally attach numbers. `--rollback` goes back to the previous build instead (./deploy-rollback.ts).
import { createServerlessClient } from '../deploy/client';
import { deploy, functionUrl, toRecord } from '../deploy/deploy';
import { findEnvironmentDomain, resolveService } from '../deploy/service';
import { deployVariables, secretValues } from '../deploy/variables';
import { redactUrl } from '../redact/url';
import { isAuthRejected } from '../twilio/errors';
import { CredentialsError, readCredentials, REJECTED, type Credentials } from '../twilio/credentials';
import type { DeployAttach } from './deploy-attach';
import { parseDeployArgs, type DeployArgs } from './deploy-args';
import { commandLine } from './command-line';
import { reportDeployFailure } from './deploy-errors';
import { prepare, readRecordsOrWarn, recordedService, recordLive, type Prepared } from './deploy-prepare';
import { printDeployed, printLogsHint, printPlan, printVariables } from './deploy-print';
import { rollback } from './deploy-rollback';
import { EXIT, runMain } from './exit';
import { lines, processWorld, type CommandWorld } from './world';

// Loaded only for --attach: it brings the twilio SDK, about 100 ms of start-up a plain deploy does not need.
const attachModule = () => import('./deploy-attach');

async function deployWith(
  credentials: Credentials,
  prepared: Prepared,
  args: DeployArgs,
  command: string,
  world: CommandWorld,
): Promise<number> {
  const { config } = prepared;
  const [out, err] = [lines(world.stdout), lines(world.stderr)];
  const variables = deployVariables(prepared.dotenv, secretValues(world.env, prepared.dotenv, credentials.password));
  const api = createServerlessClient(credentials, prepared.origin);
  const explicit = args.serviceSid === undefined ? undefined : { serviceSid: args.serviceSid, source: '--service-sid' };
  const records = await readRecordsOrWarn(world);
  const recorded =
    explicit === undefined ? await recordedService(records, config.environment, credentials, world) : undefined;
  const { target, notes } = await resolveService(api, config.serviceName, { explicit, recorded });
  notes.forEach(err);
  // Only a plan or an attach needs the URL before the deploy: one read, skipped otherwise.
  const needsUrl = args.dryRun || args.attach.length > 0;
  const domain =
    needsUrl && target.kind === 'existing'
      ? await findEnvironmentDomain(api, target.serviceSid, config.domainSuffix)
      : undefined;
  // Before a first deploy the domain's digits are unknown: a stand-in URL of the same shape.
  const suffix = config.domainSuffix === '' ? '' : `-${config.domainSuffix}`;
  const expectedUrl = functionUrl(domain ?? `${target.uniqueName}-xxxx${suffix}.twil.io`, args.functionPath);
  const attach: DeployAttach = {
    numbers: args.attach,
    command,
    ...(args.country !== undefined ? { country: args.country } : {}),
    ...(args.fallbackUrl !== undefined ? { fallbackUrl: args.fallbackUrl } : {}),
    ...(args.messagingService !== undefined ? { messagingService: args.messagingService } : {}),
  };
  const attaching = args.attach.length > 0 ? await attachModule() : undefined;
  const session = attaching && (await attaching.openAttach(world, credentials));

  if (args.dryRun) {
    printPlan(out, { config, target, domain, files: prepared.files, variables });
    if (attaching === undefined || session === undefined) return EXIT.ok;
    out('');
    out(
      `Numbers (--attach ${args.functionPath}` +
        `${domain === undefined ? '; xxxx: the digits Twilio assigns at the first deploy' : ''}):`,
    );
    return attaching.attachNumbersTo(session, attach, expectedUrl, true);
  }
  if (attaching !== undefined && session !== undefined) {
    const code = await attaching.checkAttach(session, attach, expectedUrl);
    if (code !== EXIT.ok) {
      err('Not deployed: the numbers to attach were refused (above).');
      return code;
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
  const previous = records[config.environment];
  const ours = previous?.accountSid === credentials.accountSid ? previous : undefined;
  await recordLive(
    world,
    credentials,
    toRecord(deployed, credentials.accountSid, config.environment, world.now(), ours),
  );
  printDeployed(out, deployed, config.environment);
  printVariables(out, variables);
  printLogsHint(out, { ...deployed, environment: config.environment, region: world.env.TWILIO_REGION || undefined });
  if (attaching === undefined || session === undefined) return EXIT.ok;
  const url = functionUrl(deployed.domain, args.functionPath);
  out('');
  out(`Attaching ${redactUrl(url)}:`);
  return attaching.attachNumbersTo(session, attach, url, false);
}

/**
 * A dry run needs no account: what would be uploaded comes from the build. Whether the service
 * exists, its domain, and the numbers to attach need the API, so it says it could not look them up.
 */
function planWithoutCredentials(prepared: Prepared, args: DeployArgs, world: CommandWorld, why: Error): number {
  const [out, err] = [lines(world.stdout), lines(world.stderr)];
  const variables = deployVariables(prepared.dotenv, secretValues(world.env, prepared.dotenv));
  printPlan(out, { config: prepared.config, files: prepared.files, variables });
  if (args.attach.length > 0) out(`Numbers (--attach): not checked, that needs the account.`);
  const what =
    args.attach.length > 0 ? 'the service, its environment or the numbers' : 'the service or its environment';
  err(`note: could not look up ${what}: ${why.message}`);
  return EXIT.ok;
}

/** Exit codes: 0 done; 1 deploy failed or some numbers failed; 2 invalid input; 3 credentials missing or rejected. */
export async function main(argv: readonly string[], world: CommandWorld = processWorld()): Promise<number> {
  const [out, err] = [lines(world.stdout), lines(world.stderr)];
  const parsed = parseDeployArgs(argv, { out, err });
  if (parsed.kind === 'exit') return parsed.code;
  const command = commandLine('deploy', argv);
  try {
    if (parsed.args.rollback) return await rollback(parsed.args, world);
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
      if (isAuthRejected(cause)) throw new CredentialsError(REJECTED(credentials.source));
      throw cause;
    }
  } catch (cause) {
    return reportDeployFailure(cause, err);
  }
}

if (require.main === module) runMain(() => main(process.argv.slice(2)));
