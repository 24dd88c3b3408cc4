import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  folderScores,
  formatScores,
  meetsTarget,
  readScores,
  resultsFile,
  type MutationReport,
} from '../../scripts/mutation-scores';

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });

const REPORT: MutationReport = {
  files: {
    'src/routing/hours.ts': mutants('Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored'),
    'src/routing/text.ts': mutants('RuntimeError'),
    // Same prefix, other folder: not routing's.
    'src/routingx/a.ts': mutants('Survived', 'Survived'),
    '/project/src/config/env.ts': mutants('Killed'),
  },
};

describe('folderScores', () => {
  const [routing, config, numbers] = folderScores(REPORT, ['src/routing', 'src/config', 'src/numbers'], '/project');

  test('counts each status of the files under a folder only, absolute paths included', () => {
    expect(routing).toEqual({
      folder: 'src/routing',
      ran: true,
      killed: 2,
      timeout: 1,
      survived: 1,
      noCoverage: 1,
      invalid: 2,
      score: 60,
    });
    expect(config).toMatchObject({ folder: 'src/config', killed: 1, survived: 0, score: 100 });
  });

  test('a folder without valid mutants has no score, and nothing to miss', () => {
    expect(numbers).toMatchObject({ folder: 'src/numbers', killed: 0, score: undefined });
    expect(meetsTarget(numbers!, 90)).toBe(true);
  });
});

test('meetsTarget: at the target passes, just under it fails', () => {
  const at = { folder: 'f', ran: true, killed: 9, timeout: 0, survived: 1, noCoverage: 0, invalid: 0, score: 90 };
  expect(meetsTarget(at, 90)).toBe(true);
  expect(meetsTarget({ ...at, score: 89.99 }, 90)).toBe(false);
});

test('formatScores: one line per folder, its score and target, the ones under target marked', () => {
  const scores = folderScores(REPORT, ['src/routing', 'src/config'], '/project');
  const lines = formatScores(scores, { 'src/routing': 90, 'src/config': 90 }).split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]?.split(/\s+/)).toEqual([
    'folder',
    'score',
    'target',
    'killed',
    'timeout',
    'survived',
    'no',
    'cov',
    'invalid',
  ]);
  expect(lines[1]?.split(/\s+/)).toEqual(['src/routing', '60.00%', '90%', '2', '1', '1', '1', '2', 'below', 'target']);
  expect(lines[2]?.split(/\s+/)).toEqual(['src/config', '100.00%', '90%', '1', '0', '0', '0', '0']);
});

describe('readScores: each folder from its own results file', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'scores-'));
    mkdirSync(join(root, 'stryker', 'incremental'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("a folder's file is stryker/incremental/<last part>.json; a folder without one was never run", () => {
    expect(resultsFile('src/routing', root)).toBe(join(root, 'stryker', 'incremental', 'routing.json'));
    // The routing file also holds a config file: only routing's own count.
    writeFileSync(resultsFile('src/routing', root), JSON.stringify(REPORT));
    const [routing, config] = readScores(['src/routing', 'src/config'], root);
    expect(routing).toMatchObject({ folder: 'src/routing', ran: true, killed: 2, score: 60 });
    expect(config).toEqual({
      folder: 'src/config',
      ran: false,
      killed: 0,
      timeout: 0,
      survived: 0,
      noCoverage: 0,
      invalid: 0,
      score: undefined,
    });
    expect(meetsTarget(config!, 0)).toBe(false);
    expect(formatScores([config!], { 'src/config': 90 }).split('\n')[1]?.split(/\s+/)).toEqual([
      'src/config',
      'not',
      'run',
      '90%',
      '0',
      '0',
      '0',
      '0',
      '0',
      'below',
      'target',
    ]);
  });
});
