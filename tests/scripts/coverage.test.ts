import { verdict } from '../../scripts/coverage';

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
