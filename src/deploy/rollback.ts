// `deploy --rollback`: activate the build that was live before the current one, from the record's
// history. Nothing is built or uploaded, and the variables stay: Twilio does not version them.
import { api as calls, type TwilioServerlessApiClient } from '@twilio-labs/serverless-api';
import { domainSuffixOf } from './config';
import { functionUrl } from './deploy';
import type { DeployRecord, LiveBuild } from './record';

export interface RollbackPlan {
  /** The build live now, and the one to activate. */
  readonly from: LiveBuild;
  readonly to: LiveBuild;
  /** The history once rolled back: `to` last. */
  readonly history: readonly LiveBuild[];
}

/** The build to go back to, or why there is none (exit 2). */
export function planRollback(record: DeployRecord): RollbackPlan | string {
  const history = record.builds ?? [];
  const from = history.at(-1);
  const to = history.at(-2);
  if (from === undefined || to === undefined) {
    return (
      `no earlier build of the ${record.environment} environment is recorded: nothing to roll back to ` +
      '(the record keeps the builds deployed from this checkout, and each rollback uses one up).'
    );
  }
  return { from, to, history: history.slice(0, -1) };
}

export interface BuildFacts {
  readonly sid: string;
  /** When Twilio made it. */
  readonly dateCreated: string;
  /** Its functions' paths, e.g. `/sms`. */
  readonly functionPaths: readonly string[];
}

export async function describeBuild(
  api: TwilioServerlessApiClient,
  serviceSid: string,
  buildSid: string,
): Promise<BuildFacts> {
  const build = await calls.getBuild(buildSid, serviceSid, api);
  return {
    sid: build.sid,
    dateCreated: build.date_created,
    functionPaths: build.function_versions.map((version) => version.path).sort(),
  };
}

/** The environment's SID (the record's, else found by its suffix) and the build live in it now. */
export async function liveBuildOf(
  api: TwilioServerlessApiClient,
  record: DeployRecord,
): Promise<{ environmentSid: string; buildSid: string }> {
  const environment =
    record.environmentSid !== undefined
      ? await calls.getEnvironment(record.environmentSid, record.serviceSid, api)
      : await calls.getEnvironmentFromSuffix(domainSuffixOf(record.environment), record.serviceSid, api);
  return { environmentSid: environment.sid, buildSid: environment.build_sid };
}

/** Activates `plan.to` (a new Deployment of that build) and returns the environment's record after it. */
export async function rollBack(
  api: TwilioServerlessApiClient,
  record: DeployRecord,
  plan: RollbackPlan,
  target: BuildFacts,
  environmentSid: string,
  now: Date,
): Promise<DeployRecord> {
  await calls.activateBuild(plan.to.buildSid, environmentSid, record.serviceSid, api);
  return {
    ...record,
    environmentSid,
    buildSid: plan.to.buildSid,
    functions: Object.fromEntries(target.functionPaths.map((path) => [path, functionUrl(record.domain, path)])),
    deployedAt: now.toISOString(),
    builds: plan.history,
  };
}
