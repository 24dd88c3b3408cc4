// For the deploy command tests: a throwaway project, and `npm run deploy` run in it as a child
// process exactly as the npm script runs it (ts-node --transpile-only src/cli/deploy.ts).
// Asynchronous on purpose: the stand-ins answer from this process's event loop.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { coverageEnv } from '../helpers/child-coverage';
import { copySources, REPO, type TempProject } from '../helpers/project';

export interface DeployRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const ROUTING = '{"numbers":{"+15005550006":{"mode":"ignore"}}}';

/**
 * The repository's functions, src, package.json and .twilioserverlessrc (copied), node_modules
 * (linked), a private routing asset, and the given .env lines; no dist/ and no deploy record.
 */
export async function deployProject(env: Readonly<Record<string, string>>, rc?: string): Promise<TempProject> {
  const project = await copySources('deploy');
  await mkdir(join(project.dir, 'assets'), { recursive: true });
  await writeFile(join(project.dir, 'assets', 'routing.private.json'), ROUTING);
  await writeFile(
    join(project.dir, '.env'),
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  if (rc !== undefined) await writeFile(join(project.dir, '.twilioserverlessrc'), rc);
  return project;
}

const TS_NODE_BIN = join(REPO, 'node_modules', 'ts-node', 'dist', 'bin.js');

export function runDeploy(
  dir: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<DeployRun> {
  // Only PATH and HOME from this shell: no real TWILIO_* credential may reach a test run.
  const child = spawn(process.execPath, [TS_NODE_BIN, '--transpile-only', 'src/cli/deploy.ts', ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...coverageEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}
