/**
 * Per-call cost of each built function against its floor. Each scenario runs in several fresh
 * processes (a process's JIT and heap layout are one more source of variance); their rounds are pooled.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { PerCallReply, PerCallRequest, Series, SeriesName } from './per-call-worker';
import type { Scenario } from './scenarios';
import { ratios, summarize, type Summary } from './stats';

/** One way of timing: nanoseconds per call of subject and floor, and their ratio round by round. */
export interface Comparison {
  readonly subjectNs: Summary;
  readonly floorNs: Summary;
  readonly ratio: Summary;
}

export interface PerCallResult {
  readonly scenario: string;
  readonly file: string;
  readonly events: number;
  readonly processes: number;
  readonly callsPerRound: number[];
  /** The handler until it calls back, elapsed time: the figure held against the target. */
  readonly handler: Comparison;
  /** The same, plus the answer's toString() the runtime does before sending. */
  readonly withXml: Comparison;
  /** The handler alone in CPU time (user + system): less sensitive to other load on the machine. */
  readonly handlerCpu: Comparison;
}

export interface PerCallOptions {
  readonly processes: number;
  readonly warmupRounds: number;
  readonly rounds: number;
  readonly batchMs: number;
}

const profiling = (): string[] => {
  const dir = process.env.BENCH_CPU_PROF;
  return dir === undefined || dir === '' ? [] : ['--cpu-prof', '--cpu-prof-interval=50', `--cpu-prof-dir=${dir}`];
};

function runWorker(request: PerCallRequest): Promise<PerCallReply> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'per-call-worker.ts'), [], {
      // BENCH_CPU_PROF=<dir> writes a CPU profile of each worker there (open it in Chrome DevTools).
      execArgv: ['-r', 'ts-node/register/transpile-only', ...profiling()],
      // The handlers log a line per decision note (e.g. "keyword message"): they still write it,
      // as deployed, but not to this terminal.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let reply: PerCallReply | undefined;
    child.once('message', (message: PerCallReply) => (reply = message));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (reply === undefined)
        reject(new Error(`per-call worker for ${request.scenario.name} exited with ${code} and no result`));
      else if (reply.error !== undefined) reject(new Error(reply.error));
      else resolve(reply);
    });
    child.send(request);
  });
}

function compare(
  replies: readonly PerCallReply[],
  subject: SeriesName,
  floor: SeriesName,
  clock: keyof Series,
): Comparison {
  const pooled = (name: SeriesName): number[] => replies.flatMap((reply) => reply.series[name][clock]);
  return {
    subjectNs: summarize(pooled(subject)),
    floorNs: summarize(pooled(floor)),
    ratio: ratios(pooled(subject), pooled(floor)),
  };
}

export async function perCall(
  functionsDir: string,
  list: readonly Scenario[],
  options: PerCallOptions,
  progress: (text: string) => void = () => {},
): Promise<PerCallResult[]> {
  const results: PerCallResult[] = [];
  for (const scenario of list) {
    const replies: PerCallReply[] = [];
    for (let p = 0; p < options.processes; p++) {
      progress(`per call: ${scenario.name} (process ${p + 1}/${options.processes})`);
      replies.push(await runWorker({ scenario, path: join(functionsDir, scenario.file), ...options }));
    }
    results.push({
      scenario: scenario.name,
      file: scenario.file,
      events: scenario.events.length,
      processes: options.processes,
      callsPerRound: replies.map((reply) => reply.callsPerRound),
      handler: compare(replies, 'subject', 'floor', 'wall'),
      withXml: compare(replies, 'subject+xml', 'floor+xml', 'wall'),
      handlerCpu: compare(replies, 'subject', 'floor', 'cpu'),
    });
  }
  return results;
}
