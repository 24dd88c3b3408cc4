/**
 * The local runtime process (src/cli/local-runtime.ts) as `npm start` and `npm run dev` start it
 * (spawnRuntime): what it reports to its parent (listening, busy, failed), and how it dies on a
 * signal: by that signal, with its V8 coverage written first when NODE_V8_COVERAGE asks for it.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnRuntime, type RuntimeProcess } from '../../src/cli/serve';
import { fixtures, params } from '../fixtures';
import { buildOnce, type TempProject } from '../helpers/project';
import { freePort } from '../helpers/runtime';
import { postWebhook } from '../helpers/webhook';
import { twimlOf } from '../helpers/webhook-answer';

const LOCALHOST = '127.0.0.1';
// Jest's process.env is a copy no child inherits: passed, so that `npm run coverage` counts these children.
const OPTIONS = { context: {}, routes: false, env: { ...process.env } };
const ended = (runtime: RuntimeProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  runtime.child.exitCode !== null || runtime.child.signalCode !== null
    ? Promise.resolve({ code: runtime.child.exitCode, signal: runtime.child.signalCode })
    : new Promise((resolve) => runtime.child.once('exit', (code, signal) => resolve({ code, signal })));

/** A project after `npm run build`, as npm start serves it: its root holds dist/, package.json, tsconfig.json... */
let project: TempProject;
beforeAll(async () => {
  project = await buildOnce();
  await writeFile(join(project.dir, '.env'), 'AUTO_REPLY_MESSAGE=From .env\n');
});
afterAll(() => project?.remove());

/** Starts the runtime with NODE_V8_COVERAGE pointing at `coverage`. */
const spawnWithCoverage = (coverage: string, port: number): RuntimeProcess =>
  spawnRuntime(
    project.dir,
    { port, host: LOCALHOST },
    { ...OPTIONS, env: { ...OPTIONS.env, NODE_V8_COVERAGE: coverage } },
  );

test.each(['SIGTERM', 'SIGINT'] as const)(
  'serves until %s, then writes its V8 coverage and dies by that signal',
  async (signal) => {
    const coverage = await mkdtemp(join(tmpdir(), 'sms-switchboard-runtime-coverage-'));
    try {
      const port = await freePort();
      const runtime = spawnWithCoverage(coverage, port);
      expect(await runtime.ready).toEqual({ kind: 'listening', address: LOCALHOST });
      const answer = await postWebhook(`http://${LOCALHOST}:${port}/auto-reply`, params(fixtures.sms));
      expect(twimlOf(answer)).toEqual({ messages: [{ body: 'From .env', media: [] }] });

      runtime.child.kill(signal);
      expect(await ended(runtime)).toEqual({ code: null, signal });
      const files = await readdir(coverage);
      const texts = await Promise.all(files.map((file) => readFile(join(coverage, file), 'utf8')));
      expect(texts.some((text) => text.includes('src/cli/local-runtime.ts'))).toBe(true);
      // Under `npm run coverage`, what this child ran counts too.
      const counted = process.env.NODE_V8_COVERAGE;
      if (counted !== undefined && counted !== '') await cp(coverage, counted, { recursive: true });
    } finally {
      await rm(coverage, { recursive: true, force: true });
    }
  },
);

test('a port already in use: it reports busy and exits with code 2', async () => {
  const busy: Server = createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => busy.listen(port, LOCALHOST, resolve));
  try {
    const runtime = spawnRuntime(project.dir, { port, host: LOCALHOST }, OPTIONS);
    expect(await runtime.ready).toEqual({ kind: 'busy' });
    expect(await ended(runtime)).toEqual({ code: 2, signal: null });
  } finally {
    await new Promise((resolve) => busy.close(resolve));
  }
});

test('an address this machine does not have: it reports failed and exits with code 2', async () => {
  // TEST-NET-1 (RFC 5737): never assigned to a machine, so binding fails at once; nothing is sent.
  const runtime = spawnRuntime(project.dir, { port: await freePort(), host: '192.0.2.1' }, OPTIONS);
  expect(await runtime.ready).toEqual({ kind: 'failed' });
  expect(await ended(runtime)).toEqual({ code: 2, signal: null });
});

test('a @twilio/runtime-handler that is not pinned exactly: it stops with code 1 before listening', async () => {
  const file = join(project.dir, 'package.json');
  const pinned = await readFile(file, 'utf8');
  try {
    const pkg = JSON.parse(pinned);
    pkg.dependencies['@twilio/runtime-handler'] = '^2.1.0';
    await writeFile(file, JSON.stringify(pkg));
    const runtime = spawnRuntime(project.dir, { port: await freePort(), host: LOCALHOST }, OPTIONS);
    expect(await runtime.ready).toEqual({ kind: 'exited' });
    expect(await ended(runtime)).toEqual({ code: 1, signal: null });
  } finally {
    await writeFile(file, pinned);
  }
});
