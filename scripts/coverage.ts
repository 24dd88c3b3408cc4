/**
 * `npm run coverage [-- <jest arguments>]`: every test, with the coverage of every process that ran
 * code of src/. Jest's v8 provider covers what runs inside jest; each child process a test starts
 * (the commands, under ts-node) writes V8 coverage (tests/helpers/child-coverage.ts), which c8 maps
 * back to src/. The two are merged into one report in coverage/ (index.html, lcov.info), checked
 * against the thresholds of .c8rc.json when its "check-coverage" is true.
 * The built bundles that the local runtime (twilio-run) loads are left out: they are esbuild output,
 * shipped without source maps, and jest runs the same src/ code in-process.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCoverageMap, type CoverageMapData } from 'istanbul-lib-coverage';
import { createContext } from 'istanbul-lib-report';
import { create, type ReportType } from 'istanbul-reports';
import { claimCopies } from './coverage-copies';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'coverage');
const RAW = join(OUT, 'children-raw');
const IN_PROCESS = join(OUT, 'in-process');
const CHILDREN = join(OUT, 'children');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const C8 = join(ROOT, 'node_modules', 'c8', 'bin', 'c8.js');
const REPORTS: readonly ReportType[] = ['text', 'html', 'lcovonly', 'json-summary', 'text-summary'];

interface Thresholds {
  readonly 'check-coverage': boolean;
  readonly lines: number;
  readonly branches: number;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function run(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  return spawnSync(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: 'inherit' }).status ?? 1;
}

/** The lines and branches reached, against .c8rc.json; true unless enforced and missed. */
export function verdict(pct: { lines: number; branches: number }, t: Thresholds): { ok: boolean; text: string } {
  const missed = (['lines', 'branches'] as const).filter((k) => pct[k] < t[k]);
  const figures = `lines ${pct.lines}% (threshold ${t.lines}%), branches ${pct.branches}% (threshold ${t.branches}%)`;
  if (missed.length === 0) return { ok: true, text: `Coverage of src/: ${figures}: thresholds met.` };
  const what = `below threshold: ${missed.join(', ')}`;
  return t['check-coverage']
    ? { ok: false, text: `Coverage of src/: ${figures}: ${what}.` }
    : {
        ok: true,
        text: `Coverage of src/: ${figures}: ${what} (not enforced: "check-coverage" is false in .c8rc.json).`,
      };
}

/**
 * Jest reports a file that no test loaded in-process as one "(empty-report)" function spanning the
 * file, never run. Where a child process ran that file, its real figures replace the placeholder
 * (merged, the placeholder's whole-file branch would stay uncovered for ever).
 */
export function withoutPlaceholders(inProcess: CoverageMapData, children: CoverageMapData): CoverageMapData {
  const placeholder = (file: string) =>
    Object.values(inProcess[file]?.fnMap ?? {}).some((fn) => fn.name === '(empty-report)');
  return Object.fromEntries(Object.entries(inProcess).filter(([file]) => !(file in children && placeholder(file))));
}

function main(): number {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(RAW, { recursive: true });
  const jestArgs = ['--coverage', '--coverageReporters=json', `--coverageDirectory=${IN_PROCESS}`];
  const tests = run(JEST, [...jestArgs, ...process.argv.slice(2)], { ...process.env, SWITCHBOARD_CHILD_COVERAGE: RAW });
  if (tests !== 0) {
    console.error('Tests failed: no coverage figures.');
    return tests;
  }
  const { claimed, unreadable } = claimCopies(RAW, ROOT);
  console.log(
    `Coverage of child processes: ${claimed} script(s) run from copies of the project; ` +
      `${unreadable} file(s) cut short (a child under a file-size limit) left out.`,
  );
  // The children's share alone is not held to the thresholds: only the merged figures below are.
  const c8 = run(C8, [
    'report',
    `--temp-directory=${RAW}`,
    '--reporter=json',
    `--reports-dir=${CHILDREN}`,
    '--check-coverage=false',
  ]);
  if (c8 !== 0) return c8;
  rmSync(RAW, { recursive: true, force: true }); // hundreds of MB: every child's coverage of node_modules too

  const map = createCoverageMap(
    withoutPlaceholders(
      readJson(join(IN_PROCESS, 'coverage-final.json')) as CoverageMapData,
      readJson(join(CHILDREN, 'coverage-final.json')) as CoverageMapData,
    ),
  );
  map.merge(readJson(join(CHILDREN, 'coverage-final.json')) as CoverageMapData);
  map.filter((file) => file.startsWith(join(ROOT, 'src') + '/'));
  const context = createContext({ dir: OUT, coverageMap: map, defaultSummarizer: 'nested' });
  for (const report of REPORTS) create(report).execute(context);

  const summary = map.getCoverageSummary();
  const result = verdict(
    { lines: summary.lines.pct, branches: summary.branches.pct },
    readJson(join(ROOT, '.c8rc.json')) as Thresholds,
  );
  console.log(`\n${result.text}\nReport: coverage/index.html`);
  return result.ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main();
