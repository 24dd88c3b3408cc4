/**
 * Attach throughput against the stand-in API (src/stand-in/twilio-api.ts): every call waits
 * `latencyMs`, more than `maxConcurrency` calls at once are answered 429. The ideal is the listing
 * pages one after another, then the updates in rounds of `maxConcurrency`, each round one latency.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachNumbers } from '../src/numbers/attach';
import type { NumbersContext } from '../src/numbers/context';
import { createNumbersApi } from '../src/numbers/numbers-api';
import { TwilioApiStandIn } from '../src/stand-in/twilio-api';
import { numbersEnv } from '../tests/helpers/numbers-env';
import { REPO } from '../tests/helpers/project';
import { summarize, type Summary } from './stats';

export interface AttachOptions {
  readonly numbers: number;
  readonly latencyMs: number;
  readonly maxConcurrency: number;
  readonly warmup: number;
  readonly repetitions: number;
  readonly baselineRepetitions: number;
  readonly commandRepetitions: number;
  /** Peak memory of the command over this many numbers. */
  readonly memoryNumbers: number;
  readonly memoryRepetitions: number;
}

export interface Run {
  readonly ms: number;
  /** Pages of IncomingPhoneNumbers listed, one after another. */
  readonly listingPages: number;
  readonly updates: number;
  readonly throttled: number;
  readonly maxInFlight: number;
  readonly idealMs: number;
}

export interface AttachResult {
  readonly numbers: number;
  readonly latencyMs: number;
  readonly maxConcurrency: number;
  readonly idealMs: number;
  /** attachNumbers in this process (the library: list, plan, back up, update). */
  readonly work: { readonly ms: Summary; readonly ratio: Summary; readonly throttled: number };
  /** The whole command in a new process: Node and ts-node start-up, credentials, the work, the output. */
  readonly command: {
    readonly ms: Summary;
    readonly ratio: Summary;
    readonly throttled: number;
    readonly maxRssMiB: Summary;
  };
  /** One number at a time (sequential updates, as the Twilio CLI does), the same library otherwise. */
  readonly baseline: { readonly ms: Summary; readonly speedup: number };
  readonly memory: {
    readonly numbers: number;
    readonly maxRssMiB: Summary;
    readonly ms: Summary;
    readonly ratio: Summary;
  };
}

const URL_ATTACHED = 'https://switchboard-1234-dev.twil.io/sms';

async function standIn(options: AttachOptions, numbers: number): Promise<TwilioApiStandIn> {
  const api = await TwilioApiStandIn.start();
  api.addNumbers(numbers); // each on Twilio's demo reply URL, as new numbers are
  api.knobs.latencyMs = [options.latencyMs, options.latencyMs];
  api.knobs.maxConcurrency = options.maxConcurrency;
  return api;
}

function runOf(api: TwilioApiStandIn, ms: number, options: AttachOptions): Run {
  const listingPages = api.requests.filter(
    (r) => r.method === 'GET' && r.path.endsWith('/IncomingPhoneNumbers.json'),
  ).length;
  const updates = api.requests.filter((r) => r.method === 'POST').length;
  const rounds = Math.ceil(updates / options.maxConcurrency);
  return {
    ms,
    listingPages,
    updates,
    throttled: api.stats.throttled,
    maxInFlight: api.stats.maxInFlight,
    idealMs: (listingPages + rounds) * options.latencyMs,
  };
}

/** The library in this process, with the CLI's own retry settings. */
async function attachInProcess(options: AttachOptions, concurrency?: number): Promise<Run> {
  const api = await standIn(options, options.numbers);
  const cwd = await mkdtemp(join(tmpdir(), 'bench-attach-'));
  try {
    const credentials = {
      accountSid: api.accountSid,
      username: api.accountSid,
      password: api.authToken,
      source: 'bench',
    };
    const ctx: NumbersContext = {
      api: createNumbersApi(credentials, { origin: api.url }),
      accountSid: api.accountSid,
      root: cwd,
    };
    const start = process.hrtime.bigint();
    const report = await attachNumbers(ctx, {
      url: URL_ATTACHED,
      numbers: 'all',
      command: 'bench',
      ...(concurrency !== undefined ? { concurrency } : {}),
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const changed = report.results.filter((r) => r.outcome === 'changed').length;
    if (changed !== options.numbers) throw new Error(`attach changed ${changed} of ${options.numbers} numbers`);
    return runOf(api, ms, options);
  } finally {
    await api.close();
    await rm(cwd, { recursive: true, force: true });
  }
}

/**
 * `npm run numbers -- attach --all --yes --json --url ...` as its script runs it (node with
 * ts-node, transpile-only), in a fresh process and a scratch working directory (the backup goes
 * there), timed from spawn to exit. Its peak memory is reported by bench/report-rss.ts.
 */
async function attachCommand(options: AttachOptions, numbers: number): Promise<Run & { maxRssKiB: number }> {
  const api = await standIn(options, numbers);
  const cwd = await mkdtemp(join(tmpdir(), 'bench-attach-cli-'));
  const rssFile = join(cwd, 'max-rss');
  try {
    const args = [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      join(__dirname, 'report-rss.ts'),
      join(REPO, 'src/cli/numbers.ts'),
      'attach',
      '--all',
      '--yes',
      '--json',
      '--url',
      URL_ATTACHED,
    ];
    const env = numbersEnv(api, { BENCH_RSS_FILE: rssFile });
    const start = process.hrtime.bigint();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.once('error', reject);
      child.once('close', (exit) => resolve({ code: exit, stderr: err }));
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (code !== 0) throw new Error(`attach --all exited with ${code}: ${stderr}`);
    const run = runOf(api, ms, options);
    if (run.updates < numbers) throw new Error(`attach --all sent ${run.updates} updates for ${numbers} numbers`);
    return { ...run, maxRssKiB: Number(await readFile(rssFile, 'utf8')) };
  } finally {
    await api.close();
    await rm(cwd, { recursive: true, force: true });
  }
}

const ratiosTo = (runs: readonly Run[]): Summary => summarize(runs.map((r) => r.ms / r.idealMs));
const throttledIn = (runs: readonly Run[]): number => runs.reduce((sum, r) => sum + r.throttled, 0);

export async function attachBenchmark(
  options: AttachOptions,
  progress: (text: string) => void = () => {},
): Promise<AttachResult> {
  for (let i = 0; i < options.warmup; i++) {
    progress(`attach: warm-up ${i + 1}/${options.warmup}`);
    await attachInProcess(options);
  }
  const work: Run[] = [];
  const command: Array<Run & { maxRssKiB: number }> = [];
  // In alternation, so both meet the same moments of the machine.
  for (let i = 0; i < Math.max(options.repetitions, options.commandRepetitions); i++) {
    progress(`attach: ${options.numbers} numbers, repetition ${i + 1}`);
    if (i < options.repetitions) work.push(await attachInProcess(options));
    if (i < options.commandRepetitions) command.push(await attachCommand(options, options.numbers));
  }
  const baseline: Run[] = [];
  for (let i = 0; i < options.baselineRepetitions; i++) {
    progress(`attach: one number at a time, repetition ${i + 1}/${options.baselineRepetitions}`);
    baseline.push(await attachInProcess(options, 1));
  }
  const memory: Array<Run & { maxRssKiB: number }> = [];
  for (let i = 0; i < options.memoryRepetitions; i++) {
    progress(`attach: ${options.memoryNumbers} numbers, repetition ${i + 1}/${options.memoryRepetitions}`);
    memory.push(await attachCommand(options, options.memoryNumbers));
  }
  const workMs = summarize(work.map((r) => r.ms));
  const baselineMs = summarize(baseline.map((r) => r.ms));
  return {
    numbers: options.numbers,
    latencyMs: options.latencyMs,
    maxConcurrency: options.maxConcurrency,
    idealMs: work[0]?.idealMs ?? 0,
    work: { ms: workMs, ratio: ratiosTo(work), throttled: throttledIn(work) },
    command: {
      ms: summarize(command.map((r) => r.ms)),
      ratio: ratiosTo(command),
      throttled: throttledIn(command),
      maxRssMiB: summarize(command.map((r) => r.maxRssKiB / 1024)),
    },
    baseline: { ms: baselineMs, speedup: baselineMs.median / workMs.median },
    memory: {
      numbers: options.memoryNumbers,
      maxRssMiB: summarize(memory.map((r) => r.maxRssKiB / 1024)),
      ms: summarize(memory.map((r) => r.ms)),
      ratio: ratiosTo(memory),
    },
  };
}
