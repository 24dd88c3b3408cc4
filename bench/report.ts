/** The results as one Markdown table (readable in a terminal, pasted as-is into Markdown). */
import type { AttachResult } from './attach';
import type { ColdLoadResult } from './cold-load';
import type { Machine } from './machine';
import type { PerCallResult } from './per-call';
import type { RuntimeResult } from './local-runtime';
import type { Summary } from './stats';

/**
 * The functions' two guardrails: a function loads in under 10 ms and a call costs at most 1.5x a
 * logic-free handler rendering the same TwiML. Guardrails, not budgets: Twilio's own hop takes
 * ~100 ms, so nothing below them is worth code written for speed. Size is a figure, not a limit.
 */
export const GUARDRAILS = { perCallRatio: 1.5, coldLoadMs: 10 } as const;

/** What attach should come close to: the ideal schedule of the API calls it must make. */
export const ATTACH_TARGETS = { workRatio: 1.3, commandRatio: 1.5 } as const;

export interface Results {
  readonly command: string;
  readonly date: string;
  readonly commit: string;
  readonly machine: Machine;
  readonly size?: ReadonlyArray<{ readonly file: string; readonly bytes: number }>;
  readonly coldLoad?: { readonly functions: readonly ColdLoadResult[]; readonly floor: ColdLoadResult };
  readonly perCall?: readonly PerCallResult[];
  readonly runtime?: RuntimeResult;
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
const within = (ok: boolean): string => (ok ? 'within' : '**over**');

export function resultsTable(results: Results): string {
  const rows: string[][] = [];
  const add = (...cells: string[]): void => void rows.push(cells);
  for (const r of results.perCall ?? []) {
    add(
      `per call: ${r.scenario} (${r.file})`,
      spread(r.handler.subjectNs, us),
      spread(r.handler.floorNs, us),
      iqr(r.handler.ratio),
      `≤ ${GUARDRAILS.perCallRatio}x`,
      within(r.handler.ratio.median <= GUARDRAILS.perCallRatio),
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
        `< ${GUARDRAILS.coldLoadMs} ms`,
        within(c.ms.median < GUARDRAILS.coldLoadMs),
      );
    }
  }
  for (const f of results.size ?? []) {
    add(`size: ${f.file}`, `${f.bytes.toLocaleString('en-US')} B`, '', '', '', '');
  }
  const r = results.runtime;
  if (r !== undefined) {
    const rps = (n: number): string => fixed(n, 0);
    add(
      `local runtime, as npm start serves: /sms requests/s (${r.connections} connections)`,
      spread(r.subject.requestsPerSecond, rps),
      spread(r.floor.requestsPerSecond, rps),
      iqr(r.throughputRatio),
      '',
      '',
    );
    add(
      `local runtime: /sms p99 latency`,
      spread(r.subject.p99Ms, (n) => ms(n, 0)),
      spread(r.floor.p99Ms, (n) => ms(n, 0)),
      iqr(r.p99Ratio),
      '',
      '',
    );
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
      `≤ ${ATTACH_TARGETS.workRatio}x`,
      verdict(a.work.ratio.median <= ATTACH_TARGETS.workRatio),
    );
    add(
      `attach command with start-up`,
      spread(a.command.ms, s),
      `ideal ${s(a.idealMs)}`,
      iqr(a.command.ratio),
      `≤ ${ATTACH_TARGETS.commandRatio}x`,
      verdict(a.command.ratio.median <= ATTACH_TARGETS.commandRatio),
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
  const header = ['measure', 'subject: median (min–max)', 'floor / ideal', 'ratio', 'guardrail / target', ''];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  const m = results.machine;
  const about =
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; ` +
    `load average ${m.loadAverage.start.toFixed(2)} at the start` +
    `${m.loadAverage.end !== undefined ? `, ${m.loadAverage.end.toFixed(2)} at the end` : ''}`;
  return `${lines.join('\n')}\n\n${about}. \`${results.command}\`, ${results.date}, commit ${results.commit}.\n`;
}
