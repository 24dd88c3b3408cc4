import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBackup, readBackup, writeBackup } from '../../src/numbers/backup';
import { InputError } from '../../src/numbers/errors';
import type { PhoneNumberState } from '../../src/numbers/types';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const NUMBER: PhoneNumberState = {
  sid: `PN${'2'.repeat(32)}`,
  phoneNumber: '+12025550100',
  smsUrl: 'https://example.com/old',
  smsMethod: 'GET',
  smsFallbackUrl: 'https://example.com/fb',
  smsFallbackMethod: 'POST',
  smsApplicationSid: `AP${'3'.repeat(32)}`,
};
const AT = new Date('2026-03-01T10:20:30.456Z');

describe('backups', () => {
  it('round-trips every routing field with the account, time and command', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'backup-'));
    const path = await writeBackup(cwd, makeBackup(ACCOUNT, 'npm run numbers -- attach --all', AT, [NUMBER]));
    expect(path).toBe(join('.twilioserverless', 'backups', '2026-03-01T10-20-30.456Z.json'));
    const backup = await readBackup(cwd, path);
    expect(backup).toEqual({
      version: 1,
      accountSid: ACCOUNT,
      createdAt: AT.toISOString(),
      command: 'npm run numbers -- attach --all',
      numbers: [NUMBER],
    });
    expect((await stat(join(cwd, path))).mode & 0o777).toBe(0o600);
  });

  it('never overwrites a backup made in the same millisecond', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'backup-'));
    const first = await writeBackup(cwd, makeBackup(ACCOUNT, 'one', AT, [NUMBER]));
    const second = await writeBackup(cwd, makeBackup(ACCOUNT, 'two', AT, []));
    expect(second).not.toBe(first);
    expect(JSON.parse(await readFile(join(cwd, first), 'utf8')).command).toBe('one');
  });

  it('refuses a file that is not a backup, naming each problem', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'backup-'));
    await writeFile(
      join(cwd, 'bad.json'),
      JSON.stringify({
        version: 1,
        accountSid: 'nope',
        createdAt: AT.toISOString(),
        command: '',
        numbers: [{ sid: 'x' }],
      }),
    );
    const error = await readBackup(cwd, 'bad.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems.join('\n');
    expect(problems).toContain('accountSid');
    expect(problems).toContain('numbers[0].sid');
    await writeFile(join(cwd, 'text.json'), 'hello');
    await expect(readBackup(cwd, 'text.json')).rejects.toThrow('not JSON');
    await expect(readBackup(cwd, 'missing.json')).rejects.toThrow('ENOENT');
  });
});
