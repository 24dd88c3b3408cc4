// .twilioserverless/deploy.json: what the last deploy made, read by `numbers attach --function`.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const RECORD_FILE = join('.twilioserverless', 'deploy.json');

export interface DeployRecord {
  readonly accountSid: string;
  readonly serviceSid: string;
  readonly serviceName: string;
  /** The domain suffix deployed to. */
  readonly environment: string;
  readonly environmentSid: string;
  readonly buildSid: string;
  readonly domain: string;
  /** Function path -> its URL, e.g. "/sms" -> "https://sms-switchboard-1234-dev.twil.io/sms". */
  readonly functions: Readonly<Record<string, string>>;
  readonly deployedAt: string;
}

const SID = (prefix: string) => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
const isText = (value: unknown): value is string => typeof value === 'string';

function toRecord(value: unknown): DeployRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const get = (key: string): unknown => Reflect.get(value, key);
  const functions = get('functions');
  const texts = ['serviceName', 'environment', 'domain', 'deployedAt', 'environmentSid', 'buildSid'].map(get);
  if (!texts.every(isText) || typeof functions !== 'object' || functions === null) return undefined;
  const accountSid = get('accountSid');
  const serviceSid = get('serviceSid');
  if (!isText(accountSid) || !SID('AC').test(accountSid) || !isText(serviceSid) || !SID('ZS').test(serviceSid)) return undefined;
  const urls = Object.entries(functions);
  if (!urls.every(([, url]) => isText(url))) return undefined;
  const [serviceName, environment, domain, deployedAt, environmentSid, buildSid] = texts;
  return {
    accountSid,
    serviceSid,
    serviceName,
    environment,
    environmentSid,
    buildSid,
    domain,
    functions: Object.fromEntries(urls.filter((entry): entry is [string, string] => isText(entry[1]))),
    deployedAt,
  };
}

/** The last deploy's record; none when there is no file. A damaged file is reported, not trusted. */
export async function readDeployRecord(root: string): Promise<{ record?: DeployRecord; problem?: string }> {
  const text = await readFile(join(root, RECORD_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const record = toRecord(parsed);
  return record === undefined ? { problem: `${RECORD_FILE} is damaged and was ignored` } : { record };
}

/** Written whole to a temporary file, then renamed: a reader never sees half a record. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await rename(temporary, path);
}

export async function writeDeployRecord(root: string, record: DeployRecord): Promise<void> {
  await writeJsonFile(join(root, RECORD_FILE), record);
}
