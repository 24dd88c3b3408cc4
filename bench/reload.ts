/**
 * What twilio-run --live does for every request, timed in one warm process: drop the function from
 * the require cache, require it again (compile + evaluate), and call it once (its first call after
 * a load parses and validates the configuration). For the function and the floor, to explain the
 * local runtime's figures.
 */
import { spawn } from 'node:child_process';
import type { WebhookParams } from '../tests/fixtures';
import { REPO } from '../tests/helpers/project';
import { summarize, type Summary } from './stats';

export interface ReloadResult {
  readonly file: string;
  /** Milliseconds: require after the cache entry was deleted; the first call after it. */
  readonly requireMs: Summary;
  readonly firstCallMs: Summary;
}

const PROBE = `
const [file, routing, event, env, repo, count, warmup] = process.argv.slice(1);
const fs = require('fs');
const twilio = require(require.resolve('twilio', { paths: [repo] }));
globalThis.Twilio = { ...twilio, Response: class {} };
globalThis.Runtime = { getAssets: () => (routing === '' ? {} : \
{ '/routing.json': { path: routing, open: () => fs.readFileSync(routing, 'utf8') } }) };
const ev = { ...JSON.parse(event), request: { headers: {}, cookies: {} } };
const context = { DOMAIN_NAME: 'localhost:3000', PATH: '/sms', ...JSON.parse(env) };
const out = { require: [], call: [] };
for (let i = 0; i < Number(warmup) + Number(count); i++) {
  delete require.cache[file];
  const t0 = process.hrtime.bigint();
  const { handler } = require(file);
  const t1 = process.hrtime.bigint();
  let answered = false;
  handler(context, ev, () => (answered = true));
  const t2 = process.hrtime.bigint();
  if (!answered) throw new Error(file + ' did not answer at once');
  if (i >= Number(warmup)) { out.require.push(Number(t1 - t0) / 1e6); out.call.push(Number(t2 - t1) / 1e6); }
}
process.stdout.write(JSON.stringify(out));
`;

export function reload(
  file: string,
  event: WebhookParams,
  env: Readonly<Record<string, string>>,
  routing: string | undefined,
  options: { warmup: number; repetitions: number },
  label = file,
): Promise<ReloadResult> {
  return new Promise((resolve, reject) => {
    const args = [
      '-e',
      PROBE,
      file,
      routing ?? '',
      JSON.stringify(event),
      JSON.stringify(env),
      REPO,
      String(options.repetitions),
      String(options.warmup),
    ];
    // The functions log configuration problems and notes: not what is measured.
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`reloading ${file} failed (${code}): ${err}`));
      // The function's own log lines share stdout: the measurement is the last line.
      const { require: loads, call } = JSON.parse(out.slice(out.lastIndexOf('{"require"'))) as {
        require: number[];
        call: number[];
      };
      resolve({ file: label, requireMs: summarize(loads), firstCallMs: summarize(call) });
    });
  });
}
