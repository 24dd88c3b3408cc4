/**
 * The mutation score of each folder, from its results file, named after the folder's last part
 * (stryker/incremental/runtime.json for src/runtime; a mutation-testing-report, as Stryker's JSON
 * report is; committed): Stryker's own tables are per file. `npm run mutate` prints this after its
 * runs; `npm run mutate:scores` prints it again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';

/** The part of Stryker's report (mutation-testing-report-schema) read here. */
export interface MutationReport {
  readonly files: Readonly<Record<string, { readonly mutants: readonly { readonly status: string }[] }>>;
}

export interface FolderScore {
  readonly folder: string;
  /** False when the folder has no results file yet: never run. */
  readonly ran: boolean;
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  /** Mutants that did not compile or crashed the run: not counted in the score (as Stryker does). */
  readonly invalid: number;
  /** Killed and timed-out mutants over all valid ones, in percent; undefined without any valid mutant. */
  readonly score: number | undefined;
}

const ROOT = resolve(__dirname, '..');

/** A folder's results: Stryker's incremental file for that folder (stryker.config.mjs names it so). */
export const resultsFile = (folder: string, root = ROOT): string =>
  join(root, 'stryker', 'incremental', `${basename(folder)}.json`);

/** Folder -> the score it must reach (stryker/targets.json, which also tells Stryker what to mutate). */
export const readTargets = (): Record<string, number> =>
  JSON.parse(readFileSync(join(ROOT, 'stryker', 'targets.json'), 'utf8')) as Record<string, number>;

const inFolder = (file: string, folder: string): boolean => file.startsWith(`${folder}/`);

/** The score of each folder over the report's files under it (paths relative to `root`). */
export function folderScores(report: MutationReport, folders: readonly string[], root = ROOT): FolderScore[] {
  return folders.map((folder) => {
    const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0 };
    for (const [name, file] of Object.entries(report.files)) {
      const path = (isAbsolute(name) ? relative(root, name) : name).split('\\').join('/');
      if (!inFolder(path, folder)) continue;
      for (const { status } of file.mutants) if (status in count) count[status as keyof typeof count] += 1;
    }
    const detected = count.Killed + count.Timeout;
    const valid = detected + count.Survived + count.NoCoverage;
    return {
      folder,
      ran: true,
      killed: count.Killed,
      timeout: count.Timeout,
      survived: count.Survived,
      noCoverage: count.NoCoverage,
      invalid: count.CompileError + count.RuntimeError,
      score: valid === 0 ? undefined : (100 * detected) / valid,
    };
  });
}

/** A folder never run: no score, below any target. */
const notRun = (folder: string): FolderScore => ({
  folder,
  ran: false,
  killed: 0,
  timeout: 0,
  survived: 0,
  noCoverage: 0,
  invalid: 0,
  score: undefined,
});

/** Whether a folder reached its target; a folder without mutants has nothing to miss, one never run misses it. */
export const meetsTarget = (score: FolderScore, target: number): boolean =>
  score.ran && (score.score === undefined || score.score >= target);

/** A plain table: one line per folder, with its target and whether it is reached. */
export function formatScores(scores: readonly FolderScore[], targets: Readonly<Record<string, number>>): string {
  const header = ['folder', 'score', 'target', 'killed', 'timeout', 'survived', 'no cov', 'invalid'];
  const rows = scores.map((s) => {
    const target = targets[s.folder] ?? 0;
    const score = !s.ran ? 'not run' : s.score === undefined ? 'n/a' : `${s.score.toFixed(2)}%`;
    const verdict = meetsTarget(s, target) ? '' : '  below target';
    const counts = [s.killed, s.timeout, s.survived, s.noCoverage, s.invalid].map(String);
    return [s.folder, score, `${target}%`, ...counts, verdict];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map((r) => line(r.slice(0, -1)) + (r[r.length - 1] ?? ''))].join('\n');
}

/** Each folder's score from its results file (`root`: the project). */
export function readScores(folders: readonly string[], root = ROOT): FolderScore[] {
  return folders.map((folder) => {
    const file = resultsFile(folder, root);
    if (!existsSync(file)) return notRun(folder);
    const report = JSON.parse(readFileSync(file, 'utf8')) as MutationReport;
    const [score] = folderScores(report, [folder], root);
    return score ?? notRun(folder);
  });
}

/** Prints the table for `folders` (default: every folder of the targets); false when one is below target. */
export function printScores(folders: readonly string[] = Object.keys(readTargets())): boolean {
  const targets = readTargets();
  const scores = readScores(folders);
  console.log(`\nMutation score per folder (stryker/incremental/<name>.json):\n${formatScores(scores, targets)}`);
  return scores.every((s) => meetsTarget(s, targets[s.folder] ?? 0));
}

if (require.main === module) {
  if (!printScores()) process.exitCode = 1;
}
