// Under mutation testing a property only has to fail: fast-check stops at the first counterexample
// instead of shrinking it to the smallest one, which can take longer than the run that found it.
require('fast-check').configureGlobal({ endOnFailure: true });
// A mutant runs every property that reaches it: a tenth of each property's cases keeps a run
// within seconds. Mutants only a rare case would catch then survive: the score errs low, not high.
process.env.FC_RUNS ??= '0.1';
