/**
 * `npm run numbers` as a child process (ts-node transpile-only, as the npm script runs it), whose
 * handle the test keeps: to kill it with SIGKILL in the middle of its writes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from '../helpers/project';
import type { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { numbersEnv } from '../helpers/numbers-env';

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Running {
  readonly child: ChildProcess;
  readonly finished: Promise<Finished>;
}

export function startNumbers(
  api: TwilioApiStandIn,
  cwd: string,
  args: readonly string[],
  extraEnv: Record<string, string> = {},
): Running {
  const env = numbersEnv(api, extraEnv);
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(REPO, 'src/cli/numbers.ts'), ...args],
    {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, finished };
}

export const runToEnd = (api: TwilioApiStandIn, cwd: string, args: readonly string[]): Promise<Finished> =>
  startNumbers(api, cwd, args).finished;

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

/** Waits until `condition` holds, or the child ends first (then says how it ended). */
export async function until(running: Running, condition: () => boolean, what: string): Promise<void> {
  let ended: Finished | undefined;
  void running.finished.then((f) => (ended = f));
  while (!condition()) {
    if (ended !== undefined)
      throw new Error(`the command ended before ${what}: exit ${ended.code}\n${ended.stdout}\n${ended.stderr}`);
    await tick();
  }
}
