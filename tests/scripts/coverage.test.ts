import type { CoverageMapData, FileCoverageData } from 'istanbul-lib-coverage';
import { verdict, withoutPlaceholders } from '../../scripts/coverage';

const THRESHOLDS = { lines: 95, branches: 90 };

describe('verdict of npm run coverage', () => {
  test('at the thresholds: met', () => {
    const result = verdict({ lines: 95, branches: 90 }, { ...THRESHOLDS, 'check-coverage': true });
    expect(result).toEqual({
      ok: true,
      text: 'Coverage of src/: lines 95% (threshold 95%), branches 90% (threshold 90%): thresholds met.',
    });
  });

  test('just under one, enforced: fails, naming it', () => {
    const result = verdict({ lines: 95, branches: 89.99 }, { ...THRESHOLDS, 'check-coverage': true });
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(/: below threshold: branches\.$/);
  });

  test('under both, not enforced: passes, and says so', () => {
    const result = verdict({ lines: 80, branches: 70 }, { ...THRESHOLDS, 'check-coverage': false });
    expect(result.ok).toBe(true);
    expect(result.text).toMatch(/below threshold: lines, branches \(not enforced: "check-coverage" is false/);
  });
});

describe('withoutPlaceholders', () => {
  const span = { start: { line: 1, column: 0 }, end: { line: 9, column: 1 } };
  const file = (path: string, fn: string, hits: number): FileCoverageData => ({
    path,
    fnMap: { 0: { name: fn, decl: span, loc: span, line: 1 } },
    f: { 0: hits },
    statementMap: { 0: span },
    s: { 0: hits },
    branchMap: {},
    b: {},
  });
  const inProcess: CoverageMapData = {
    '/p/src/cli/sms.ts': file('/p/src/cli/sms.ts', '(empty-report)', 0),
    '/p/src/cli/schema.ts': file('/p/src/cli/schema.ts', '(empty-report)', 0),
    '/p/src/routing/text.ts': file('/p/src/routing/text.ts', 'trim', 3),
  };
  const children: CoverageMapData = {
    '/p/src/cli/sms.ts': file('/p/src/cli/sms.ts', 'main', 1),
    '/p/src/routing/text.ts': file('/p/src/routing/text.ts', 'trim', 1),
  };

  test("drops jest's never-loaded stand-in only where a child ran the file", () => {
    expect(Object.keys(withoutPlaceholders(inProcess, children)).sort()).toEqual([
      '/p/src/cli/schema.ts',
      '/p/src/routing/text.ts',
    ]);
  });
});
