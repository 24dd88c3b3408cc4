import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import * as real from 'node:fs/promises';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { attachNumbers } from '../../src/numbers/attach';
import { InputError } from '../../src/errors/input-error';
import type { NumbersContext } from '../../src/numbers/context';
import type { NumbersFs } from '../../src/numbers/fs';
import { acquireLock, LOCK_FILE, releaseLockSync, type LockProcess } from '../../src/numbers/lock';
import { restoreNumbers } from '../../src/numbers/restore';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { contextFor, tempProject } from '../helpers/numbers-cli';
import { fsError } from '../helpers/numbers-fs';

const HOST = 'build-box';
/** Processes 100 and 200 run; every other pid is gone. */
const world = (pid: number): LockProcess => ({ pid, host: HOST, isAlive: (p) => p === 100 || p === 200 });
const START = new Date('2026-03-01T10:20:30.456Z');
const holder = (pid: number, host = HOST) => ({
  pid,
  host,
  startedAt: '2026-03-01T09:00:00.000Z',
  command: 'npm run numbers -- attach --all',
});
/** What the refusal says after naming the other run, with the lock file's path written out. */
const WAIT =
  'Wait until it has ended, then run this command again. ' +
  'If it is not running any more, delete .twilioserverless/numbers.lock.';

let cwd: string;
beforeEach(async () => (cwd = await tempProject()));
const lockFile = () => join(cwd, '.twilioserverless', 'numbers.lock');
async function leaveLock(content: string): Promise<void> {
  await mkdir(join(cwd, '.twilioserverless'), { recursive: true });
  await writeFile(lockFile(), content);
}
/** Process `pid` (of HOST) taking the lock for the command 'mine'. */
const lockAs = (pid: number, extra: Pick<NumbersContext, 'fs' | 'now' | 'warn'> = {}) =>
  acquireLock({ root: cwd, lockProcess: world(pid), ...extra }, 'mine');
const problemsOf = (promise: Promise<unknown>): Promise<readonly string[]> =>
  promise.then(
    () => ['(no error)'],
    (e: unknown) => (e instanceof InputError ? e.problems : [String(e)]),
  );
/** The real file system, with one of its calls replaced. */
const fsWith = (replaced: Partial<NumbersFs>): NumbersFs => ({ ...real, ...replaced });

describe('the run lock', () => {
  it('is .twilioserverless/numbers.lock, naming the run (URL passwords hidden), removed on release', async () => {
    const lock = await acquireLock(
      { root: cwd, lockProcess: world(100), now: () => START },
      'attach --url https://u:secret@example.com/sms',
    );
    expect(LOCK_FILE).toBe(join('.twilioserverless', 'numbers.lock'));
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toEqual({
      pid: 100,
      host: HOST,
      startedAt: '2026-03-01T10:20:30.456Z',
      command: 'attach --url https://u:***@example.com/sms',
    });
    await lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('is closed once written: no file descriptor of this process is left on it', async () => {
    const lock = await lockAs(100);
    const onLock = readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === lockFile();
      } catch {
        return false; // the descriptor readdir itself used, closed by now
      }
    });
    expect(onLock).toEqual([]);
    await lock.release();
  });

  it("a second run is refused, naming the other run's pid and start time", async () => {
    const first = await lockAs(100, { now: () => START });
    expect(await problemsOf(lockAs(200))).toEqual([
      'Another attach or restore is running in this project (pid 100, started 2026-03-01T10:20:30.456Z (mine)). ' +
        WAIT,
    ]);
    await first.release();
    await (await lockAs(200)).release();
  });

  it('a lock file without a command names the run without one', async () => {
    await leaveLock(JSON.stringify({ pid: 4242, host: 'laptop', startedAt: '2026-03-01T09:00:00.000Z' }));
    expect(await problemsOf(lockAs(100))).toEqual([
      'Another attach or restore is running in this project ' +
        `(pid 4242 on laptop, started 2026-03-01T09:00:00.000Z). ${WAIT}`,
    ]);
  });

  it('a lock whose process is gone is taken over, with a note', async () => {
    await leaveLock(JSON.stringify(holder(4242)));
    const notes: string[] = [];
    const lock = await lockAs(100, { warn: (line) => notes.push(line) });
    expect(notes).toEqual([
      'Note: .twilioserverless/numbers.lock was left by a run that is no longer running ' +
        '(pid 4242, started 2026-03-01T09:00:00.000Z (npm run numbers -- attach --all)); taken over. ' +
        'Its backup, if it wrote one, is in .twilioserverless/backups/.',
    ]);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: 100, command: 'mine' });
    await lock.release();
  });

  it("a lock of another machine, or one that can't be read, is not taken over", async () => {
    await leaveLock(JSON.stringify(holder(4242, 'laptop')));
    await expect(lockAs(100)).rejects.toThrow('(pid 4242 on laptop, started');
    for (const content of ['', 'null', JSON.stringify({ ...holder(4242), pid: '4242' })]) {
      await leaveLock(content);
      await expect(lockAs(100)).rejects.toThrow('(its lock file is unreadable)');
      expect(await readFile(lockFile(), 'utf8')).toBe(content);
    }
  });

  it('release and the Ctrl-C release remove only their own lock', async () => {
    const lock = await lockAs(100);
    expect(releaseLockSync(cwd, 200)).toBe(false);
    expect(existsSync(lockFile())).toBe(true);
    expect(releaseLockSync(cwd, 100)).toBe(true);
    expect(releaseLockSync(cwd, 100)).toBe(false);
    await leaveLock(JSON.stringify(holder(200)));
    await lock.release();
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: 200 });
  });

  it('release leaves the lock of another pid started at the same instant, or of its pid started later', async () => {
    const lock = await lockAs(100, { now: () => START });
    const others = [
      { ...holder(200), startedAt: START.toISOString() },
      { ...holder(100), startedAt: '2026-03-01T10:20:30.457Z' },
    ];
    for (const other of others) {
      await leaveLock(JSON.stringify(other));
      await lock.release();
      expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toEqual(other);
    }
  });
});

describe('the run lock and the processes of this machine', () => {
  const leaveLockOf = (pid: number) => leaveLock(JSON.stringify({ ...holder(pid), host: hostname() }));
  /** A pid that was in use a moment ago and is now free: its process has ended. */
  const endedPid = (): number => spawnSync(process.execPath, ['-e', '']).pid;

  it('a lock of a process that has ended is taken over', async () => {
    const pid = endedPid();
    await leaveLockOf(pid);
    const lock = await acquireLock({ root: cwd }, 'mine');
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, command: 'mine' });
    await lock.release();
  });

  it('a lock of a process running as another user (signal refused, EPERM) is not taken over', async () => {
    const pid = endedPid();
    await leaveLockOf(pid);
    // Tests run as root, whom no process refuses: the refusal an ordinary user gets is played here.
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => {
      throw fsError('EPERM');
    });
    try {
      await expect(acquireLock({ root: cwd }, 'mine')).rejects.toThrow(`(pid ${pid}, started`);
      expect(kill.mock.calls).toEqual([[pid, 0]]);
    } finally {
      kill.mockRestore();
    }
  });
});

describe('the run lock when another run acts at the same moment', () => {
  it('a lock removed between the failed create and the read is taken on the second try', async () => {
    await leaveLock(JSON.stringify(holder(200)));
    let reads = 0;
    const fs = fsWith({
      readFile: (async (path: string, encoding: BufferEncoding) => {
        if (++reads === 1) await unlink(path); // the other run ended and released its lock
        return real.readFile(path, encoding);
      }) as NumbersFs['readFile'],
    });
    const lock = await lockAs(100, { fs });
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: 100 });
    await lock.release();
  });

  it('a lock that keeps appearing and vanishing is refused after two tries: another run is starting', async () => {
    let opens = 0;
    const fs = fsWith({
      open: (async (path: string, flags: string, mode: number) => {
        // Another run creates the lock just before each try (stopping after 10, so a loop would end).
        if (++opens <= 10) await writeFile(path, JSON.stringify(holder(200)));
        return real.open(path, flags, mode);
      }) as NumbersFs['open'],
      readFile: (async (path: string, encoding: BufferEncoding) => {
        await unlink(path); // ...and releases it before this run reads it
        return real.readFile(path, encoding);
      }) as NumbersFs['readFile'],
    });
    expect(await problemsOf(lockAs(100, { fs }))).toEqual([
      `Another attach or restore is running in this project (another run is starting at this moment). ${WAIT}`,
    ]);
    expect(opens).toBe(2);
  });

  it('a stale lock that another run took over and left stale again is refused, naming that run', async () => {
    await leaveLock(JSON.stringify(holder(4242)));
    let unlinks = 0;
    const fs = fsWith({
      unlink: async (path) => {
        await real.unlink(path);
        // Another (now ended) run takes the lock between this run's removal and its second try.
        if (++unlinks === 1) await writeFile(path, JSON.stringify(holder(4343)));
      },
    });
    const notes: string[] = [];
    expect(await problemsOf(lockAs(100, { fs, warn: (line) => notes.push(line) }))).toEqual([
      'Another attach or restore is running in this project ' +
        `(pid 4343, started 2026-03-01T09:00:00.000Z (npm run numbers -- attach --all)). ${WAIT}`,
    ]);
    expect(notes).toHaveLength(1);
    expect(unlinks).toBe(1);
  });

  it('a stale lock already removed by another run taking it over is taken, with the note', async () => {
    await leaveLock(JSON.stringify(holder(4242)));
    const fs = fsWith({
      unlink: async (path) => {
        await real.unlink(path); // the other run removed it first
        return real.unlink(path);
      },
    });
    const notes: string[] = [];
    const lock = await lockAs(100, { fs, warn: (line) => notes.push(line) });
    expect(notes).toHaveLength(1);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: 100 });
    await lock.release();
  });
});

describe('the run lock when the file system fails', () => {
  it.each([
    ['created', 'ENOSPC', { open: () => Promise.reject(fsError('ENOSPC')) }],
    ['read', 'EACCES', { readFile: () => Promise.reject(fsError('EACCES')) }],
    ['removed when stale', 'EACCES', { unlink: () => Promise.reject(fsError('EACCES')) }],
  ] as const)('a lock file that cannot be %s stops the run with that error (%s)', async (_step, code, replaced) => {
    await leaveLock(JSON.stringify(holder(4242)));
    const fs = fsWith(replaced as Partial<NumbersFs>);
    await expect(lockAs(100, { fs })).rejects.toMatchObject({ code, message: `${code}: injected failure` });
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toEqual(holder(4242));
  });
});

test('a lock file created but not written (a full disk) is removed, and the run stops with that error', async () => {
  const fs = fsWith({
    open: async (...args: Parameters<NumbersFs['open']>) => {
      const handle = await real.open(...args);
      return Object.assign(handle, { writeFile: () => Promise.reject(fsError('ENOSPC')) });
    },
  });
  await expect(lockAs(100, { fs })).rejects.toMatchObject({ code: 'ENOSPC' });
  expect(existsSync(lockFile())).toBe(false);
  await expect(lockAs(100)).resolves.toBeDefined();
});

describe('attach and restore hold the lock', () => {
  let api: TwilioApiStandIn;
  beforeEach(async () => (api = await TwilioApiStandIn.start()));
  afterEach(() => api.close());
  const locked = () => existsSync(lockFile());

  it('while they run, and release it on success, refusal and failure alike', async () => {
    const [n] = api.addNumbers(1);
    const ctx = contextFor(api, cwd);
    let seen = false;
    const done = await attachNumbers(
      { ...ctx, onProgress: () => (seen = locked()) },
      { url: 'https://x.example/sms', numbers: 'all', command: 'attach' },
    );
    expect([seen, locked()]).toEqual([true, false]);
    const unknown = attachNumbers(ctx, { url: 'https://x.example/sms', numbers: ['+12025550177'], command: 'x' });
    await expect(unknown).rejects.toBeInstanceOf(InputError);
    expect(locked()).toBe(false);
    api.failingWrites.set(n?.sid ?? '', { status: 400, code: 21452, message: 'no' });
    const failed = await restoreNumbers(ctx, { backupPath: done.backup ?? '', command: 'restore' });
    expect(failed.results[0]?.outcome).toBe('failed');
    expect(locked()).toBe(false);
    api.knobs.serverErrorRate = 1;
    const listing = attachNumbers(ctx, { url: 'https://y.example/sms', numbers: 'all', command: 'x' });
    await expect(listing).rejects.toMatchObject({ status: expect.any(Number) });
    expect(locked()).toBe(false);
  });

  it('a dry run takes no lock, so it runs beside a real run', async () => {
    api.addNumbers(1);
    await leaveLock(JSON.stringify({ ...holder(process.pid), host: hostname() }));
    const dry = await attachNumbers(contextFor(api, cwd), {
      url: 'https://x.example/sms',
      numbers: 'all',
      command: 'x',
      dryRun: true,
    });
    expect(dry.plan).toHaveLength(1);
    await expect(
      attachNumbers(contextFor(api, cwd), { url: 'https://x.example/sms', numbers: 'all', command: 'x' }),
    ).rejects.toThrow(`(pid ${process.pid}, started`);
    expect(api.writes()).toBe(0);
  });

  it("use the context's process, clock, file system and note", async () => {
    api.addNumbers(1);
    await leaveLock(JSON.stringify(holder(4242)));
    const notes: string[] = [];
    let lockSeen: unknown;
    let lockReads = 0;
    const fs = fsWith({
      readFile: (async (path: string, encoding: BufferEncoding) => {
        if (String(path).endsWith('numbers.lock')) lockReads++;
        return real.readFile(path, encoding);
      }) as NumbersFs['readFile'],
    });
    const ctx = {
      ...contextFor(api, cwd),
      lockProcess: world(100),
      now: () => START,
      fs,
      warn: (l: string) => notes.push(l),
    };
    await attachNumbers(
      { ...ctx, onProgress: () => (lockSeen = JSON.parse(readFileSync(lockFile(), 'utf8'))) },
      { url: 'https://x.example/sms', numbers: 'all', command: 'attach' },
    );
    expect(lockSeen).toEqual({ pid: 100, host: HOST, startedAt: START.toISOString(), command: 'attach' });
    expect(notes).toEqual([expect.stringContaining('(pid 4242, started')]);
    expect(lockReads).toBe(2);
  });
});
