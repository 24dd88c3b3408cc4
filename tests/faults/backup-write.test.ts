/**
 * The backup is on disk, whole, before the first write to Twilio; when it cannot be written, no
 * number is changed, no file is left, and the run ends at once (no retry loop). The failure is
 * passed in as the file system (tests run as root, where permissions don't bite), and also made
 * real: the command run with a file size limit (ulimit -f), which fails its write as a full disk.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { attachNumbers } from '../../src/numbers/attach';
import { BackupError } from '../../src/numbers/errors';
import { LOCK_FILE } from '../../src/numbers/lock';
import { restoreNumbers } from '../../src/numbers/restore';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { failingFs } from '../helpers/numbers-fs';
import { numbersEnv } from '../helpers/numbers-env';
import { REPO } from '../helpers/project';
import { contextFor, tempDir } from './world';

const URL_ = 'https://switchboard-1234-dev.twil.io/sms';

let api: TwilioApiStandIn;
let project: { dir: string; remove(): Promise<void> };
beforeEach(async () => {
  api = await TwilioApiStandIn.start();
  project = await tempDir();
});
afterEach(async () => {
  await api.close();
  await project.remove();
});
const backupFiles = () => readdir(join(project.dir, '.twilioserverless', 'backups')).catch(() => []);

const FREE = 'Free some disk space';
const PERMISSIONS = "Check the folder's permissions";

test.each([
  ['ENOSPC', 'write', FREE],
  ['EACCES', 'open', PERMISSIONS],
  ['EACCES', 'mkdir', PERMISSIONS],
  // Looking for a free name: only "no such file" means free; anything else stops, it is no name taken.
  ['EACCES', 'stat', PERMISSIONS],
  ['ENOSPC', 'sync', FREE],
  ['EDQUOT', 'sync', FREE],
  ['EACCES', 'rename', PERMISSIONS],
] as const)(
  'a backup write failing with %s (at %s) stops attach and restore without looping or writing to Twilio',
  async (code, step, fix) => {
    api.addNumbers(3);
    const good = await attachNumbers(contextFor(api, project.dir), { url: URL_, numbers: 'all', command: 'a' });
    const writes = api.writes();
    const { fs, calls } = failingFs(step, code);
    const ctx = { ...contextFor(api, project.dir), fs };
    const attach = attachNumbers(ctx, { url: 'https://other.example/sms', numbers: 'all', command: 'b' });
    await expect(attach).rejects.toThrow(BackupError);
    await expect(attach).rejects.toThrow(`${code}`);
    await expect(attach).rejects.toThrow(fix);
    await expect(restoreNumbers(ctx, { backupPath: good.backup ?? '', command: 'c' })).rejects.toThrow(BackupError);
    expect(calls[step]).toBe(2); // once per run: no other name tried, no retry
    expect(api.writes()).toBe(writes);
    expect(await backupFiles()).toEqual([good.backup?.split('/').pop()]);
    expect(existsSync(join(project.dir, LOCK_FILE))).toBe(false);
  },
);

test('for real: a write cut short by a file size limit leaves no file and changes no number (exit 1)', async () => {
  // 30 numbers make a backup of about 9 KB; the limit (1 KB) lets the lock file through.
  api.addNumbers(30);
  const args = ['attach', '--url', URL_, '--all', '--json'];
  const child = spawn(
    'bash',
    [
      '-c',
      'ulimit -f 1 && exec "$0" "$@"',
      process.execPath,
      '-r',
      'ts-node/register/transpile-only',
      ...[join(REPO, 'src/cli/numbers.ts'), ...args],
    ],
    {
      cwd: project.dir,
      // ts-node's compile cache writes files of its own, which the limit would break first.
      env: numbersEnv(api, { DISABLE_V8_COMPILE_CACHE: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(1);
  expect(stderr).toContain('Cannot write the backup in .twilioserverless/backups/ (EFBIG');
  expect(stderr).toContain('no number was changed');
  expect(await backupFiles()).toEqual([]);
  expect(api.writes()).toBe(0);
  expect(api.requests.filter((r) => r.method === 'POST')).toEqual([]);
  expect(existsSync(join(project.dir, LOCK_FILE))).toBe(false);
});
