/**
 * `npm run mutate [-- <folder>...] [stryker options]`: one Stryker run (stryker.config.mjs) per folder
 * of stryker/targets.json, or per folder named, each kept in its own results file as soon as it ends,
 * then the score of each. Options after the folders go to `stryker run` as they are, e.g.
 * `--concurrency 1` or `--force` (every mutant again, ignoring the results file).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { printScores, readTargets } from './mutation-scores';

const ROOT = resolve(__dirname, '..');
const STRYKER = join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

/** Folders first (`src/routing`), then Stryker's options; a folder not in the targets is refused. */
export function parseMutateArgs(
  args: readonly string[],
  known: readonly string[],
): { folders: string[]; options: string[] } | { error: string } {
  const firstOption = args.findIndex((a) => a.startsWith('-'));
  const positional = firstOption === -1 ? args : args.slice(0, firstOption);
  const options = firstOption === -1 ? [] : args.slice(firstOption);
  const folders = positional.map((f) => f.replace(/\/+$/, ''));
  const unknown = folders.filter((f) => !known.includes(f));
  if (unknown.length > 0)
    return { error: `Not a folder under mutation testing: ${unknown.join(', ')}. Choose from: ${known.join(', ')}.` };
  // `--mutate <file:lines>,...` narrows one folder's run: in another's, its results would land in that folder's file.
  const at = options.findIndex((o) => o === '--mutate' || o === '-m');
  if (at !== -1) {
    const [folder] = folders;
    const places = (options[at + 1] ?? '').split(',').filter((p) => p !== '');
    if (folders.length !== 1 || folder === undefined || places.length === 0)
      return {
        error: 'With --mutate, name the one folder it is in: npm run mutate -- src/runtime --mutate <file:lines>.',
      };
    const outside = places.filter((p) => !p.startsWith(`${folder}/`));
    if (outside.length > 0) return { error: `Not in ${folder}: ${outside.join(', ')}.` };
  }
  return { folders, options };
}

function main(): number {
  const known = Object.keys(readTargets());
  const parsed = parseMutateArgs(process.argv.slice(2), known);
  if ('error' in parsed) {
    console.error(parsed.error);
    return 2;
  }
  const folders = parsed.folders.length > 0 ? parsed.folders : known;
  for (const folder of folders) {
    console.log(`\n== Mutation testing ${folder} ==`);
    // stryker.config.mjs mutates this folder only and keeps its results in stryker/incremental/.
    const env = { ...process.env, MUTATE_FOLDER: folder };
    const run = spawnSync(process.execPath, [STRYKER, 'run', ...parsed.options], { cwd: ROOT, env, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`Stryker stopped on ${folder} (exit ${run.status ?? run.signal}); the folders before it are kept.`);
      return run.status ?? 1;
    }
  }
  return printScores(folders) ? 0 : 1;
}

if (require.main === module) process.exitCode = main();
