// The tests Stryker runs against each mutant: every test that loads src/ into the jest process.
// Left out: tests that run the commands or the local runtime in child processes (ts-node, twilio-run
// on built bundles) and tests that bundle src/ with esbuild. A mutant is switched on only inside the
// jest process, so those tests could never kill one, and they are the slow ones.
const base = require('../jest.config');

/** Test files (regular expressions on the path) that only exercise src/ through a child process or a bundle. */
const OUT_OF_PROCESS = [
  '/tests/assets/',
  '/tests/build/',
  '/tests/integration/',
  '/tests/cli/(?!numbers-main\\.test)',
  '/tests/deploy/(deploy|files)\\.test',
  '/tests/faults/kill\\.test',
  '/tests/properties/built-functions\\.test',
  '/tests/runtime/local-memory\\.test',
  '/tests/security/(attach-url|logs-network|protected|secrets-deploy|secrets-numbers|secrets-sms|stack-trace)\\.test',
];

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '..',
  testPathIgnorePatterns: ['/node_modules/', ...OUT_OF_PROCESS],
  setupFiles: [...(base.setupFiles ?? []), '<rootDir>/stryker/fast-check.js'],
};
