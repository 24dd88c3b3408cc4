import { matches, matchesAny } from '../../src/routing/patterns';

describe('block and allow patterns', () => {
  test.each([
    ['+15551230000', '+15551230000', true],
    ['+15551230000', '+15551230001', false],
    ['+15551230000', '+155512300001', false],
    ['+1555*', '+15551230001', true],
    ['+1555*', '+14155550199', false],
    ['+*', '+14155550199', true],
  ])('%s matches %s: %s', (pattern, number, result) => {
    expect(matches(pattern, number)).toBe(result);
  });

  test('matchesAny: any one pattern is enough, none is none', () => {
    expect([matchesAny(['+1900*', '+1555*'], '+15551230000'), matchesAny([], '+15551230000')]).toEqual([true, false]);
  });
});
