/**
 * `npm run coverage` counts the code that child processes run (the commands under ts-node). It hands
 * jest SWITCHBOARD_CHILD_COVERAGE, a directory, and this setup file (jest.config.js) makes it every
 * test's NODE_V8_COVERAGE, so each child a test starts writes its V8 coverage there. Jest's own
 * processes started without it: their coverage of src/ is transformed code, which jest's v8
 * provider maps and reports itself.
 */
const directory = process.env.SWITCHBOARD_CHILD_COVERAGE;
if (directory !== undefined && directory !== '') process.env.NODE_V8_COVERAGE = directory;

/** For tests that give a child only chosen variables: NODE_V8_COVERAGE too, when coverage is on. */
export function coverageEnv(): Record<string, string> {
  const value = process.env.NODE_V8_COVERAGE;
  return value === undefined || value === '' ? {} : { NODE_V8_COVERAGE: value };
}
