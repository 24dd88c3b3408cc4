// .twiliodeployinfo, the Toolkit's own memory of which service a project deployed to. Reading
// and updating it keeps `npm run deploy` and `twilio-run deploy` on the same service.
import { join } from 'node:path';
import * as v from 'valibot';
import { sidPattern } from '../twilio/sid';
import { readJsonFile, writeJsonFile } from './json-file';

export const DEPLOY_INFO_FILE = '.twiliodeployinfo';

const Entry = v.object({
  serviceSid: v.pipe(v.string(), v.regex(sidPattern('ZS'))),
  latestBuild: v.optional(v.string(), ''),
});
type Entry = v.InferOutput<typeof Entry>;

/** The file's valid entries; an entry that is not the Toolkit's shape is left out, as is a damaged file. */
async function readEntries(root: string): Promise<Record<string, Entry>> {
  const file = await readJsonFile(join(root, DEPLOY_INFO_FILE));
  if (file.kind !== 'json' || typeof file.value !== 'object' || file.value === null) return {};
  const entries: Record<string, Entry> = {};
  for (const [key, value] of Object.entries(file.value)) {
    const entry = v.safeParse(Entry, value);
    if (entry.success) entries[key] = entry.output;
  }
  return entries;
}

/**
 * The Toolkit keys entries by the user name it authenticated with (the account SID, or an API key
 * SID) and region, `AC...:us1`; older versions by the user name alone.
 */
export async function readDeployInfoServiceSid(
  root: string,
  usernames: readonly string[],
  region = 'us1',
): Promise<string | undefined> {
  const entries = await readEntries(root);
  for (const username of usernames) {
    const entry = entries[`${username}:${region}`] ?? entries[username];
    if (entry !== undefined) return entry.serviceSid;
  }
  return undefined;
}

export async function writeDeployInfo(
  root: string,
  username: string,
  serviceSid: string,
  buildSid: string,
  region = 'us1',
): Promise<void> {
  const entries = await readEntries(root);
  // As twilio-run does: the old unkeyed entry is replaced by the region-keyed one.
  delete entries[username];
  entries[`${username}:${region}`] = { serviceSid, latestBuild: buildSid };
  await writeJsonFile(join(root, DEPLOY_INFO_FILE), entries);
}
