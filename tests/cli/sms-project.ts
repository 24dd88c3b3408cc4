// Shared by the sms and dev command tests: a throwaway copy of the project, the commands run as
// child processes exactly as `npm run` runs them, and plain HTTP on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { coverageEnv } from '../helpers/child-coverage';

export const REPO = join(__dirname, '..', '..');
const TS_NODE = require.resolve('ts-node/register/transpile-only');

export function freePort(): Promise<number> {
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

/**
 * Sources and configuration files of the repository, without .env, dist/ or private assets: the
 * developer's own set-up must not leak into a test. node_modules is linked, not copied.
 */
export async function copyProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sms-switchboard-cli-'));
  for (const name of ['functions', 'src', 'package.json', 'tsconfig.json', '.twilioserverlessrc']) {
    await cp(join(REPO, name), join(dir, name), { recursive: true });
  }
  await cp(join(REPO, 'assets'), join(dir, 'assets'), {
    recursive: true,
    filter: (source) => !/\.private\./.test(basename(source)),
  }).catch(() => undefined);
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export const removeProject = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

/**
 * Only what a command needs from the shell: nothing of the developer's Twilio credentials. ts-node
 * is pointed at the repository's tsconfig: it would otherwise look for one from the working
 * directory up, and find whatever a temporary directory's parents hold.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...coverageEnv(),
    TS_NODE_PROJECT: join(REPO, 'tsconfig.json'),
    ...extra,
  };
}

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `src/cli/<name>.ts` as `npm run <name>` does (ts-node, transpile only) and waits for it. */
export function runCli(name: string, args: readonly string[], cwd: string, env = cleanEnv()): Promise<Finished> {
  const child = spawn(process.execPath, ['-r', TS_NODE, join(REPO, 'src', 'cli', `${name}.ts`), ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** A long-running child whose output is kept, for servers. */
export interface Running {
  readonly child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

export function startCli(name: string, cwd: string, env: NodeJS.ProcessEnv): Running {
  return keep(
    spawn(process.execPath, ['-r', TS_NODE, join(REPO, 'src', 'cli', `${name}.ts`)], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

export function startRuntime(dir: string, port: number): Running {
  const bin = join(dir, 'node_modules', 'twilio-run', 'bin', 'twilio-run.js');
  return keep(
    spawn(process.execPath, [bin, 'start', '--no-fork-process', '--port', String(port)], {
      cwd: dir,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

function keep(child: ChildProcess): Running {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A form POST (unsigned: the local runtime checks no signature); status and text, or undefined if refused. */
export function postForm(
  url: string,
  params: Record<string, string>,
): Promise<{ status: number; text: string } | undefined> {
  const body = new URLSearchParams(params).toString();
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.once('error', () => resolve(undefined));
    req.end(body);
  });
}

/**
 * Polls until `check` returns a value. The deadline only bounds a hung test; nothing asserts on
 * how long it took.
 */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  deadlineMs = 60_000,
): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
