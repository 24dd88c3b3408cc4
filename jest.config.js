/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Tests live in tests/; jest also maps src/ and functions/, so that it knows what imports what (for
  // --findRelatedTests, which Stryker uses) and which files no test loads (for --coverage).
  roots: ['<rootDir>/tests', '<rootDir>/src', '<rootDir>/functions'],
  testMatch: ['**/*.test.ts'],
  // Type-checking is `tsc --noEmit`'s job (npm test runs it first): ts-jest only transpiles.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 60000,
  // One worker per core, not jest's default of one fewer: most suites spend their time waiting on
  // child processes and local servers (on 2 cores: 1m50s instead of 3m).
  maxWorkers: '100%',
  // Under `npm run coverage`, children started by tests write their coverage too.
  setupFiles: ['<rootDir>/tests/helpers/child-coverage.ts'],
  // `jest --coverage`: V8's own counters, so no code is rewritten. Babel's instrumenting provider
  // rewrote the built bundles that tests load in-process, whose wrapper reads its own source text.
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.d.ts'],
};
