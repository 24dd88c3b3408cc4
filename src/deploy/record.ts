// .twilioserverless/deploy.json: what each environment's last deploy made, read by
// `numbers attach --function`, `deploy --rollback` and `npm run logs`.
import { join } from 'node:path';
import * as v from 'valibot';
import { validate } from '../config/issues';
import { isSid, sidPattern } from '../twilio/sid';
import { readJsonFile, writeJsonFile } from './json-file';

export const RECORD_FILE = join('.twilioserverless', 'deploy.json');

/** A build that was live in the environment, and since when. */
export interface LiveBuild {
  readonly buildSid: string;
  readonly deployedAt: string;
}

/**
 * The issue's contract is the account, service, environment, domain and function URLs; the rest
 * is written for people reading the file, and not required of a record someone else wrote.
 */
export interface DeployRecord {
  readonly accountSid: string;
  readonly serviceSid: string;
  readonly serviceName?: string;
  /** The environment's name: its domain suffix (`dev`), or `production` for the one without. */
  readonly environment: string;
  readonly environmentSid?: string;
  /** The build live now. */
  readonly buildSid?: string;
  readonly domain: string;
  /** Function path -> its URL, e.g. "/sms" -> "https://sms-switchboard-1234-dev.twil.io/sms". */
  readonly functions: Readonly<Record<string, string>>;
  readonly deployedAt?: string;
  /**
   * The builds that were live, oldest first, the live one last: a deploy adds one, a rollback
   * takes the last one off, so each rollback goes one further back.
   */
  readonly builds?: readonly LiveBuild[];
}

/** Environment name -> its record. */
export type DeployRecords = Readonly<Record<string, DeployRecord>>;

/** How many live builds a record keeps to roll back to. */
export const HISTORY = 20;

const sid = (prefix: string) => v.pipe(v.string(), v.regex(sidPattern(prefix), `is not a ${prefix} SID`));

const DeployRecordSchema = v.object({
  accountSid: sid('AC'),
  serviceSid: sid('ZS'),
  serviceName: v.optional(v.string()),
  environment: v.string(),
  environmentSid: v.optional(v.string()),
  buildSid: v.optional(v.string()),
  domain: v.string(),
  functions: v.record(v.string(), v.string()),
  deployedAt: v.optional(v.string()),
  builds: v.optional(v.array(v.object({ buildSid: sid('ZB'), deployedAt: v.string() }))),
});

/** Today's file: one record per environment. A file holding one bare record is the earlier shape. */
const RecordsFileSchema = v.object({ environments: v.record(v.string(), DeployRecordSchema) });

/** Every environment's record (none when there is no file). A damaged file is reported, not trusted. */
export async function readDeployRecords(root: string): Promise<{ records: DeployRecords; problem?: string }> {
  const file = await readJsonFile(join(root, RECORD_FILE));
  if (file.kind === 'missing') return { records: {} };
  if (file.kind === 'not-json') return { records: {}, problem: `${RECORD_FILE} is damaged (not JSON)` };
  const earlier = typeof file.value === 'object' && file.value !== null && !('environments' in file.value);
  const { output, problems } = earlier
    ? validate(
        v.pipe(
          DeployRecordSchema,
          v.transform((record) => ({ environments: { [record.environment]: record } })),
        ),
        file.value,
      )
    : validate(RecordsFileSchema, file.value);
  if (output === undefined)
    return {
      records: {},
      problem: `${RECORD_FILE} is damaged (${problems.map((p) => `${p.where}: ${p.message}`).join('; ')})`,
    };
  return { records: output.environments };
}

/**
 * The record of `environment`; without one named, the only environment recorded. A problem, for
 * the user, when that is not one record: an environment never deployed, or several to choose from.
 */
export function pickDeployRecord(
  records: DeployRecords,
  environment: string | undefined,
): { record?: DeployRecord; problem?: string } {
  const names = Object.keys(records).sort();
  if (environment !== undefined) {
    const record = records[environment];
    if (record !== undefined) return { record };
    return {
      problem:
        `no deploy to the ${environment} environment is recorded in ${RECORD_FILE} ` +
        `(${names.length === 0 ? 'none is' : `recorded: ${names.join(', ')}`}); deploy it with ` +
        `npm run deploy -- --environment ${environment}`,
    };
  }
  if (names.length === 1) return { record: records[names[0]] };
  if (names.length === 0) return {};
  return {
    problem: `${RECORD_FILE} records several environments (${names.join(', ')}): choose one with --environment <name>`,
  };
}

/** The most recently deployed of the records (where any environment's would do: the service they share). */
export function latestDeployRecord(records: DeployRecords): DeployRecord | undefined {
  return Object.values(records)
    .sort((a, b) => (a.deployedAt ?? '').localeCompare(b.deployedAt ?? ''))
    .at(-1);
}

/** Writes `record` as its environment's, keeping the other environments' records as they are. */
export async function writeDeployRecord(root: string, record: DeployRecord): Promise<void> {
  const { records } = await readDeployRecords(root);
  await writeJsonFile(join(root, RECORD_FILE), { environments: { ...records, [record.environment]: record } });
}

/** The history after `buildSid` went live at `at`: added last, the oldest dropped past HISTORY. */
export function withLiveBuild(previous: DeployRecord | undefined, buildSid: string, at: string): LiveBuild[] {
  // A record of the earlier shape knows only the build live then.
  const known = previous?.buildSid;
  const earlier =
    previous?.builds ??
    (known !== undefined && isSid('ZB', known) ? [{ buildSid: known, deployedAt: previous?.deployedAt ?? '' }] : []);
  return [...earlier, { buildSid, deployedAt: at }].slice(-HISTORY);
}
