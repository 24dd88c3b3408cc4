/**
 * One seed for every property, so a run is reproducible; fast-check prints the seed and the
 * shrunk counterexample's path when a property fails. To explore other cases, run e.g.
 * `FC_SEED=123 FC_RUNS=10 npx jest tests/properties` (FC_RUNS multiplies the number of runs).
 */
export const SEED = Number(process.env.FC_SEED ?? 20260506);

const factor = Number(process.env.FC_RUNS ?? 1);

/**
 * Whether properties run all their cases: not under mutation testing (stryker/fast-check.js), where a
 * tenth of them need not draw every kind of case a property's breadth check expects.
 */
export const ALL_CASES = factor >= 1;

/** The fast-check parameters of a property: the fixed seed and `runs` (times FC_RUNS) cases. */
export const settings = (runs: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(runs * factor)) });
