import fc from 'fast-check';
import {
  HELP_KEYWORDS,
  OPT_IN_KEYWORDS,
  OPT_OUT_KEYWORDS,
  firstWord,
  isReservedKeyword,
} from '../../src/routing/keywords';
import { settings } from '../properties/settings';

describe('isReservedKeyword', () => {
  test.each([...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS, ...HELP_KEYWORDS])('%s, in any case, is a keyword', (word) => {
    expect([
      isReservedKeyword(word),
      isReservedKeyword(word.toLowerCase()),
      isReservedKeyword(` ${word[0]}${word.slice(1).toLowerCase()}\n`),
    ]).toEqual([true, true, true]);
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

describe('firstWord', () => {
  test.each([
    ['Hours?', 'HOURS'],
    ['  hours?!  and more', 'HOURS'],
    ['\u00a0\u3000address. please', 'ADDRESS'],
    ['?!', ''],
    ['', ''],
    ['   ', ''],
    ['¿hours', '¿HOURS'],
    ['straße', 'STRASSE'],
  ])('%j -> %j', (body, word) => {
    expect(firstWord(body)).toBe(word);
  });

  test('is what the regular expressions give, for any text', () => {
    const reference = (body: string): string =>
      (/^\s*(\S*)/.exec(body)?.[1] ?? '').replace(/[.,!?;:]+$/, '').toUpperCase();
    const spaces = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\v',
      '\f',
      '\r',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u200b',
      '\u180e',
    );
    const pieces = fc.oneof(
      spaces,
      fc.constantFrom('.', ',', '!', '?', ';', ':', 'a', 'Z', 'ß', '9'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const body = parts.join('');
        expect(firstWord(body)).toBe(reference(body));
      }),
      settings(3000),
    );
  });
});
