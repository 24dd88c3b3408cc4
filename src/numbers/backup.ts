import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as v from 'valibot';
import { validate } from '../config/issues';
import { InputError } from './errors';
import type { PhoneNumberState } from './types';

export const BACKUP_DIR = join('.twilioserverless', 'backups');

const sid = (prefix: string) =>
  v.pipe(v.string(), v.regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `must be ${prefix} followed by 32 hex digits`));

const BackupSchema = v.object({
  version: v.literal(1),
  accountSid: sid('AC'),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  command: v.string(),
  numbers: v.array(
    v.object({
      sid: sid('PN'),
      phoneNumber: v.string(),
      smsUrl: v.string(),
      smsMethod: v.string(),
      smsFallbackUrl: v.string(),
      smsFallbackMethod: v.string(),
      smsApplicationSid: v.union([v.literal(''), sid('AP')]),
    }),
  ),
});

/** A backup file: the SMS routing of each chosen number as it was before a run's first write. */
export type Backup = v.InferOutput<typeof BackupSchema>;

export function makeBackup(
  accountSid: string,
  command: string,
  at: Date,
  numbers: readonly PhoneNumberState[],
): Backup {
  return {
    version: 1,
    accountSid,
    createdAt: at.toISOString(),
    command,
    numbers: numbers.map((n) => ({
      sid: n.sid,
      phoneNumber: n.phoneNumber,
      smsUrl: n.smsUrl,
      smsMethod: n.smsMethod,
      smsFallbackUrl: n.smsFallbackUrl,
      smsFallbackMethod: n.smsFallbackMethod,
      smsApplicationSid: n.smsApplicationSid,
    })),
  };
}

/**
 * Writes `.twilioserverless/backups/<timestamp>.json` (colons replaced: they are not allowed in
 * Windows file names) and never overwrites one: two runs in the same millisecond get -1, -2...
 * Mode 0600: it lists the account's phone numbers and webhook URLs. Returns the path relative to cwd.
 */
export async function writeBackup(cwd: string, backup: Backup): Promise<string> {
  const dir = join(cwd, BACKUP_DIR);
  await mkdir(dir, { recursive: true });
  const stamp = backup.createdAt.replace(/:/g, '-');
  const text = `${JSON.stringify(backup, null, 2)}\n`;
  for (let n = 0; ; n++) {
    const file = join(dir, `${stamp}${n === 0 ? '' : `-${n}`}.json`);
    try {
      await writeFile(file, text, { flag: 'wx', mode: 0o600 });
      return relative(cwd, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Reads and validates a backup; every problem is an InputError (exit 2), nothing has been written. */
export async function readBackup(cwd: string, path: string): Promise<Backup> {
  let text: string;
  try {
    text = await readFile(join(cwd, path), 'utf8');
  } catch (e) {
    throw new InputError([
      `Cannot read the backup ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}. ` +
        `Backups are in ${BACKUP_DIR}/.`,
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError([`${path} is not JSON: is it a backup from ${BACKUP_DIR}/?`]);
  }
  const { output, problems } = validate(BackupSchema, data);
  if (output === undefined) {
    throw new InputError(
      problems.map((p) => `${path} is not a valid backup: ${p.where === '' ? '' : `${p.where}: `}${p.message}`),
    );
  }
  return output;
}
