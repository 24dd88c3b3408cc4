/**
 * `npm run stand-in`: the stand-ins on the ports its flags give, a seeded account, and the lines
 * to paste; with them, `numbers status` and a deploy work with no Twilio account, and the SendGrid
 * and Slack stand-ins print what they receive. A taken port is a clear error.
 */
import { spawn } from 'node:child_process';
import { freePort } from '../helpers/runtime';
import type { TempProject } from '../helpers/project';
import { deployProject, runDeploy } from './deploy-project';
import { cleanEnv, copyProject, eventually, REPO, removeProject, runCli } from './sms-project';
import { join } from 'node:path';

const TS_NODE = require.resolve('ts-node/register/transpile-only');

type Ports = { api: number; serverless: number; sendgrid: number; slack: number };

interface StandIn {
  output(): string;
  /** The `export NAME=value` lines it printed. */
  readonly variables: Record<string, string>;
  /** The `NAME=value` lines it printed for .env. */
  readonly dotenv: Record<string, string>;
  stop(): Promise<number | null>;
}

function startStandIn(args: readonly string[]): { output(): string; exited: Promise<number | null>; stop(): void } {
  const child = spawn(process.execPath, ['-r', TS_NODE, join(REPO, 'src', 'cli', 'stand-in.ts'), ...args], {
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { output: () => output, exited, stop: () => void child.kill('SIGTERM') };
}

const portFlags = (ports: Ports): string[] =>
  Object.entries(ports).flatMap(([name, port]) => [`--${name}-port`, String(port)]);

async function standIn(ports: Ports): Promise<StandIn> {
  const started = startStandIn(portFlags(ports));
  await eventually(`the stand-in's instructions\n${started.output()}`, () =>
    started.output().includes('What the stand-ins receive is printed here.') ? true : undefined,
  );
  const lines = (pattern: RegExp) =>
    Object.fromEntries([...started.output().matchAll(pattern)].map(([, name, value]) => [name, value]));
  return {
    output: started.output,
    variables: lines(/^export ([A-Z_]+)=(\S+)$/gm),
    dotenv: lines(/^([A-Z_]+)=(\S+)$/gm),
    stop: async () => {
      started.stop();
      return started.exited;
    },
  };
}

describe('npm run stand-in', () => {
  let ports: Ports;
  let running: StandIn;
  let cwd: string;
  let project: TempProject;
  beforeAll(async () => {
    ports = {
      api: await freePort(),
      serverless: await freePort(),
      sendgrid: await freePort(),
      slack: await freePort(),
    };
    running = await standIn(ports);
    cwd = await copyProject();
    project = await deployProject({ AUTO_REPLY_MESSAGE: 'Hi from the stand-in' });
  });
  afterAll(async () => {
    await running?.stop();
    await removeProject(cwd);
    await project?.remove();
  });

  test('listens on the ports its flags give, and prints the lines to paste', () => {
    expect(running.variables).toEqual({
      TWILIO_ACCOUNT_SID: expect.stringMatching(/^AC[0-9a-f]{32}$/),
      TWILIO_AUTH_TOKEN: expect.any(String),
      TWILIO_API_BASE_URL: `http://127.0.0.1:${ports.api}`,
      TWILIO_SERVERLESS_BASE_URL: `http://127.0.0.1:${ports.serverless}`,
    });
  });

  test('numbers status lists the seeded account: long codes in and out of services, one toll-free', async () => {
    const run = await runCli('numbers', ['status', '--json'], cwd, cleanEnv(running.variables));
    expect([run.code, run.stderr]).toEqual([0, '']);
    const listed = JSON.stringify(JSON.parse(run.stdout));
    for (const number of ['+12025550100', '+12025550101', '+12025550102', '+12025550103', '+18885550123'])
      expect(listed).toContain(number);
  });

  test('a deploy goes to it: a service is created, and a dry run afterwards names it', async () => {
    const run = await runDeploy(project.dir, [], running.variables);
    expect([run.code, run.stderr]).toEqual([0, expect.stringContaining('Deploying sms-switchboard to dev')]);
    expect(run.stdout).toMatch(/^ {2}\/sms +https:\/\/sms-switchboard-\d+-dev\.twil\.io\/sms$/m);
    const again = await runDeploy(project.dir, ['--dry-run'], running.variables);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /^Service: sms-switchboard \(ZS[0-9a-f]{32}, from \.twilioserverless\/deploy\.json\)$/m,
    );
  });

  test('a port already taken: exit 2, naming the port and the flag that changes it', async () => {
    const others = { serverless: await freePort(), sendgrid: await freePort(), slack: await freePort() };
    const second = startStandIn(portFlags({ ...others, api: ports.api }));
    expect(await second.exited).toBe(2);
    expect(second.output()).toContain(`Port ${ports.api} is already in use`);
    expect(second.output()).toContain('--api-port <port>');
  });

  test('the SendGrid and Slack stand-ins: lines for .env, and each payload received printed', async () => {
    const { dotenv } = running;
    expect(dotenv).toEqual({
      SENDGRID_API_KEY: expect.stringMatching(/^SG\./),
      EMAIL_FROM: 'switchboard@example.com',
      SENDGRID_API_BASE_URL: `http://127.0.0.1:${ports.sendgrid}`,
      SLACK_WEBHOOK_URL: expect.stringMatching(new RegExp(`^http://127\\.0\\.0\\.1:${ports.slack}/services/`)),
    });
    const mail = {
      personalizations: [{ to: [{ email: 'owner@example.com' }] }],
      from: { email: dotenv.EMAIL_FROM },
      subject: 'SMS from +15551230000 to +12025550100',
      content: [{ type: 'text/plain', value: 'Printed by the stand-in' }],
    };
    const sent = await fetch(`${dotenv.SENDGRID_API_BASE_URL}/v3/mail/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${dotenv.SENDGRID_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(mail),
    });
    expect([sent.status, await sent.text()]).toEqual([202, '']);
    const posted = await fetch(dotenv.SLACK_WEBHOOK_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Slack, printed' }),
    });
    expect([posted.status, await posted.text()]).toEqual([200, 'ok']);
    await eventually('the payloads printed', () => (running.output().includes('Slack, printed') ? true : undefined));
    expect(running.output()).toContain('SendGrid stand-in: accepted a mail (202):');
    expect(running.output()).toContain('"value": "Printed by the stand-in"');
    expect(running.output()).toContain('Slack stand-in: accepted a message (200 ok):');
  });
});
