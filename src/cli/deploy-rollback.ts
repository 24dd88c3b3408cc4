// `npm run deploy -- --rollback [--environment <name>] [--dry-run]`: back to the build that was live
// before the current one in that environment, as the record's history has it.
import { readDotenv } from '../build/dotenv';
import { createServerlessClient } from '../deploy/client';
import { readDeployRecords, RECORD_FILE } from '../deploy/record';
import { describeBuild, liveBuildOf, planRollback, rollBack } from '../deploy/rollback';
import { redactUrl } from '../redact/url';
import { isAuthRejected } from '../twilio/errors';
import { InputError } from '../errors/input-error';
import { CredentialsError, readCredentials, REJECTED } from '../twilio/credentials';
import type { DeployArgs } from './deploy-args';
import { readSettings, recordLive } from './deploy-prepare';
import { lines, type CommandWorld } from './world';
import { EXIT } from './exit';

const NOT_VERSIONED = (environment: string): string =>
  `Variables are not versioned by Twilio and are not rolled back: ${environment} keeps its current variables.`;

/** Exit codes as the deploy's: 0 done, 1 Twilio failed, 2 nothing to roll back to (nothing changed), 3 credentials. */
export async function rollback(args: DeployArgs, world: CommandWorld): Promise<number> {
  const [out, err] = [lines(world.stdout), lines(world.stderr)];
  const { config, origin } = await readSettings(args, world);
  const credentials = readCredentials(world.env, await readDotenv(world.root));
  const { records, problem } = await readDeployRecords(world.root);
  if (problem !== undefined) throw new InputError([`${problem}: the builds to roll back to are unknown.`]);
  const record = records[config.environment];
  if (record === undefined) {
    const recorded = Object.keys(records).sort().join(', ') || 'none';
    throw new InputError([`No deploy to ${config.environment} is recorded in ${RECORD_FILE} (recorded: ${recorded}).`]);
  }
  if (record.accountSid !== credentials.accountSid) {
    throw new InputError([
      `${RECORD_FILE} records ${config.environment} in account ${record.accountSid}, not ${credentials.accountSid} ` +
        `(${credentials.source}): roll back with that account's credentials.`,
    ]);
  }
  const plan = planRollback(record);
  if (typeof plan === 'string') throw new InputError([`Not rolled back: ${plan}`]);

  const api = createServerlessClient(credentials, origin);
  try {
    const live = await liveBuildOf(api, record);
    if (live.buildSid !== plan.from.buildSid) {
      throw new InputError([
        `${config.environment} runs build ${live.buildSid}, not ${plan.from.buildSid} as ${RECORD_FILE} says ` +
          '(deployed from somewhere else?): not rolled back. ' +
          'Deploy from this checkout first, or activate a build in the Console.',
      ]);
    }
    const [target, current] = await Promise.all([
      describeBuild(api, record.serviceSid, plan.to.buildSid),
      describeBuild(api, record.serviceSid, plan.from.buildSid),
    ]);
    const where = `${config.environment} (${redactUrl(`https://${record.domain}`)})`;
    if (args.dryRun) {
      out('Dry run: nothing is changed.');
      out(`Would activate build ${target.sid}, made ${target.dateCreated}, in ${where},`);
      out(`  replacing build ${current.sid}, made ${current.dateCreated}.`);
      out(NOT_VERSIONED(config.environment));
      return EXIT.ok;
    }
    err(`Rolling ${config.environment} back to build ${target.sid} with ${credentials.source}...`);
    const after = await rollBack(api, record, plan, target, live.environmentSid, world.now());
    await recordLive(world, credentials, after);
    out(`Rolled ${where} back to build ${target.sid}, made ${target.dateCreated} (was ${current.sid}).`);
    out(NOT_VERSIONED(config.environment));
    out(`Recorded in ${RECORD_FILE}.`);
    return EXIT.ok;
  } catch (cause) {
    if (isAuthRejected(cause)) throw new CredentialsError(REJECTED(credentials.source));
    throw cause;
  }
}
