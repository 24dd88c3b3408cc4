// Runs `npm run numbers` the way a user does: a child process (ts-node, transpile-only, as the npm
// script) in its own working directory, pointed at the stand-in API with TWILIO_API_BASE_URL.
// Asynchronous on purpose: the stand-in answers from this process's event loop.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { coverageEnv } from './child-coverage';
import type { NumbersContext } from '../../src/numbers/context';
import type { Credentials } from '../../src/twilio/credentials';
import { createNumbersApi } from '../../src/numbers/numbers-api';
import type { TwilioApiStandIn } from '../../src/stand-in/twilio-api';

const ROOT = resolve(__dirname, '..', '..');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const tempProject = (): Promise<string> => mkdtemp(join(tmpdir(), 'numbers-cli-'));

/** Credentials for the stand-in's account, as a shell would export them. */
export const credentialsOf = (api: TwilioApiStandIn): Record<string, string> => ({
  TWILIO_ACCOUNT_SID: api.accountSid,
  TWILIO_AUTH_TOKEN: api.authToken,
  TWILIO_API_BASE_URL: api.url,
});

export function runNumbers(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; stdin?: string },
): Promise<CliResult> {
  // Only PATH and HOME from this shell: no real TWILIO_* credential may leak into a test run.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...coverageEnv(), ...options.env };
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/cli/numbers.ts'), ...args],
    {
      cwd: options.cwd,
      env: { ...env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolveResult, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolveResult({ code, stdout, stderr }));
  });
}

/** The library's world against the stand-in: the real SDK client, quick backoff so tests stay fast. */
export function contextFor(api: TwilioApiStandIn, cwd: string, credentials: Partial<Credentials> = {}): NumbersContext {
  const creds: Credentials = {
    accountSid: api.accountSid,
    username: api.accountSid,
    password: api.authToken,
    source: 'test',
    ...credentials,
  };
  const retry = { baseMs: 2, capMs: 50 };
  return { api: createNumbersApi(creds, { origin: api.url, retry }), accountSid: creds.accountSid, root: cwd, retry };
}
