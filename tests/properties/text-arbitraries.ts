/**
 * Text as it may arrive: any code point, lone surrogates, characters XML forbids, markup,
 * TwiML injections, placeholders, and lengths around Twilio's 1600-unit limit.
 */
import fc from 'fast-check';
import { INJECTION } from './numbers';

export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));

/** NUL, C0 controls (tab, LF and CR are allowed), U+FFFE, U+FFFF and lone surrogates. */
export const xmlForbidden = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((unit) => String.fromCharCode(unit)),
  fc.constantFrom('\uFFFE', '\uFFFF'),
  loneSurrogate,
);

const markup = fc.constantFrom(
  INJECTION,
  '&',
  '<',
  '>',
  '"',
  "'",
  '&amp;',
  '&#0;',
  '&#x1;',
  ']]>',
  '<![CDATA[x]]>',
  '<?xml version="1.0"?>',
  '<!-- -->',
  '😀',
  '🇫🇷',
  '👩‍👩‍👧',
  '\u200d',
  '\u00a0',
  '\ufeff',
  ' ',
  '\t',
  '\r\n',
);

/** A fragment of any kind: several of them joined make a body or a configured text. */
export const fragment = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 2 },
  { arbitrary: xmlForbidden, weight: 2 },
  { arbitrary: markup, weight: 2 },
);

/** Long text: a run of one character (two units when astral) around the 1600 limit, plus fragments. */
export const longText = fc
  .tuple(fc.constantFrom('x', '😀', 'é'), fc.integer({ min: 700, max: 1700 }), fc.array(fragment, { maxLength: 3 }))
  .map(([unit, count, rest]) => unit.repeat(count) + rest.join(''));

/** `words` joined with fragments around them. */
export const textWith = (words: fc.Arbitrary<string>, maxLength = 6): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ arbitrary: fragment, weight: 3 }, { arbitrary: words, weight: 1 }), { maxLength })
    .map((parts) => parts.join(''));

/** Random upper/lower case per character: "sToP". */
export const anyCase = (word: string): fc.Arbitrary<string> =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((flags) => [...word].map((c, i) => (flags[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

/** Whitespace a phone keyboard or a gateway may add around a word. */
export const space = fc.constantFrom('', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', ' \n ');
