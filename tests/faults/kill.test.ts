/**
 * The real `npm run numbers` killed with SIGKILL in the middle of its writes (the stand-in holds
 * every write after a count, so the kill lands mid-run, whatever the machine's speed), first
 * during attach, then during the restore. A rerun of attach finishes the job; restoring the first
 * run's backup, rerun after its own kill, returns every number exactly as it was.
 */
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { accountState } from '../helpers/numbers-state';
import { attached, differences, foreignParameters, seedAccount, smsRouting, URL_ } from './account';
import { runToEnd, startNumbers, until } from './cli';
import { backups, readBackupFile, tempDir } from './world';

const COUNT = 120;
const KILL_AFTER = 25;

let api: TwilioApiStandIn;
let project: { dir: string; remove(): Promise<void> };
beforeEach(async () => {
  api = await TwilioApiStandIn.start({ seed: 11 });
  project = await tempDir();
  // A realistic account under load: some latency, a concurrency limit (429 beyond), a few 5xx.
  Object.assign(api.knobs, { latencyMs: [1, 5], maxConcurrency: 4, serverErrorRate: 0.03 });
});
afterEach(async () => {
  await api.close();
  await project.remove();
});

/** Starts the command, waits until the stand-in holds a write past `after` landed ones, kills it. */
async function killMidway(args: string[], after: number): Promise<void> {
  api.knobs.holdWritesAfter = after;
  const running = startNumbers(api, project.dir, args);
  await until(running, () => api.stats.held > 0, `${after} writes landed`);
  running.child.kill('SIGKILL');
  const end = await running.finished;
  expect(end.signal).toBe('SIGKILL');
  expect(api.writes()).toBe(after);
  api.knobs.holdWritesAfter = Infinity;
  api.stats.held = 0;
}

test('attach killed, rerun, restore killed, rerun: every number exactly as it was, voice untouched', async () => {
  const before = seedAccount(api, COUNT);
  const state = accountState(api);
  // Every fifth number is in a Messaging Service that answers for it: the service defers first.
  const attach = [
    'attach',
    '--url',
    URL_,
    '--all',
    '--yes',
    '--json',
    '--concurrency',
    '6',
    '--messaging-service',
    'defer',
  ];

  await killMidway(attach, KILL_AFTER);
  const [first, ...others] = await backups(project.dir);
  expect(others).toEqual([]);
  // Written before the first write: it holds every number as it was.
  const saved = await readBackupFile(project.dir, first);
  expect(saved.accountSid).toBe(api.accountSid);
  expect(saved.numbers.map((n) => n.sid)).toEqual(before.map((n) => n.sid));
  saved.numbers.forEach((n, i) => {
    expect([n.smsUrl, n.smsMethod, n.smsFallbackUrl, n.smsFallbackMethod, n.smsApplicationSid]).toEqual(
      Object.values(smsRouting(before[i])),
    );
  });

  const rerun = await runToEnd(api, project.dir, attach);
  expect(rerun.code).toBe(0);
  // The killed run could not release its lock: the rerun takes it over, and says so.
  expect(rerun.stderr).toContain('was left by a run that is no longer running');
  const report = JSON.parse(rerun.stdout) as { results: Array<{ outcome: string }> };
  expect(report.results.filter((r) => r.outcome === 'failed')).toEqual([]);
  expect(differences(api, before, attached)).toEqual([]);

  const restore = ['restore', first, '--json'];
  await killMidway(restore, api.writes() + 30);
  const again = await runToEnd(api, project.dir, restore);
  expect(again.code).toBe(0);
  expect(differences(api, before, smsRouting)).toEqual([]);
  expect(accountState(api)).toEqual(state);
  expect(foreignParameters(api)).toEqual([]);
  // Each run that wrote kept its own backup: the attach, its rerun, the killed restore and the last.
  expect(await backups(project.dir)).toHaveLength(4);
}, 180_000);
