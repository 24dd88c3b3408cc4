// .twiliodeployinfo, the Toolkit's own memory of which service a project deployed to. Reading
// and updating it keeps `npm run deploy` and `twilio-run deploy` on the same service.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonFile } from './record';

export const DEPLOY_INFO_FILE = '.twiliodeployinfo';

interface Entry {
  readonly serviceSid: string;
  readonly latestBuild: string;
}

async function readEntries(root: string): Promise<Record<string, Entry>> {
  const text = await readFile(join(root, DEPLOY_INFO_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const entries: Record<string, Entry> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const serviceSid: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'serviceSid') : undefined;
    const latestBuild: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'latestBuild') : undefined;
    if (typeof serviceSid === 'string' && /^ZS[0-9a-fA-F]{32}$/.test(serviceSid)) {
      entries[key] = { serviceSid, latestBuild: typeof latestBuild === 'string' ? latestBuild : '' };
    }
  }
  return entries;
}

/**
 * The Toolkit keys entries by the user name it authenticated with (the account SID, or an API key
 * SID) and region, `AC...:us1`; older versions by the user name alone.
 */
export async function readDeployInfoServiceSid(root: string, usernames: readonly string[], region = 'us1'): Promise<string | undefined> {
  const entries = await readEntries(root);
  for (const username of usernames) {
    const entry = entries[`${username}:${region}`] ?? entries[username];
    if (entry !== undefined) return entry.serviceSid;
  }
  return undefined;
}

export async function writeDeployInfo(root: string, username: string, serviceSid: string, buildSid: string, region = 'us1'): Promise<void> {
  const entries = await readEntries(root);
  // As twilio-run does: the old unkeyed entry is replaced by the region-keyed one.
  delete entries[username];
  entries[`${username}:${region}`] = { serviceSid, latestBuild: buildSid };
  await writeJsonFile(join(root, DEPLOY_INFO_FILE), entries);
}
