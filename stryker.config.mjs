// Mutation testing (`npm run mutate`, not part of `npm test`): StrykerJS plants one small bug at a
// time in one folder of stryker/targets.json and runs the in-process tests (stryker/jest.config.js)
// against it. One run per folder (scripts/mutate.ts), each with its own results file,
// stryker/incremental/<name>.json, runtime.json for src/runtime (commit it after a run): a rerun tests only the mutants whose code
// or covering tests changed, and a run of one folder keeps the others' results. Report: reports/mutation/<name>/.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Folder -> the mutation score it must reach; the folder list lives in that one file. */
const targets = JSON.parse(readFileSync(new URL('./stryker/targets.json', import.meta.url), 'utf8'));
/** The folder of this run, set by `npm run mutate`. */
const folder = process.env.MUTATE_FOLDER ?? '';
if (!(folder in targets)) {
  throw new Error(
    `MUTATE_FOLDER must name one folder of stryker/targets.json (${Object.keys(targets).join(', ')}); ` +
      'run `npm run mutate [-- <folder>...]`, which sets it for each run.',
  );
}
/** The results file and report are named after the folder's last part, which must tell the folders apart. */
const name = basename(folder);
if (Object.keys(targets).filter((other) => basename(other) === name).length > 1)
  throw new Error(`Two folders of stryker/targets.json end in "${name}": their results would share one file.`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'stryker/jest.config.js', enableFindRelatedTests: true },
  // Each mutant runs only the tests that reached it in the first run; a static mutant (code run when
  // its module loads) runs the test files that import its file (jest --findRelatedTests).
  coverageAnalysis: 'perTest',
  // Mutants that do not compile are dropped before any test runs.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  mutate: [`${folder}/**/*.ts`, '!**/*.d.ts'],
  ignorePatterns: ['/dist', '/coverage', '/tests/artifacts', '/bench/results.json', '/.twilioserverless'],
  incremental: true,
  incrementalFile: `stryker/incremental/${name}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { reportTests: false, reportMutants: false, logTests: false },
  htmlReporter: { fileName: `reports/mutation/${name}/mutation.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  // Two cores, shared: one type-checker and one test runner (two once every mutant is checked).
  // On a busier machine: `npm run mutate -- --concurrency 1`.
  concurrency: 2,
  // A busy machine runs a test slower than the first run measured: generous margins, so that
  // "Timeout" (counted as killed) means an endless loop, not a slow moment.
  timeoutMS: 10000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 20,
  thresholds: { high: 90, low: 85, break: null },
};
