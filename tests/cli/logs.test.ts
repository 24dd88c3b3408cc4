/**
 * `npm run logs` (issue 14.5): the deployed functions' recent logs, one line each with time, level,
 * function and message, through @twilio-labs/serverless-api's log calls; --function filters,
 * --tail follows until stopped. Against the Serverless stand-in's Logs resource.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ServerlessApiStandIn } from '../../src/stand-in/serverless-api';
import { coverageEnv } from '../helpers/child-coverage';
import type { TempProject } from '../helpers/project';
import { deployProject, runDeploy, type DeployRun } from './deploy-project';
import { eventually, REPO } from './sms-project';

const AC = `AC${'f'.repeat(32)}`;
const TOKEN = 'logs-token-90ab';
const TS_NODE = join(REPO, 'node_modules', 'ts-node', 'dist', 'bin.js');

let fake: ServerlessApiStandIn;
let shell: Record<string, string>;
let project: TempProject;
beforeAll(async () => {
  fake = new ServerlessApiStandIn({ accounts: [{ accountSid: AC, authToken: TOKEN }] });
  shell = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...coverageEnv(),
    TWILIO_ACCOUNT_SID: AC,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_SERVERLESS_BASE_URL: await fake.start(),
  };
  project = await deployProject({ AUTO_REPLY_MESSAGE: 'Hi' });
  expect((await runDeploy(project.dir, [], shell)).code).toBe(0);
  const dev = fake.environments[0].sid;
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
  fake.addLog(dev, '/sms', 'info', 'SMxx routed: forward to 2 targets', minutesAgo(3));
  fake.addLog(dev, '/forward', 'warn', 'FORWARD_TO is not set', minutesAgo(2));
  fake.addLog(dev, '/sms', 'error', 'Sync did not answer within 2000 ms', minutesAgo(1));
  // Older than a day: not recent, as Twilio's default window has it.
  fake.addLog(dev, '/sms', 'info', 'long ago', minutesAgo(60 * 25));
});
afterAll(async () => {
  await fake.stop();
  await project.remove();
});

function logs(args: readonly string[]): { done: Promise<DeployRun>; output: () => string; stop: () => void } {
  const child = spawn(process.execPath, [TS_NODE, '--transpile-only', 'src/cli/logs.ts', ...args], {
    cwd: project.dir,
    env: shell,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<DeployRun>((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  return { done, output: () => stdout, stop: () => void child.kill('SIGINT') };
}

const LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) {2}(INFO |WARN |ERROR) {2}(\/\S+) {2}(.*)$/;

test('prints the recent lines oldest first: time, level, function, message', async () => {
  const run = await logs([]).done;
  expect([run.code, run.stderr]).toEqual([0, '']);
  const printed = run.stdout.trimEnd().split('\n');
  expect(
    printed.map((line) =>
      LINE.exec(line)
        ?.slice(2)
        .map((s) => s.trim()),
    ),
  ).toEqual([
    ['INFO', '/sms', 'SMxx routed: forward to 2 targets'],
    ['WARN', '/forward', 'FORWARD_TO is not set'],
    ['ERROR', '/sms', 'Sync did not answer within 2000 ms'],
  ]);
});

test("--function keeps one function's lines; an unknown one is exit 2", async () => {
  const run = await logs(['--function', '/forward', '--environment', 'dev']).done;
  expect(run.code).toBe(0);
  expect(run.stdout.trimEnd().split('\n')).toEqual([
    expect.stringMatching(/WARN {3}\/forward {2}FORWARD_TO is not set$/),
  ]);
  const unknown = await logs(['--function', '/nope']).done;
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain(
    '--function /nope is not a function of the service (/auto-reply, /forward, /ignore, /sms)',
  );
});

test('no recent line: says so on stderr (exit 0), stdout stays empty', async () => {
  const run = await logs(['--function', '/ignore']).done;
  expect(run).toEqual({ code: 0, stdout: '', stderr: 'No log lines of /ignore in dev in the last 24 hours.\n' });
});

test('--tail prints new lines as they come, until stopped (exit 0)', async () => {
  const tail = logs(['--tail']);
  await eventually('the recent lines', () => (tail.output().includes('Sync did not answer') ? true : undefined));
  fake.addLog(fake.environments[0].sid, '/sms', 'info', 'a new message came in');
  await eventually('the new line', () => (tail.output().includes('a new message came in') ? true : undefined));
  tail.stop();
  const run = await tail.done;
  expect(run.code).toBe(0);
  expect(run.stdout.match(/Sync did not answer/g)).toHaveLength(1);
});

test('an environment never deployed: exit 2 naming those that are', async () => {
  const run = await logs(['--environment', 'production']).done;
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/no deploy to the production environment is recorded .*recorded: dev/);
});

test('--help explains every flag and the exit codes, and exits 0', async () => {
  const run = await logs(['--help']).done;
  expect(run.code).toBe(0);
  for (const flag of ['--environment', '--tail', '--function']) expect(run.stdout).toContain(flag);
  expect(run.stdout).toMatch(/Exit codes: 0 .*1 .*2 .*3 /s);
});
