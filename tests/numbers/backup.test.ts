import * as realFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_DIR, makeBackup, parseBackup } from '../../src/numbers/backup';
import { readBackup, writeBackup } from '../../src/numbers/backup-file';
import { InputError } from '../../src/errors/input-error';
import type { PhoneNumberState } from '../../src/numbers/types';
import type { NumbersFs } from '../../src/numbers/fs';
import { failingFs, fsError, type Step } from '../helpers/numbers-fs';

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
const project = () => mkdtemp(join(tmpdir(), 'backup-'));
/** Everything in the backups folder, temporary files included. */
const files = (cwd: string) => readdir(join(cwd, BACKUP_DIR)).catch(() => []);

describe('writing a backup', () => {
  it('round-trips every routing field with the account, time and command, mode 0600, no file left over', async () => {
    const cwd = await project();
    const path = await writeBackup(
      cwd,
      makeBackup(ACCOUNT, 'npm run numbers -- attach --all', AT, { numbers: [NUMBER] }),
    );
    expect(path).toBe(join(BACKUP_DIR, '2026-03-01T10-20-30.456Z.json'));
    expect(await readBackup(cwd, path)).toEqual({
      version: 2,
      accountSid: ACCOUNT,
      createdAt: AT.toISOString(),
      command: 'npm run numbers -- attach --all',
      numbers: [NUMBER],
      services: [],
    });
    expect((await stat(join(cwd, path))).mode & 0o777).toBe(0o600);
    expect(await files(cwd)).toEqual(['2026-03-01T10-20-30.456Z.json']);
  });

  it('never replaces a backup made in the same millisecond: the next is -1, then -2', async () => {
    const cwd = await project();
    const names = [];
    for (const command of ['one', 'two', 'three'])
      names.push(await writeBackup(cwd, makeBackup(ACCOUNT, command, AT, { numbers: [] })));
    expect(names).toEqual(
      ['.json', '-1.json', '-2.json'].map((end) => join(BACKUP_DIR, `2026-03-01T10-20-30.456Z${end}`)),
    );
    expect(JSON.parse(await readFile(join(cwd, names[0] ?? ''), 'utf8')).command).toBe('one');
  });

  it.each<[Step, string]>([
    ['mkdir', 'EACCES'],
    ['open', 'EACCES'],
    ['open', 'EROFS'],
    ['write', 'ENOSPC'],
    ['write', 'EDQUOT'],
    ['sync', 'EIO'],
    ['rename', 'ENOSPC'],
  ])('a failed %s (%s) is thrown at once, trying no other name, and leaves no file', async (step, code) => {
    const cwd = await project();
    const { fs, calls } = failingFs(step, code);
    await expect(writeBackup(cwd, makeBackup(ACCOUNT, 'x', AT, { numbers: [NUMBER] }), fs)).rejects.toMatchObject({
      code,
    });
    expect(calls[step]).toBe(1);
    expect(await files(cwd)).toEqual([]);
  });

  it('on a real file system: where the folder cannot be made (ENOTDIR), nothing is written', async () => {
    const cwd = await project();
    await writeFile(join(cwd, '.twilioserverless'), 'a file where the folder should be');
    await expect(writeBackup(cwd, makeBackup(ACCOUNT, 'x', AT, { numbers: [NUMBER] }))).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
    expect(await readFile(join(cwd, '.twilioserverless'), 'utf8')).toBe('a file where the folder should be');
  });
});

const valid = () =>
  JSON.parse(JSON.stringify(makeBackup(ACCOUNT, 'attach', AT, { numbers: [NUMBER] }))) as Record<string, unknown>;
const withNumber = (fields: Record<string, unknown>) => ({ ...valid(), numbers: [{ ...NUMBER, ...fields }] });

describe('reading a backup', () => {
  it('accepts methods in any case and reads them upper case', () => {
    const { backup } = parseBackup(withNumber({ smsMethod: 'get', smsFallbackMethod: 'Post' }));
    expect(backup?.numbers[0]).toMatchObject({ smsMethod: 'GET', smsFallbackMethod: 'POST' });
  });

  it('accepts empty URLs and no application (a number routed nowhere)', () => {
    const { backup, problems } = parseBackup(withNumber({ smsUrl: '', smsFallbackUrl: '', smsApplicationSid: '' }));
    expect(problems).toEqual([]);
    expect(backup?.numbers[0]?.smsUrl).toBe('');
  });

  it('a tampered application SID in a backup is refused', () => {
    for (const smsApplicationSid of ['AP123', `AP${'z'.repeat(32)}`, `PN${'3'.repeat(32)}`, ' ']) {
      expect(parseBackup(withNumber({ smsApplicationSid })).problems).toEqual([
        'numbers[0].smsApplicationSid: must be empty or AP followed by 32 hex digits',
      ]);
    }
  });

  it('names every tampered field together, with no password of a URL', () => {
    const data = {
      ...valid(),
      accountSid: 'AC1',
      numbers: [
        {
          ...NUMBER,
          smsUrl: 'javascript:alert(1)',
          smsMethod: 'DELETE',
          smsFallbackUrl: 'ftp://user:hunter2@example.com/x',
        },
        { ...NUMBER, sid: 'PNxyz', smsFallbackMethod: 'PUT' },
      ],
    };
    expect(parseBackup(data).problems).toEqual([
      'accountSid: must be AC followed by 32 hex digits',
      'numbers[0].smsUrl: "javascript:alert(1)" is neither empty nor an http(s) URL',
      'numbers[0].smsMethod: "DELETE" is not GET or POST',
      'numbers[0].smsFallbackUrl: "ftp://user:***@example.com/x" is neither empty nor an http(s) URL',
      'numbers[1].sid: must be PN followed by 32 hex digits',
      'numbers[1].smsFallbackMethod: "PUT" is not GET or POST',
    ]);
  });

  it('reads a version 1 backup (numbers only) as one without services', () => {
    const { services: _none, ...v1 } = { ...valid(), version: 1 } as Record<string, unknown>;
    expect(parseBackup(v1)).toEqual({ backup: expect.objectContaining({ version: 1, services: [] }), problems: [] });
  });

  it("checks each service's five inbound fields as it checks a number's", () => {
    const service = {
      sid: `MG${'4'.repeat(32)}`,
      friendlyName: 'Marketing',
      inboundRequestUrl: 'https://example.com/in',
      inboundMethod: 'post',
      fallbackUrl: '',
      fallbackMethod: 'GET',
      useInboundWebhookOnNumber: false,
    };
    expect(parseBackup({ ...valid(), services: [service] }).backup?.services).toEqual([
      { ...service, inboundMethod: 'POST' },
    ]);
    const tampered = {
      ...service,
      sid: 'MGnope',
      inboundRequestUrl: 'javascript:alert(1)',
      fallbackMethod: 'PATCH',
      useInboundWebhookOnNumber: 'yes',
    };
    expect(parseBackup({ ...valid(), services: [tampered, service, service] }).problems).toEqual([
      'services[0].sid: must be MG followed by 32 hex digits',
      'services[0].inboundRequestUrl: "javascript:alert(1)" is neither empty nor an http(s) URL',
      'services[0].fallbackMethod: "PATCH" is not GET or POST',
      'services[0].useInboundWebhookOnNumber: Invalid type: Expected boolean but received "yes"',
    ]);
    expect(parseBackup({ ...valid(), services: [service, service] }).problems).toEqual([
      'services: a service is named more than once',
    ]);
  });

  it('refuses a number named twice', () => {
    expect(parseBackup({ ...valid(), numbers: [NUMBER, { ...NUMBER, smsUrl: '' }] }).problems).toEqual([
      'numbers: a number is named more than once',
    ]);
  });

  it('a file that is not a backup: InputError naming each problem; not JSON; missing', async () => {
    const cwd = await project();
    await writeFile(join(cwd, 'bad.json'), JSON.stringify({ ...valid(), numbers: [{ sid: 'x' }] }));
    const error = await readBackup(cwd, 'bad.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toContain(
      'bad.json is not a valid backup: numbers[0].sid: must be PN followed by 32 hex digits',
    );
    await writeFile(join(cwd, 'text.json'), 'hello');
    await expect(readBackup(cwd, 'text.json')).rejects.toThrow('text.json is not JSON');
    await expect(readBackup(cwd, 'missing.json')).rejects.toThrow('Cannot read the backup missing.json: ENOENT');
  });

  it('takes a path relative to the working directory, or absolute as it is', async () => {
    const cwd = await project();
    const path = await writeBackup(cwd, makeBackup(ACCOUNT, 'x', AT, { numbers: [NUMBER] }));
    expect((await readBackup(cwd, join(cwd, path))).command).toBe('x');
    expect((await readBackup(join(cwd, BACKUP_DIR), '2026-03-01T10-20-30.456Z.json')).command).toBe('x');
  });
});

describe('writing a backup: the leftover temporary file and the folder sync', () => {
  it('a leftover temporary file that cannot be removed (EACCES) stops the write: no backup written', async () => {
    const cwd = await project();
    const unlinked: string[] = [];
    const fs: NumbersFs = {
      ...realFs,
      unlink: async (path) => {
        unlinked.push(String(path));
        throw fsError('EACCES');
      },
    };
    await expect(writeBackup(cwd, makeBackup(ACCOUNT, 'x', AT, { numbers: [NUMBER] }), fs)).rejects.toMatchObject({
      code: 'EACCES',
    });
    expect(unlinked).toEqual([join(cwd, BACKUP_DIR, '.2026-03-01T10-20-30.456Z.json.tmp')]);
    expect(await files(cwd)).toEqual([]);
  });

  it('the backups folder is opened read-only and synced after the rename, then closed', async () => {
    const cwd = await project();
    const calls: string[] = [];
    const fs: NumbersFs = {
      ...realFs,
      open: (async (path: string, flags?: string, mode?: number) => {
        const handle = await realFs.open(path, flags, mode);
        if (path !== join(cwd, BACKUP_DIR)) return handle;
        calls.push(`open ${flags}`);
        return Object.assign(Object.create(handle) as object, {
          sync: () => (calls.push('sync'), handle.sync()),
          close: () => (calls.push('close'), handle.close()),
        });
      }) as NumbersFs['open'],
      rename: async (from, to) => {
        calls.push('rename');
        return realFs.rename(from, to);
      },
    };
    await writeBackup(cwd, makeBackup(ACCOUNT, 'x', AT, { numbers: [NUMBER] }), fs);
    expect(calls).toEqual(['rename', 'open r', 'sync', 'close']);
  });
});

describe('reading a backup: methods and where a problem sits', () => {
  it('takes an empty method (Twilio answered none) as it is', () => {
    const { backup, problems } = parseBackup(withNumber({ smsMethod: '', smsFallbackMethod: '' }));
    expect(problems).toEqual([]);
    expect(backup?.numbers[0]).toMatchObject({ smsMethod: '', smsFallbackMethod: '' });
  });

  it('refuses a method that only starts or ends with GET or POST', () => {
    expect(parseBackup(withNumber({ smsMethod: 'XPOST', smsFallbackMethod: 'GETS' })).problems).toEqual([
      'numbers[0].smsMethod: "XPOST" is not GET or POST',
      'numbers[0].smsFallbackMethod: "GETS" is not GET or POST',
    ]);
  });

  it('a problem of the whole file is named without a place; a bad file has no backup', () => {
    expect(parseBackup(null)).toEqual({
      backup: undefined,
      problems: ['Invalid type: Expected Object but received null'],
    });
    expect(parseBackup('hello')).toEqual({
      backup: undefined,
      problems: ['Invalid type: Expected Object but received "hello"'],
    });
  });
});
