/** `npm start`: its checks before it builds anything (PORT, a busy port), and serving on $PORT with no .env. */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { main, readPort } from '../../src/cli/start';
import { fixtures, params } from '../fixtures';
import { REPO, copySources, type TempProject } from '../helpers/project';
import { freePort } from '../helpers/runtime';
import { postWebhook } from '../helpers/webhook';
import { twimlOf } from '../helpers/webhook-answer';

test.each([
  [undefined, 3000],
  ['', 3000],
  ['8080', 8080],
  ['1', 1],
  ['65535', 65535],
  ['0', undefined],
  ['65536', undefined],
  ['-1', undefined],
  ['3000.5', undefined],
  ['http', undefined],
])('readPort(%j) is %j', (value, expected) => {
  expect(readPort(value)).toBe(expected);
});

describe('main refuses before building', () => {
  let project: TempProject;
  let errors: jest.SpyInstance;
  // A throw-away copy: if a check failed to stop main, it would build there, not in the repository.
  beforeAll(async () => {
    project = await copySources('start');
  });
  afterAll(() => project?.remove());
  beforeEach(() => {
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  test('a PORT that is not a port number: exit code 2, and how to fix it', async () => {
    expect(await main(project.dir, { PORT: 'eighty' })).toBe(2);
    expect(errors).toHaveBeenCalledWith(
      expect.stringMatching(/PORT=eighty is not a port number: set PORT to a number from 1 to 65535/),
    );
  });

  test("a port already in use: exit code 2 instead of twilio-run's interactive question", async () => {
    const busy: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, '127.0.0.1', () => {
        const address = busy.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      }),
    );
    try {
      expect(await main(project.dir, { PORT: String(port) })).toBe(2);
      expect(errors).toHaveBeenCalledWith(
        expect.stringMatching(new RegExp(`Port ${port} is already in use: .*PORT=<number> npm start`)),
      );
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});

test('with no .env, builds and serves every function on $PORT, and prints a curl example', async () => {
  const project = await copySources('npm-start');
  const port = await freePort();
  const tsNode = join(REPO, 'node_modules', 'ts-node', 'dist', 'bin.js');
  // Its own process group, so stopping it also stops the twilio-run it started.
  const child = spawn(process.execPath, [tsNode, '--transpile-only', 'src/cli/start.ts'], {
    cwd: project.dir,
    env: { ...process.env, PORT: String(port), FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    // Bounded by looks at its output, not by a clock the test asserts on.
    for (let look = 0; look < 1200 && child.exitCode === null && !printed.includes('curl'); look++)
      await new Promise((r) => setTimeout(r, 50));
    expect(printed).toContain(`http://localhost:${port}`);
    expect(printed).toMatch(/curl -s -X POST http:\/\/localhost:\d+\/sms --data-urlencode/);
    for (const path of ['/sms', '/auto-reply', '/forward', '/ignore']) {
      expect(
        twimlOf(await postWebhook(`http://127.0.0.1:${port}${path}`, params(fixtures.sms))).messages.length,
      ).toBeLessThanOrEqual(1);
    }
    expect(twimlOf(await postWebhook(`http://127.0.0.1:${port}/sms`, params(fixtures.sms))).messages).toHaveLength(1);
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
    await project.remove();
  }
});
