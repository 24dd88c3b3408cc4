// Serves a freshly built copy of the project with the real local runtime (twilio-run), for tests
// that load its pages in a browser. The copy has no .env and no private assets: zero configuration,
// and nothing of the developer's own set-up can leak into (or break) what the page shows.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildProject } from '../../src/build/build';

const REPO = join(__dirname, '..', '..');

export interface ServedProject {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  /** The URL paths of the public and protected functions the build produced, sorted (`/sms`, ...). */
  readonly functionPaths: readonly string[];
  /** What twilio-run printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address !== null ? address.port : 0;
        server.close(() => resolve(port));
      });
  });
}

/** `dist/functions/sms.protected.js` -> `/sms`; private functions have no URL. */
function urlPath(file: string): string | undefined {
  const name = basename(file).replace(/\.js$/, '');
  if (name.endsWith('.private')) return undefined;
  return '/' + name.replace(/\.protected$/, '');
}

async function copyProject(dir: string): Promise<void> {
  for (const name of ['functions', 'src', 'package.json', '.twilioserverlessrc']) {
    await cp(join(REPO, name), join(dir, name), { recursive: true });
  }
  await cp(join(REPO, 'assets'), join(dir, 'assets'), {
    recursive: true,
    filter: (source) => !/\.private\./.test(basename(source)),
  });
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

async function waitUntilServing(origin: string, child: ChildProcess): Promise<boolean> {
  // A bound on start-up, not a timed assertion: twilio-run starts in about a second here.
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    const up = await fetch(`${origin}/`).then(
      () => true,
      () => false,
    );
    if (up) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Builds a copy of the project (buildProject, as `npm run build` does) and serves its dist/. */
export async function serveBuiltProject(): Promise<ServedProject> {
  const dir = await mkdtemp(join(tmpdir(), 'sms-switchboard-site-'));
  await copyProject(dir);
  const result = await buildProject(dir);
  if (!result.ok) throw new Error(`build failed: ${JSON.stringify(result.problems)}`);
  const functionPaths = result.functions
    .map(urlPath)
    .filter((p): p is string => p !== undefined)
    .sort();

  const port = await freePort();
  const bin = join(dir, 'node_modules', 'twilio-run', 'bin', 'twilio-run.js');
  const child = spawn(process.execPath, [bin, 'start', '--no-fork-process', '--port', String(port)], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };

  const origin = `http://127.0.0.1:${port}`;
  if (!(await waitUntilServing(origin, child))) {
    await stop();
    throw new Error(`twilio-run did not start on ${origin}:\n${output}`);
  }
  return { origin, functionPaths, output: () => output, stop };
}
