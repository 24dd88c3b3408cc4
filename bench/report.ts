/** The results as one Markdown table (readable in a terminal, pasted as-is into the README). */
import type { AttachResult } from './attach';
import type { ColdLoadResult } from './cold-load';
import type { Machine } from './machine';
import type { PerCallResult } from './per-call';
import type { RuntimeResult } from './local-runtime';
import type { ReloadResult } from './reload';
import type { Summary } from './stats';

export interface Targets {
  readonly perCallRatio: number;
  readonly coldLoadMs: number;
  readonly sizeBytes: number;
  readonly runtimeThroughputRatio: number;
  readonly attachWorkRatio: number;
  readonly attachCommandRatio: number;
}

export const TARGETS: Targets = {
  perCallRatio: 1.2,
  coldLoadMs: 5,
  // 30 KB read strictly as 30,000 bytes.
  sizeBytes: 30_000,
  runtimeThroughputRatio: 0.9,
  attachWorkRatio: 1.3,
  attachCommandRatio: 1.5,
};

export interface Results {
  readonly command: string;
  readonly date: string;
  readonly commit: string;
  readonly machine: Machine;
  readonly size?: ReadonlyArray<{ readonly file: string; readonly bytes: number }>;
  readonly coldLoad?: { readonly functions: readonly ColdLoadResult[]; readonly floor: ColdLoadResult };
  readonly perCall?: readonly PerCallResult[];
  readonly runtime?: { readonly live: RuntimeResult; readonly noLive?: RuntimeResult };
  /** What --live costs per request, in one warm process: require again, first call. */
  readonly reload?: { readonly subject: ReloadResult; readonly floor: ReloadResult };
  readonly attach?: AttachResult;
}

const fixed = (n: number, digits = 2): string => n.toFixed(digits);
const us = (ns: number): string => `${(ns / 1000).toFixed(2)} µs`;
const ms = (n: number, digits = 2): string => `${n.toFixed(digits)} ms`;
const s = (millis: number): string => `${(millis / 1000).toFixed(2)} s`;
const spread = (x: Summary, f: (n: number) => string): string => `${f(x.median)} (${f(x.min)}–${f(x.max)})`;
const iqr = (x: Summary, f: (n: number) => string = (n) => fixed(n)): string =>
  `${f(x.median)} (IQR ${f(x.q1)}–${f(x.q3)})`;
const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**');

export function table(results: Results): string {
  const rows: string[][] = [];
  const add = (...cells: string[]): void => void rows.push(cells);
  for (const r of results.perCall ?? []) {
    add(
      `per call: ${r.scenario} (${r.file})`,
      spread(r.handler.subjectNs, us),
      spread(r.handler.floorNs, us),
      iqr(r.handler.ratio),
      `≤ ${TARGETS.perCallRatio}x`,
      verdict(r.handler.ratio.median <= TARGETS.perCallRatio),
    );
    add(
      `  same, with the answer's toString()`,
      spread(r.withXml.subjectNs, us),
      spread(r.withXml.floorNs, us),
      iqr(r.withXml.ratio),
      '',
      '',
    );
  }
  if (results.coldLoad !== undefined) {
    const floor = results.coldLoad.floor;
    for (const c of results.coldLoad.functions) {
      add(
        `cold load: ${c.file}`,
        spread(c.ms, (n) => ms(n)),
        `floor ${ms(floor.ms.median)}`,
        '',
        `≤ ${TARGETS.coldLoadMs} ms`,
        verdict(c.ms.median <= TARGETS.coldLoadMs),
      );
    }
  }
  for (const f of results.size ?? []) {
    add(
      `size: ${f.file}`,
      `${f.bytes.toLocaleString('en-US')} B`,
      '',
      '',
      `≤ ${TARGETS.sizeBytes.toLocaleString('en-US')} B`,
      verdict(f.bytes <= TARGETS.sizeBytes),
    );
  }
  const runtime = (label: string, r: RuntimeResult, target: boolean): void => {
    const rps = (n: number): string => fixed(n, 0);
    add(
      `${label}: /sms requests/s (${r.connections} connections)`,
      spread(r.subject.requestsPerSecond, rps),
      spread(r.floor.requestsPerSecond, rps),
      iqr(r.throughputRatio),
      target ? `≥ ${TARGETS.runtimeThroughputRatio}x` : '',
      target ? verdict(r.throughputRatio.median >= TARGETS.runtimeThroughputRatio) : '',
    );
    add(
      `${label}: /sms p99 latency`,
      spread(r.subject.p99Ms, (n) => ms(n, 0)),
      spread(r.floor.p99Ms, (n) => ms(n, 0)),
      iqr(r.p99Ratio),
      '',
      '',
    );
  };
  if (results.reload !== undefined) {
    const { subject, floor } = results.reload;
    add(
      `--live per request: require ${subject.file} again`,
      spread(subject.requireMs, (n) => ms(n, 3)),
      spread(floor.requireMs, (n) => ms(n, 3)),
      '',
      '',
      '',
    );
    add(
      `--live per request: its first call (parses the configuration)`,
      spread(subject.firstCallMs, (n) => ms(n, 3)),
      spread(floor.firstCallMs, (n) => ms(n, 3)),
      '',
      '',
      '',
    );
  }
  if (results.runtime !== undefined) {
    runtime('local runtime --live', results.runtime.live, true);
    if (results.runtime.noLive !== undefined)
      runtime('local runtime --no-live (for reference)', results.runtime.noLive, false);
  }
  const a = results.attach;
  if (a !== undefined) {
    const what =
      `${a.numbers.toLocaleString('en-US')} numbers, ${a.latencyMs} ms a call, ` + `≤ ${a.maxConcurrency} at once`;
    add(
      `attach work (${what})`,
      spread(a.work.ms, s),
      `ideal ${s(a.idealMs)}`,
      iqr(a.work.ratio),
      `≤ ${TARGETS.attachWorkRatio}x`,
      verdict(a.work.ratio.median <= TARGETS.attachWorkRatio),
    );
    add(
      `attach command with start-up`,
      spread(a.command.ms, s),
      `ideal ${s(a.idealMs)}`,
      iqr(a.command.ratio),
      `≤ ${TARGETS.attachCommandRatio}x`,
      verdict(a.command.ratio.median <= TARGETS.attachCommandRatio),
    );
    add(
      `attach one number at a time (baseline)`,
      spread(a.baseline.ms, s),
      '',
      `speed-up ${fixed(a.baseline.speedup, 1)}x`,
      '',
      '',
    );
    add(
      `attach --all, ${a.numbers.toLocaleString('en-US')} numbers: peak RSS`,
      spread(a.command.maxRssMiB, (n) => `${n.toFixed(0)} MiB`),
      '',
      '',
      '',
      '',
    );
    add(
      `attach --all, ${a.memory.numbers.toLocaleString('en-US')} numbers: peak RSS`,
      spread(a.memory.maxRssMiB, (n) => `${n.toFixed(0)} MiB`),
      `in ${spread(a.memory.ms, s)}`,
      `${iqr(a.memory.ratio)} of ideal`,
      '',
      '',
    );
  }
  const header = ['measure', 'subject: median (min–max)', 'floor / ideal', 'ratio', 'target', ''];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  const m = results.machine;
  const about =
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; ` +
    `load average ${m.loadAverage.start.toFixed(2)} at the start` +
    `${m.loadAverage.end !== undefined ? `, ${m.loadAverage.end.toFixed(2)} at the end` : ''}`;
  return `${lines.join('\n')}\n\n${about}. \`${results.command}\`, ${results.date}, commit ${results.commit}.\n`;
}
