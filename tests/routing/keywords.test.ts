import { HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS, isReservedKeyword } from '../../src/routing/keywords';

describe('isReservedKeyword', () => {
  test.each([...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS, ...HELP_KEYWORDS])('%s, in any case, is a keyword', (word) => {
    expect([isReservedKeyword(word), isReservedKeyword(word.toLowerCase()), isReservedKeyword(` ${word[0]}${word.slice(1).toLowerCase()}\n`)]).toEqual([true, true, true]);
  });

  test('white space around a keyword, however long, is trimmed', () => {
    expect(isReservedKeyword(`${' '.repeat(40)}stop`)).toBe(true);
    expect(isReservedKeyword(`STOP${'\n'.repeat(40)}`)).toBe(true);
    expect(isReservedKeyword(`\t\u00a0 unsubscribe \r\n${' '.repeat(30)}`)).toBe(true);
  });

  test('a longer text, or a keyword inside one, is no keyword', () => {
    expect(isReservedKeyword('stop it please')).toBe(false);
    expect(isReservedKeyword(`${' '.repeat(20)}stop now${' '.repeat(20)}`)).toBe(false);
    expect(isReservedKeyword('UNSUBSCRIBED')).toBe(false);
    expect(isReservedKeyword('x'.repeat(1600))).toBe(false);
    expect(isReservedKeyword('')).toBe(false);
  });
});
