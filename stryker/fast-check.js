// Under mutation testing a property only has to fail: fast-check stops at the first counterexample
// instead of shrinking it to the smallest one, which can take longer than the run that found it.
require('fast-check').configureGlobal({ endOnFailure: true });
