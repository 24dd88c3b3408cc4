/**
 * Cold load: the time to `require` a built function in a fresh Node process, as the runtime
 * loads it on a cold start (and, locally with --live, on every request). Each repetition is a new
 * process; only the require is timed (hrtime around it), not Node's own start-up.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { summarize, type Summary } from './stats';

export interface ColdLoadResult {
  readonly file: string;
  /** Milliseconds to require the module. */
  readonly ms: Summary;
}

/** Run by `node -e`: plain JavaScript, nothing loaded before the require but Node itself. */
const PROBE = `
const file = process.argv[1];
const start = process.hrtime.bigint();
const handler = require(file).handler;
const ns = process.hrtime.bigint() - start;
if (typeof handler !== 'function') throw new Error(file + ' has no handler');
process.stdout.write(String(ns));
`;

function loadOnce(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', PROBE, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(Number(out) / 1e6) : reject(new Error(`loading ${path} failed (${code}): ${err}`)),
    );
  });
}

export async function coldLoad(
  dir: string,
  files: readonly string[],
  options: { warmup: number; repetitions: number },
): Promise<ColdLoadResult[]> {
  const samples = new Map<string, number[]>(files.map((f) => [f, []]));
  // Warm-up: the files and Node itself in the page cache.
  for (let i = 0; i < options.warmup; i++) for (const file of files) await loadOnce(resolve(dir, file));
  // Interleaved, so a slow moment on the machine spreads over every file rather than one.
  for (let i = 0; i < options.repetitions; i++)
    for (const file of files) samples.get(file)?.push(await loadOnce(resolve(dir, file)));
  return files.map((file) => ({ file, ms: summarize(samples.get(file) ?? []) }));
}
