import * as realFs from 'node:fs/promises';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_DIR, makeBackup } from '../../src/numbers/backup';
import { writeBackup } from '../../src/numbers/backup-file';
import { InputError } from '../../src/errors/input-error';
import type { NumbersFs } from '../../src/numbers/fs';
import { latestBackup } from '../../src/numbers/latest-backup';
import { fsError } from '../helpers/numbers-fs';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const AT = new Date('2026-03-01T10:20:30.456Z');
const STAMP = '2026-03-01T10-20-30.456Z';
const project = () => mkdtemp(join(tmpdir(), 'latest-'));
const backupOf = (command: string, at = AT) => makeBackup(ACCOUNT, command, at, { numbers: [] });
const inBackups = (name: string) => join(BACKUP_DIR, name);

/** The real file system, but the backups folder lists its names in the order given. */
const listing = (names: string[]): NumbersFs => ({
  ...realFs,
  readdir: (async () => names) as unknown as NumbersFs['readdir'],
});

describe('latestBackup', () => {
  it('in the same millisecond, the tenth later run (-10) is newer than the ninth (-9)', async () => {
    const cwd = await project();
    for (let n = 0; n <= 10; n++) await writeBackup(cwd, backupOf(`run ${n}`));
    expect(await latestBackup(cwd, ACCOUNT)).toBe(inBackups(`${STAMP}-10.json`));
  });

  it('in the same millisecond the highest suffix is newest, in whatever order the folder lists them', async () => {
    const cwd = await project();
    for (const command of ['one', 'two', 'three']) await writeBackup(cwd, backupOf(command));
    const names = [`${STAMP}.json`, `${STAMP}-1.json`, `${STAMP}-2.json`];
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const order of orders) {
      const fs = listing(order.map((i) => names[i] ?? ''));
      expect(await latestBackup(cwd, ACCOUNT, fs)).toBe(inBackups(`${STAMP}-2.json`));
    }
  });

  it('a suffix counts only at the end of the name: a copy named <stamp>-5.json.copy.json is no later run', async () => {
    const cwd = await project();
    await writeBackup(cwd, backupOf('one'));
    await writeBackup(cwd, backupOf('two'));
    await writeFile(join(cwd, BACKUP_DIR, `${STAMP}-5.json.copy.json`), JSON.stringify(backupOf('copy')));
    expect(await latestBackup(cwd, ACCOUNT)).toBe(inBackups(`${STAMP}-1.json`));
  });

  it('skips what is not a backup: other files, dot files and the temporary file of an interrupted run', async () => {
    const cwd = await project();
    const path = await writeBackup(cwd, backupOf('one'));
    const dir = join(cwd, BACKUP_DIR);
    await writeFile(join(dir, 'notes.txt'), 'which run was which');
    await writeFile(join(dir, `.${STAMP}-1.json.tmp`), '{"version":');
    await writeFile(join(dir, '.half-written.json'), '{"version":');
    expect(await latestBackup(cwd, ACCOUNT)).toBe(path);
  });

  it('a damaged backup stops it, naming the file and both ways out', async () => {
    const cwd = await project();
    await writeBackup(cwd, backupOf('one'));
    await writeFile(join(cwd, BACKUP_DIR, 'broken.json'), '{"version":1');
    const error = await latestBackup(cwd, ACCOUNT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      `${inBackups('broken.json')} is not JSON: is it a backup from ${BACKUP_DIR}/?`,
      "restore latest cannot tell which backup is the newest: give the backup's path, " +
        `or move the damaged file out of ${BACKUP_DIR}/.`,
    ]);
  });

  it('no backups folder: there is no run to undo', async () => {
    const cwd = await project();
    await expect(latestBackup(cwd, ACCOUNT)).rejects.toThrow(
      `No backup of account ${ACCOUNT} in ${BACKUP_DIR}/: there is no run to undo.`,
    );
  });

  it('a backups folder that cannot be read (EACCES) is that error, not "no backup"', async () => {
    const cwd = await project();
    await mkdir(join(cwd, BACKUP_DIR), { recursive: true });
    const fs: NumbersFs = {
      ...realFs,
      readdir: (async () => {
        throw fsError('EACCES');
      }) as NumbersFs['readdir'],
    };
    await expect(latestBackup(cwd, ACCOUNT, fs)).rejects.toMatchObject({ code: 'EACCES' });
  });
});
