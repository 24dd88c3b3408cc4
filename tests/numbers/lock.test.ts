import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { attachNumbers } from '../../src/numbers/attach';
import { InputError } from '../../src/errors/input-error';
import { acquireLock, LOCK_FILE, releaseLockSync, type LockProcess } from '../../src/numbers/lock';
import { restoreNumbers } from '../../src/numbers/restore';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { contextFor, tempProject } from '../helpers/numbers-cli';

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

let cwd: string;
beforeEach(async () => (cwd = await tempProject()));
const lockFile = () => join(cwd, LOCK_FILE);
async function leaveLock(content: string): Promise<void> {
  await mkdir(join(cwd, '.twilioserverless'), { recursive: true });
  await writeFile(lockFile(), content);
}

describe('the run lock', () => {
  it('is a file naming the run (URL passwords hidden), removed on release', async () => {
    const lock = await acquireLock(cwd, 'attach --url https://u:secret@example.com/sms', {
      owner: world(100),
      now: () => START,
    });
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toEqual({
      pid: 100,
      host: HOST,
      startedAt: '2026-03-01T10:20:30.456Z',
      command: 'attach --url https://u:***@example.com/sms',
    });
    await lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it("a second run is refused, naming the other run's pid and start time", async () => {
    const first = await acquireLock(cwd, 'first', { owner: world(100), now: () => START });
    const error = (await acquireLock(cwd, 'second', { owner: world(200) }).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems).toEqual([
      'Another attach or restore is running in this project (pid 100, started 2026-03-01T10:20:30.456Z (first)). ' +
        `Wait until it has ended, then run this command again. If it is not running any more, delete ${LOCK_FILE}.`,
    ]);
    await first.release();
    await (await acquireLock(cwd, 'second', { owner: world(200) })).release();
  });

  it('a lock whose process is gone is taken over, with a note', async () => {
    await leaveLock(JSON.stringify(holder(4242)));
    const notes: string[] = [];
    const lock = await acquireLock(cwd, 'mine', { owner: world(100), warn: (line) => notes.push(line) });
    expect(notes).toEqual([
      `Note: ${LOCK_FILE} was left by a run that is no longer running ` +
        '(pid 4242, started 2026-03-01T09:00:00.000Z (npm run numbers -- attach --all)); taken over. ' +
        'Its backup, if it wrote one, is in .twilioserverless/backups/.',
    ]);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: 100, command: 'mine' });
    await lock.release();
  });

  it("a lock of another machine, or one that can't be read, is not taken over", async () => {
    await leaveLock(JSON.stringify(holder(4242, 'laptop')));
    await expect(acquireLock(cwd, 'x', { owner: world(100) })).rejects.toThrow('(pid 4242 on laptop, started');
    await leaveLock('');
    await expect(acquireLock(cwd, 'x', { owner: world(100) })).rejects.toThrow('(its lock file is unreadable)');
    expect(await readFile(lockFile(), 'utf8')).toBe('');
  });

  it('release and the Ctrl-C release remove only their own lock', async () => {
    const lock = await acquireLock(cwd, 'x', { owner: world(100) });
    expect(releaseLockSync(cwd, 200)).toBe(false);
    expect(existsSync(lockFile())).toBe(true);
    expect(releaseLockSync(cwd, 100)).toBe(true);
    await leaveLock(JSON.stringify(holder(200)));
    await lock.release();
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: 200 });
  });
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
});
