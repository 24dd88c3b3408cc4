/**
 * One per-call measurement, in its own process (forked by per-call.ts): a built function loaded as
 * the runtime loads it, against a floor handler that renders the same TwiML with the same builder
 * and does nothing else. Floor and subject alternate batch by batch in this one process, so both
 * see the same machine state, JIT and heap.
 */
import type {
  AssetResourceMap,
  Context,
  ServerlessEventObject,
  ServerlessFunctionSignature,
} from '@twilio-labs/serverless-runtime-types/types';
import { readFileSync } from 'node:fs';
import { contextWith, installRuntime, installTwilio } from '../tests/helpers/runtime-globals';
import { parseTwiml, type ParsedMessage } from '../tests/helpers/twiml';
import type { Scenario } from './scenarios';

export interface PerCallRequest {
  readonly scenario: Scenario;
  /** Absolute path of the built function. */
  readonly path: string;
  readonly warmupRounds: number;
  readonly rounds: number;
  /** Each batch of calls lasts about this long (calls per batch calibrated on the floor). */
  readonly batchMs: number;
}

/**
 * What is timed: the handler until it calls back, alone or followed by the `toString()` of its
 * answer that the runtime does before sending it (`+xml`).
 */
export const SERIES = ['subject', 'floor', 'subject+xml', 'floor+xml'] as const;
export type SeriesName = (typeof SERIES)[number];

/** Nanoseconds per call, one value per round: elapsed time, and CPU time (user + system). */
export interface Series {
  readonly wall: number[];
  readonly cpu: number[];
}

export interface PerCallReply {
  readonly series: Record<SeriesName, Series>;
  readonly callsPerRound: number;
  readonly error?: string;
}

/** The floor: no reading, no config, no routing; the answer is known in advance and only rendered. */
function floorHandler(messages: readonly ParsedMessage[]): ServerlessFunctionSignature {
  const plan = messages.map(({ to, from, body, media }) => ({
    attributes: { ...(to === undefined ? {} : { to }), ...(from === undefined ? {} : { from }) },
    body,
    media,
  }));
  return function handler(_context, _event, callback) {
    const response = new Twilio.twiml.MessagingResponse();
    for (const { attributes, body, media } of plan) {
      if (media.length === 0) {
        response.message(attributes, body);
        continue;
      }
      const message = response.message(attributes, '');
      if (body !== '') message.body(body);
      for (const url of media) message.media(url);
    }
    callback(null, response);
  };
}

function measure(request: PerCallRequest): PerCallReply {
  const { scenario } = request;
  installTwilio();
  // As twilio-run does: a fresh map on every call, `open()` reading the file.
  const routing = scenario.routing;
  installRuntime(() => {
    const assets: AssetResourceMap = {};
    if (routing !== undefined) assets['/routing.json'] = { path: routing, open: () => readFileSync(routing, 'utf8') };
    return assets;
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const subject = (require(request.path) as { handler: ServerlessFunctionSignature }).handler;
  const context: Context = contextWith(scenario.env);
  const events: ServerlessEventObject[] = scenario.events.map((params) => ({
    ...params,
    request: { headers: {}, cookies: {} },
  }));

  let answered = 0;
  let last: unknown;
  const keep = (error: unknown, payload?: unknown): void => {
    if (error !== null) throw new Error(`handler called back with an error: ${String(error)}`);
    answered++;
    last = payload;
  };
  const render = (error: unknown, payload?: unknown): void => {
    if (error !== null) throw new Error(`handler called back with an error: ${String(error)}`);
    answered++;
    last = String(payload);
  };
  const xmlOf = (handler: ServerlessFunctionSignature, event: ServerlessEventObject): string => {
    const before = answered;
    void handler(context, event, keep);
    if (answered !== before + 1) throw new Error(`${scenario.name}: the handler did not call back synchronously`);
    return String(last);
  };
  // One floor per event, checked to answer exactly what the subject answers.
  const floors = events.map((event) => {
    const xml = xmlOf(subject, event);
    const floor = floorHandler(parseTwiml(xml).messages);
    const again = xmlOf(floor, event);
    if (again !== xml) throw new Error(`${scenario.name}: floor answers ${again}, subject ${xml}`);
    return floor;
  });

  let calls = 1000;
  const batch = (which: SeriesName): { cpu: number; wall: number } => {
    const count = events.length;
    const callback = which.endsWith('+xml') ? render : keep;
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    if (which.startsWith('subject')) for (let i = 0; i < calls; i++) subject(context, events[i % count], callback);
    else for (let i = 0; i < calls; i++) floors[i % count](context, events[i % count], callback);
    const wall = Number(process.hrtime.bigint() - start);
    const used = process.cpuUsage(cpu);
    return { cpu: ((used.user + used.system) * 1000) / calls, wall: wall / calls };
  };
  // Warm-up: everything runs until optimized; then batches are sized to last about batchMs,
  // long enough that garbage collections fall into every batch, not into a few.
  for (let round = 0; round < request.warmupRounds; round++) for (const which of SERIES) batch(which);
  calls = Math.max(1000, Math.round((request.batchMs * 1e6) / batch('floor').wall));
  const before = answered;
  const series = Object.fromEntries(SERIES.map((name) => [name, { wall: [], cpu: [] }])) as unknown as Record<
    SeriesName,
    Series
  >;
  for (let round = 0; round < request.rounds; round++) {
    // Rotate the order, so a drift within a round favours none of them.
    for (let k = 0; k < SERIES.length; k++) {
      const which = SERIES[(round + k) % SERIES.length];
      const { cpu, wall } = batch(which);
      series[which].cpu.push(cpu);
      series[which].wall.push(wall);
    }
  }
  const expected = request.rounds * calls * SERIES.length;
  if (answered - before !== expected)
    throw new Error(`${scenario.name}: ${answered - before} callbacks for ${expected} calls`);
  return { series, callsPerRound: calls };
}

process.once('message', (request: PerCallRequest) => {
  let reply: PerCallReply;
  try {
    reply = measure(request);
  } catch (cause) {
    const empty = { wall: [], cpu: [] };
    const error = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
    reply = {
      series: { subject: empty, floor: empty, 'subject+xml': empty, 'floor+xml': empty },
      callsPerRound: 0,
      error,
    };
  }
  process.send?.(reply, () => process.disconnect());
});
