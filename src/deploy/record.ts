// .twilioserverless/deploy.json: what the last deploy made, read by `numbers attach --function`.
import { join } from 'node:path';
import * as v from 'valibot';
import { validate } from '../config/issues';
import { readJsonFile, writeJsonFile } from './json-file';

export const RECORD_FILE = join('.twilioserverless', 'deploy.json');

/**
 * The issue's contract is the account, service, environment, domain and function URLs; the rest
 * is written for people reading the file, and not required of a record someone else wrote.
 */
export interface DeployRecord {
  readonly accountSid: string;
  readonly serviceSid: string;
  readonly serviceName?: string;
  /** The domain suffix deployed to. */
  readonly environment: string;
  readonly environmentSid?: string;
  readonly buildSid?: string;
  readonly domain: string;
  /** Function path -> its URL, e.g. "/sms" -> "https://sms-switchboard-1234-dev.twil.io/sms". */
  readonly functions: Readonly<Record<string, string>>;
  readonly deployedAt?: string;
}

const sid = (prefix: string) =>
  v.pipe(v.string(), v.regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `is not a ${prefix} SID`));

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
});

/** The last deploy's record; none when there is no file. A damaged file is reported, not trusted. */
export async function readDeployRecord(root: string): Promise<{ record?: DeployRecord; problem?: string }> {
  const file = await readJsonFile(join(root, RECORD_FILE));
  if (file.kind === 'missing') return {};
  if (file.kind === 'not-json') return { problem: `${RECORD_FILE} is damaged (not JSON)` };
  const { output, problems } = validate(DeployRecordSchema, file.value);
  if (output === undefined)
    return { problem: `${RECORD_FILE} is damaged (${problems.map((p) => `${p.where}: ${p.message}`).join('; ')})` };
  return { record: output };
}

export async function writeDeployRecord(root: string, record: DeployRecord): Promise<void> {
  await writeJsonFile(join(root, RECORD_FILE), record);
}
