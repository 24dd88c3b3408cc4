import { join } from 'node:path';
import { BACKUP_DIR } from './backup';
import { readBackup } from './backup-file';
import { InputError } from '../errors/input-error';
import { errorCode, realFs, type NumbersFs } from './fs';

/** What `restore` takes for "the backup of the most recent run". */
export const LATEST = 'latest';

interface Candidate {
  readonly path: string;
  readonly createdAt: number;
  /** 0 for <stamp>.json, n for <stamp>-n.json: a later run in the same millisecond. */
  readonly suffix: number;
}

const newestFirst = (a: Candidate, b: Candidate): number =>
  b.createdAt - a.createdAt || b.suffix - a.suffix || b.path.localeCompare(a.path);

/**
 * `restore latest`: the backup of the most recent run of this account (attach or restore alike),
 * newest by its createdAt; in the same millisecond, the one written later (-1, -2...). Backups
 * of other accounts are not candidates (these credentials could not restore them). A damaged
 * file stops it: it may be the newest, and undoing an older run instead would undo too much.
 */
export async function latestBackup(cwd: string, accountSid: string, fs: NumbersFs = realFs): Promise<string> {
  let names: string[];
  try {
    names = await fs.readdir(join(cwd, BACKUP_DIR));
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw e;
    // Stryker disable next-line ArrayDeclaration: any made-up name there is not *.json, so skipped as [] is
    names = [];
  }
  const candidates: Candidate[] = [];
  const damaged: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
    const path = join(BACKUP_DIR, name);
    const backup = await readBackup(cwd, path, fs).catch((e: unknown) => {
      if (!(e instanceof InputError)) throw e;
      damaged.push(...e.problems);
    });
    if (backup !== undefined && backup.accountSid === accountSid) {
      const suffix = Number(/Z-(\d+)\.json$/.exec(name)?.[1] ?? 0);
      candidates.push({ path, createdAt: Date.parse(backup.createdAt), suffix });
    }
  }
  if (damaged.length > 0) {
    throw new InputError([
      ...damaged,
      `restore ${LATEST} cannot tell which backup is the newest: give the backup's path, ` +
        `or move the damaged file out of ${BACKUP_DIR}/.`,
    ]);
  }
  const [newest] = candidates.sort(newestFirst);
  if (newest === undefined)
    throw new InputError([`No backup of account ${accountSid} in ${BACKUP_DIR}/: there is no run to undo.`]);
  return newest.path;
}
