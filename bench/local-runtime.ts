/**
 * Through the local runtime: /sms served by `twilio-run start --no-fork-process --no-live`, as the
 * local commands serve (each function loaded once; they restart the runtime after a rebuild),
 * loaded by autocannon, against a floor function served by the same twilio-run process, in
 * alternation. A figure for reference: twilio-run's own cost dominates it.
 */
import autocannon from 'autocannon';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSON5 from 'json5';
import { fixtures, params, type WebhookParams } from '../tests/fixtures';
import { REPO, servedProject, type TempProject } from '../tests/helpers/project';
import { startRuntime } from '../tests/helpers/runtime';
import { answerOf } from './answer';
import { writeFloor } from './floor-function';
import { ratios, summarize, type Summary } from './stats';

export interface RuntimeOptions {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly rounds: number;
}

export interface Load {
  readonly requestsPerSecond: Summary;
  readonly p99Ms: Summary;
  readonly p50Ms: Summary;
}

export interface RuntimeResult {
  readonly path: string;
  readonly event: string;
  readonly connections: number;
  readonly secondsPerRound: number;
  readonly subject: Load;
  readonly floor: Load;
  /** Subject rps / floor rps, round by round. */
  readonly throughputRatio: Summary;
  /** Subject p99 / floor p99, round by round. */
  readonly p99Ratio: Summary;
}

const serverlessrc = async (): Promise<object> =>
  JSON5.parse(await readFile(join(REPO, '.twilioserverlessrc'), 'utf8')) as object;

const form = (event: WebhookParams): string => new URLSearchParams(event as Record<string, string>).toString();

async function load(url: string, body: string, connections: number, seconds: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    connections,
    duration: seconds,
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers under load`,
    );
  }
  return result;
}

async function post(url: string, body: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.text();
}

export async function throughLocalRuntime(
  built: TempProject,
  routingFile: string,
  env: Readonly<Record<string, string>>,
  event: WebhookParams,
  options: RuntimeOptions,
  progress: (text: string) => void = () => {},
): Promise<RuntimeResult> {
  const project = await servedProject(built, { env });
  try {
    // The floor answers exactly what /sms answers to this event.
    const { xml, messages } = await answerOf(
      join(built.dir, 'dist', 'functions', 'sms.protected.js'),
      event,
      env,
      routingFile,
    );
    await writeFloor(join(project.dir, 'dist', 'functions', 'floor.protected.js'), messages);
    // `live` is a twilio-run flag, and .twilioserverlessrc takes any flag by its camelCase name.
    await writeFile(
      join(project.dir, '.twilioserverlessrc'),
      JSON.stringify({ ...(await serverlessrc()), live: false }),
    );
    const runtime = await startRuntime(project.dir);
    try {
      const body = form(event);
      const urls = { subject: runtime.url('/sms'), floor: runtime.url('/floor') };
      for (const url of [urls.subject, urls.floor]) {
        const served = await post(url, body);
        if (served !== xml) throw new Error(`${url} answered ${served}, expected ${xml}`);
      }
      progress('local runtime: warm-up');
      for (const url of [urls.floor, urls.subject]) await load(url, body, options.connections, options.warmupSeconds);
      const rounds = { subject: [] as autocannon.Result[], floor: [] as autocannon.Result[] };
      for (let round = 0; round < options.rounds; round++) {
        progress(`local runtime: round ${round + 1}/${options.rounds}`);
        const order = round % 2 === 0 ? (['floor', 'subject'] as const) : (['subject', 'floor'] as const);
        for (const which of order)
          rounds[which].push(await load(urls[which], body, options.connections, options.seconds));
      }
      const rps = (r: autocannon.Result): number => r.requests.total / r.duration;
      const loadOf = (results: readonly autocannon.Result[]): Load => ({
        requestsPerSecond: summarize(results.map(rps)),
        p99Ms: summarize(results.map((r) => r.latency.p99)),
        p50Ms: summarize(results.map((r) => r.latency.p50)),
      });
      return {
        path: '/sms',
        event: 'the sms fixture to a number the routing file forwards',
        connections: options.connections,
        secondsPerRound: options.seconds,
        subject: loadOf(rounds.subject),
        floor: loadOf(rounds.floor),
        throughputRatio: ratios(rounds.subject.map(rps), rounds.floor.map(rps)),
        p99Ratio: ratios(
          rounds.subject.map((r) => r.latency.p99),
          rounds.floor.map((r) => r.latency.p99),
        ),
      };
    } finally {
      await runtime.stop();
    }
  } finally {
    await project.remove();
  }
}

/** A plain SMS to the number examples/routing.private.json forwards. */
export const smsEvent = (): WebhookParams => params(fixtures.sms);
