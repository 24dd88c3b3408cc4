import { basename, join, relative, resolve } from 'node:path';
import { BACKUP_DIR, parseBackup, type Backup } from './backup';
import { InputError } from '../errors/input-error';
import { errorCode, realFs, type NumbersFs } from './fs';

async function exists(fs: NumbersFs, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return false;
    throw e;
  }
}

/** The whole text on disk (fsync) before the caller goes on; a half-written file is removed. */
async function writeSynced(fs: NumbersFs, path: string, text: string): Promise<void> {
  await fs.unlink(path).catch((e: unknown) => {
    if (errorCode(e) !== 'ENOENT') throw e;
  });
  const handle = await fs.open(path, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.unlink(path).catch(() => undefined);
    throw e;
  }
  await handle.close();
}

/** So that the rename itself survives a crash; some systems (Windows) cannot open a directory, which is fine. */
async function syncDirectory(fs: NumbersFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

/**
 * Writes `.twilioserverless/backups/<timestamp>.json` (colons replaced: they are not allowed in
 * Windows file names), mode 0600 (it lists the account's numbers and webhook URLs), and never
 * replaces one: a name already taken gets -1, -2... The text goes to a temporary file, is flushed
 * and renamed, so a backup on disk is whole; when any step fails (a full disk, no permission) the
 * error is thrown at once and no file is left. Returns the path relative to cwd.
 */
export async function writeBackup(cwd: string, backup: Backup, fs: NumbersFs = realFs): Promise<string> {
  const dir = join(cwd, BACKUP_DIR);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const stamp = backup.createdAt.replace(/:/g, '-');
  let file = join(dir, `${stamp}.json`);
  for (let n = 1; await exists(fs, file); n++) file = join(dir, `${stamp}-${n}.json`);
  // A dot name: never taken for a backup (latestBackup skips it), whatever is left of an interrupted run.
  const temporary = join(dir, `.${basename(file)}.tmp`);
  await writeSynced(fs, temporary, `${JSON.stringify(backup, null, 2)}\n`);
  try {
    await fs.rename(temporary, file);
  } catch (e) {
    await fs.unlink(temporary).catch(() => undefined);
    throw e;
  }
  await syncDirectory(fs, dir);
  return relative(cwd, file);
}

/** A backup file's JSON, not yet validated; a file that can't be read or is not JSON is an InputError (exit 2). */
export async function readBackupFile(cwd: string, path: string, fs: NumbersFs = realFs): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(resolve(cwd, path), 'utf8');
  } catch (e) {
    throw new InputError([
      `Cannot read the backup ${path}: ${errorCode(e) ?? String(e)}. Backups are in ${BACKUP_DIR}/.`,
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InputError([`${path} is not JSON: is it a backup from ${BACKUP_DIR}/?`]);
  }
}

/** A backup file, read and validated: every problem of the file is an InputError (exit 2). */
export async function readBackup(cwd: string, path: string, fs: NumbersFs = realFs): Promise<Backup> {
  const { backup, problems } = parseBackup(await readBackupFile(cwd, path, fs));
  if (backup === undefined) throw new InputError(problems.map((p) => `${path} is not a valid backup: ${p}`));
  return backup;
}
