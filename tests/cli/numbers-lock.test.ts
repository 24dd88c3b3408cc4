/**
 * One attach or restore at a time, with real processes: `npm run numbers` started twice at once,
 * Ctrl-C in the middle of a run, a lock left by a killed run. The stand-in holds every write
 * (holdWritesAfter 0), so a run stays in the middle of its writes until the test stops it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE } from '../../src/numbers/lock';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { runToEnd, startNumbers, until, type Running } from '../faults/cli';
import { tempProject } from '../helpers/numbers-cli';

const URL_ = 'https://switchboard-1234-dev.twil.io/sms';
const ATTACH = ['attach', '--url', URL_, '--all'];

let api: TwilioApiStandIn;
let cwd: string;
beforeEach(async () => {
  api = await TwilioApiStandIn.start();
  api.addNumbers(4);
  cwd = await tempProject();
});
afterEach(() => api.close());
const locked = () => existsSync(join(cwd, LOCK_FILE));

/** Of two runs, the one the other refused: it ends on its own, exit 2. */
const firstToEnd = (a: Running, b: Running) =>
  Promise.race([a.finished.then((end) => ({ end, other: b })), b.finished.then((end) => ({ end, other: a }))]);

test('two runs started at once: one holds the lock, the other exits 2 naming its pid and start time', async () => {
  api.knobs.holdWritesAfter = 0;
  const [a, b] = [startNumbers(api, cwd, ATTACH), startNumbers(api, cwd, [...ATTACH, '--json'])];
  const { end, other } = await firstToEnd(a, b);
  expect(end.code).toBe(2);
  const holder = JSON.parse(await readFile(join(cwd, LOCK_FILE), 'utf8')) as { pid: number; startedAt: string };
  expect(holder.pid).toBe(other.child.pid);
  expect(end.stderr).toContain(
    `Another attach or restore is running in this project (pid ${holder.pid}, started ${holder.startedAt}`,
  );
  expect(end.stderr).toContain('Nothing was written.');
  await until(other, () => api.stats.held > 0, 'the holder reached its writes');

  other.child.kill('SIGINT');
  const stopped = await other.finished;
  expect([stopped.code, stopped.signal]).toEqual([130, null]);
  expect(stopped.stderr).toContain('Interrupted (SIGINT): the numbers written so far stay written.');
  expect(stopped.stderr).toMatch(/undo it: npm run numbers -- restore \.twilioserverless\/backups\/\S+\.json/);
  expect(locked()).toBe(false);

  api.knobs.holdWritesAfter = Infinity;
  const rerun = await runToEnd(api, cwd, ATTACH);
  expect(rerun.code).toBe(0);
  expect(rerun.stderr).not.toContain('no longer running');
  expect(locked()).toBe(false);
}, 60_000);

test('Ctrl-C before any write says nothing was changed, and releases the lock', async () => {
  // Every request held: the run is stopped while it reads the account, lock taken, nothing written.
  api.knobs.hangRate = 1;
  const running = startNumbers(api, cwd, ATTACH);
  await until(running, () => api.stats.hung > 0 && locked(), 'the run took the lock and asked for the numbers');
  running.child.kill('SIGINT');
  const stopped = await running.finished;
  expect(stopped.code).toBe(130);
  expect(stopped.stderr).toContain('Interrupted (SIGINT) before any write: nothing was changed.');
  expect(locked()).toBe(false);
}, 60_000);

test('a lock left by a process that is gone is taken over with a note; a failed run releases it too', async () => {
  const gone = spawn(process.execPath, ['-e', '']);
  const pid = gone.pid ?? 0;
  await new Promise((resolve) => gone.on('close', resolve));
  await mkdir(join(cwd, '.twilioserverless'), { recursive: true });
  const left = { pid, host: hostname(), startedAt: '2026-03-01T09:00:00.000Z', command: 'npm run numbers -- attach' };
  await writeFile(join(cwd, LOCK_FILE), JSON.stringify(left));

  const [first] = api.allNumbers();
  api.failingWrites.set(first?.sid ?? '', { status: 400, code: 21452, message: 'refused' });
  const run = await runToEnd(api, cwd, ATTACH);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(
    `Note: ${LOCK_FILE} was left by a run that is no longer running (pid ${pid}, started 2026-03-01T09:00:00.000Z`,
  );
  expect(api.writes()).toBe(3);
  expect(locked()).toBe(false);
}, 60_000);
