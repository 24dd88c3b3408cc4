/**
 * `npm run bench`: each built function's cost per call, cold load and size, /sms through the local
 * runtime, and attach throughput, each against a floor or an ideal measured in the same run on the
 * same machine. Per call and load are held against the two guardrails (report.ts), not budgets.
 * Prints one table and writes bench/results.json.
 *
 *   npm run bench                  everything (about 10 minutes)
 *   npm run bench -- --quick       fewer repetitions, a first look (figures are noisier)
 *   npm run bench -- --only per-call,size
 *   BENCH_CPU_PROF=<dir> npm run bench -- --only per-call   CPU profiles of the per-call workers
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../tests/helpers/project';
import { attachBenchmark, type AttachOptions } from './attach';
import { buildForBench } from './build';
import { coldLoad } from './cold-load';
import { writeFloor } from './floor-function';
import { smsEvent, throughLocalRuntime, type RuntimeOptions } from './local-runtime';
import { machine } from './machine';
import { perCall, type PerCallOptions } from './per-call';
import { resultsTable, type Results } from './report';
import { scenarios } from './scenarios';

const PARTS = ['size', 'cold-load', 'per-call', 'runtime', 'attach'] as const;
type Part = (typeof PARTS)[number];

interface Settings {
  readonly perCall: PerCallOptions;
  readonly coldLoad: { readonly warmup: number; readonly repetitions: number };
  readonly runtime: RuntimeOptions;
  readonly attach: AttachOptions;
}

const FULL: Settings = {
  perCall: { processes: 3, warmupRounds: 5, rounds: 20, batchMs: 30 },
  coldLoad: { warmup: 3, repetitions: 30 },
  runtime: { connections: 8, warmupSeconds: 3, seconds: 5, rounds: 5 },
  attach: {
    numbers: 1000,
    latencyMs: 40,
    maxConcurrency: 8,
    warmup: 1,
    repetitions: 5,
    commandRepetitions: 5,
    baselineRepetitions: 2,
    memoryNumbers: 10_000,
    memoryRepetitions: 2,
  },
};

const QUICK: Settings = {
  perCall: { processes: 1, warmupRounds: 3, rounds: 10, batchMs: 20 },
  coldLoad: { warmup: 1, repetitions: 10 },
  runtime: { connections: 8, warmupSeconds: 1, seconds: 2, rounds: 3 },
  attach: { ...FULL.attach, repetitions: 2, commandRepetitions: 2, baselineRepetitions: 1, memoryRepetitions: 1 },
};

/** The environment the router and the local runtime run with (the routing file sets the rest). */
const ROUTER_ENV = { FORWARD_TO: '+15551230002', AUTO_REPLY_MESSAGE: 'Thanks, we will get back to you soon.' };

function parseArgs(argv: readonly string[]): { quick: boolean; parts: ReadonlySet<Part> } {
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--only');
  const listed = at === -1 ? [...PARTS] : (argv[at + 1] ?? '').split(',');
  const unknown = listed.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}: choose among ${PARTS.join(', ')}`);
  return { quick, parts: new Set(listed as Part[]) };
}

const commit = (): string => {
  try {
    const id = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--', 'src', 'functions'], {
        cwd: REPO,
        encoding: 'utf8',
      }).trim() !== '';
    return dirty ? `${id} (with uncommitted changes in src/ or functions/)` : id;
  } catch {
    return 'unknown';
  }
};

const progress = (text: string): void => void process.stderr.write(`bench: ${text}\n`);

async function main(): Promise<void> {
  const { quick, parts } = parseArgs(process.argv.slice(2));
  const settings = quick ? QUICK : FULL;
  const results: { -readonly [K in keyof Results]: Results[K] } = {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    date: new Date().toISOString(),
    commit: commit(),
    machine: machine(),
  };
  progress('building the functions (buildProject)');
  const built = await buildForBench();
  try {
    if (parts.has('size')) results.size = built.functions;
    if (parts.has('cold-load')) {
      progress('cold load');
      const floorFile = join(built.project.dir, 'floor.js');
      await writeFloor(floorFile, [{ body: 'Thanks, we will get back to you soon.', media: [] }]);
      const loads = await coldLoad(
        built.functionsDir,
        [...built.functions.map((f) => f.file), floorFile],
        settings.coldLoad,
      );
      results.coldLoad = {
        functions: loads.slice(0, -1),
        floor: { ...loads[loads.length - 1], file: 'floor (a 0.5 KB function)' },
      };
    }
    if (parts.has('per-call')) {
      const list = scenarios(built.routingFile);
      results.perCall = await perCall(built.functionsDir, list, settings.perCall, progress);
    }
    if (parts.has('runtime'))
      results.runtime = await throughLocalRuntime(
        built.project,
        built.routingFile,
        ROUTER_ENV,
        smsEvent(),
        settings.runtime,
        progress,
      );
  } finally {
    await built.project.remove();
  }
  if (parts.has('attach')) results.attach = await attachBenchmark(settings.attach, progress);
  results.machine = { ...results.machine, loadAverage: { ...results.machine.loadAverage, end: loadavg()[0] } };
  await writeFile(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${resultsTable(results)}\nWritten to bench/results.json.\n`);
}

main().catch((cause: unknown) => {
  process.stderr.write(`bench failed: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
  process.exitCode = 1;
});
