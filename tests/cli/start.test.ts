/**
 * `npm start`: its checks before it builds anything (PORT, HOST, a busy port), and serving: on
 * 127.0.0.1 only unless HOST says otherwise (read from the kernel's socket table, never by
 * connecting elsewhere), with the local-only variables in the functions' context, and a word when
 * the routing file changes under it.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { main, readPort, restartMessage } from '../../src/cli/start';
import { hostWarning, localContext, readHost } from '../../src/cli/serve';
import { fixtures, params } from '../fixtures';
import { REPO, copySources, type TempProject } from '../helpers/project';
import { freePort } from '../helpers/runtime';
import { postWebhook } from '../helpers/webhook';
import { twimlOf } from '../helpers/webhook-answer';
import { listeningAddresses } from './listening';

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

test.each([
  [undefined, '127.0.0.1'],
  ['', '127.0.0.1'],
  ['0.0.0.0', '0.0.0.0'],
  ['::1', '::1'],
  [' 192.168.1.20 ', '192.168.1.20'],
  ['localhost', undefined],
  ['0.0.0.0:3000', undefined],
  ['my laptop', undefined],
])('readHost(%j) is %j', (value, expected) => {
  expect(readHost(value)).toBe(expected);
});

test('HOST on every interface (or any non-loopback address) warns that anyone can call unsigned', () => {
  for (const host of ['0.0.0.0', '::', '192.168.1.20'])
    expect(hostWarning(host)).toMatch(
      new RegExp(`HOST=${host}: anything on the network can call the functions, unsigned`),
    );
  for (const host of ['127.0.0.1', '127.0.0.2', '::1']) expect(hostWarning(host)).toBeUndefined();
});

test('the local-only variables: both by default; --sync leaves out the memory, --send the printing', () => {
  const both = { SWITCHBOARD_LOCAL_MEMORY: '1', SWITCHBOARD_PRINT_DELIVERIES: '1' };
  expect(localContext({ sync: false, send: false })).toEqual(both);
  expect(localContext({ sync: true, send: false })).toEqual({ SWITCHBOARD_PRINT_DELIVERIES: '1' });
  expect(localContext({ sync: false, send: true })).toEqual({ SWITCHBOARD_LOCAL_MEMORY: '1' });
  expect(localContext({ sync: true, send: true })).toEqual({});
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
    expect(await main([], project.dir, { PORT: 'eighty' })).toBe(2);
    expect(errors).toHaveBeenCalledWith(
      expect.stringMatching(/PORT=eighty is not a port number: set PORT to a number from 1 to 65535/),
    );
  });

  test('a HOST that is not an address: exit code 2, and how to fix it', async () => {
    expect(await main([], project.dir, { HOST: 'everywhere' })).toBe(2);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/HOST=everywhere is not an IP address: unset it/));
  });

  test('an unknown flag: exit code 2', async () => {
    expect(await main(['--live'], project.dir, {})).toBe(2);
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
      expect(await main([], project.dir, { PORT: String(port) })).toBe(2);
      expect(errors).toHaveBeenCalledWith(
        expect.stringMatching(new RegExp(`Port ${port} is already in use: .*PORT=<number> npm start`)),
      );
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});

/** What a function sees of the local-only variables. */
const PROBE =
  'export const handler = (context: Record<string, unknown>, _event: unknown, ' +
  'callback: (error: null, body: unknown) => void) =>\n' +
  '  callback(null, { memory: context.SWITCHBOARD_LOCAL_MEMORY ?? null, ' +
  'deliveries: context.SWITCHBOARD_PRINT_DELIVERIES ?? null });\n';

interface Started {
  readonly port: number;
  printed(): string;
  /** Waits (a bounded number of looks) until the output holds `text`. */
  prints(text: string): Promise<void>;
  stop(): Promise<void>;
}

/** `npm start -- <args>` in `project` as its script runs it, in its own process group. */
async function start(project: TempProject, args: readonly string[], env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const tsNode = join(REPO, 'node_modules', 'ts-node', 'dist', 'bin.js');
  const child = spawn(process.execPath, [tsNode, '--transpile-only', 'src/cli/start.ts', ...args], {
    cwd: project.dir,
    env: { ...process.env, PORT: String(port), FORCE_COLOR: '0', HOST: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const prints = async (text: string): Promise<void> => {
    // Bounded by looks at its output, not by a clock the test asserts on.
    for (let look = 0; look < 1200 && child.exitCode === null && !printed.includes(text); look++)
      await new Promise((r) => setTimeout(r, 50));
    if (!printed.includes(text)) throw new Error(`npm start did not print "${text}":\n${printed}`);
  };
  const stop = async (): Promise<void> => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  try {
    await prints('curl');
  } catch (cause) {
    await stop();
    throw cause;
  }
  return { port, printed: () => printed, prints, stop };
}

describe('serving', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await copySources('npm-start');
    await writeFile(join(project.dir, 'functions', 'probe.protected.ts'), PROBE);
  });
  afterAll(() => project?.remove());

  test('on 127.0.0.1 only: every function answers, with the local-only variables in their context', async () => {
    await writeFile(join(project.dir, '.env'), 'AUTO_REPLY_MESSAGE=Local text\n');
    const started = await start(project, [], {});
    try {
      expect(await listeningAddresses(started.port)).toEqual(['127.0.0.1']);
      const base = `http://127.0.0.1:${started.port}`;
      expect(started.printed()).toContain(`SMS Switchboard is serving on ${base}`);
      expect(started.printed()).toMatch(/curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/sms --data-urlencode/);
      expect(started.printed()).not.toContain('Memory:');
      expect(started.printed()).not.toContain('Warning: HOST');
      // The .env's AUTO_REPLY_MESSAGE from the router and /auto-reply; no FORWARD_TO, so /forward sends nothing.
      const answers: Record<string, unknown> = {};
      for (const path of ['/sms', '/auto-reply', '/forward', '/ignore'])
        answers[path] = twimlOf(await postWebhook(`${base}${path}`, params(fixtures.sms))).messages;
      expect(answers).toEqual({
        '/sms': [{ body: 'Local text', media: [] }],
        '/auto-reply': [{ body: 'Local text', media: [] }],
        '/forward': [],
        '/ignore': [],
      });
      const probe = await postWebhook(`${base}/probe`, params(fixtures.sms));
      expect(JSON.parse(probe.body)).toEqual({ memory: '1', deliveries: '1' });

      // A routing file added while it runs is not served: it says so, and how to get it served.
      await mkdir(join(project.dir, 'assets'), { recursive: true });
      await writeFile(join(project.dir, 'assets', 'routing.private.json'), '{"numbers":{}}');
      await started.prints(restartMessage('assets/routing.private.json'));
      expect(started.printed()).toContain('or use npm run dev');
    } finally {
      await started.stop();
    }
  });

  test('HOST chooses the address; with SYNC_SERVICE_SID and --sync the banner says Sync is the memory', async () => {
    await writeFile(join(project.dir, '.env'), `SYNC_SERVICE_SID=IS${'0'.repeat(32)}\n`);
    // Another loopback address: nothing outside this machine, and no connection is made to it.
    const started = await start(project, ['--sync', '--send'], { HOST: '127.0.0.2' });
    try {
      expect(await listeningAddresses(started.port)).toEqual(['127.0.0.2']);
      expect(started.printed()).toContain(`serving on http://127.0.0.2:${started.port}`);
      expect(started.printed()).toContain(`Memory: Twilio Sync service IS${'0'.repeat(32)} (--sync)`);
    } finally {
      await started.stop();
    }
  });

  test('with SYNC_SERVICE_SID and no --sync, the banner says the memory is in this process', async () => {
    await writeFile(join(project.dir, '.env'), `SYNC_SERVICE_SID=IS${'0'.repeat(32)}\n`);
    const started = await start(project, [], {});
    try {
      expect(started.printed()).toContain(
        `Memory: in this process (forgotten when it stops); Twilio Sync IS${'0'.repeat(32)} is not touched.`,
      );
    } finally {
      await started.stop();
    }
  });
});
