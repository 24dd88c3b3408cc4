/**
 * The real local Functions runtime (`twilio-run start`), served in-process on a free port of
 * 127.0.0.1, in a given project directory. Start one per describe block: it takes a second or two.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { REPO } from './project';

export interface LocalRuntime {
  /** `http://127.0.0.1:<port><path>` */
  url(path: string): string;
  /** What twilio-run printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /**
   * What twilio-run printed, once it matches `pattern` (its log lines can arrive after the HTTP
   * answer they belong to); after a bounded number of looks, whatever it printed.
   */
  outputMatching(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

/** A port nothing listens on right now (twilio-run on a busy port would ask interactively and hang). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject).listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true))).once('error', () => resolve(false));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface RuntimeOptions {
  /** More arguments for `twilio-run start`, e.g. `['--no-live']`. */
  readonly args?: readonly string[];
  /**
   * Variables of the runtime process itself (not of the functions' context, which comes from
   * `.env`), e.g. HTTP_PROXY, which the Twilio SDK inside the functions obeys.
   */
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts `twilio-run start --no-fork-process --port <free>` in `dir` and waits until it accepts connections. */
export async function startRuntime(dir: string, options: RuntimeOptions = {}): Promise<LocalRuntime> {
  const port = await freePort();
  const bin = join(REPO, 'node_modules', 'twilio-run', 'bin', 'twilio-run.js');
  const args = [bin, 'start', '--no-fork-process', '--port', String(port), ...(options.args ?? [])];
  const child = spawn(process.execPath, args, {
    cwd: dir,
    // No terminal: nothing may wait for an answer on stdin.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_UPDATE_NOTIFIER: '1', ...options.env },
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  // Bounded by attempts, not by a clock the test asserts on: a slow machine only waits longer.
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await accepts(port)) {
      const outputMatching = async (pattern: RegExp): Promise<string> => {
        for (let look = 0; look < 100 && !pattern.test(printed); look++) await pause(20);
        return printed;
      };
      return { url: (path) => `http://127.0.0.1:${port}${path}`, output: () => printed, outputMatching, stop };
    }
    await pause(50);
  }
  await stop();
  throw new Error(`twilio-run did not start serving on port ${port} in ${dir}:\n${printed}`);
}

/** A served project and how to take it down: stop the runtime, then delete the directory. */
export interface Served {
  readonly runtime: LocalRuntime;
  close(): Promise<void>;
}

/** Serves a temp project made by `servedProject` (see ./project). */
export async function serve(project: { dir: string; remove(): Promise<void> }): Promise<Served> {
  try {
    const runtime = await startRuntime(project.dir);
    return { runtime, close: () => runtime.stop().then(() => project.remove()) };
  } catch (cause) {
    await project.remove();
    throw cause;
  }
}
