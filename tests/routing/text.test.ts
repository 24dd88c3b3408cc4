import { MAX_BODY, clip, fill, fillWithin, placeholdersIn, shorten, xmlSafe } from '../../src/routing/text';

/** True when `text` has a high surrogate without its low half, or the reverse. */
const splitsAPair = (text: string): boolean =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('xmlSafe', () => {
  test.each([
    ['plain text', 'Hello', 'Hello'],
    ['tab, newline and carriage return', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['markup characters (the builder escapes them)', `& < > " '`, `& < > " '`],
    ['emoji and other astral characters', '😀 𝄞 👍🏽', '😀 𝄞 👍🏽'],
    ['NUL and C0 controls', 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg', 'abcdefg'],
    ['a lone high surrogate', 'a\uD83Db', 'ab'],
    ['a lone low surrogate', 'a\uDE00b', 'ab'],
    ['U+FFFE and U+FFFF', 'a\uFFFEb\uFFFFc', 'abc'],
    ['DEL and C1 controls, which XML allows', 'a\u007Fb\u0085c', 'a\u007Fb\u0085c'],
  ])('%s', (_what, input, expected) => {
    expect(xmlSafe(input)).toBe(expected);
  });
});

describe('clip', () => {
  test.each([
    ['short text unchanged', 'abc', 5, 'abc'],
    ['text exactly at the limit unchanged', 'abcde', 5, 'abcde'],
    ['long text cut at the limit', 'abcdef', 5, 'abcde'],
    ['a pair that would be split is dropped whole', 'abcd😀', 5, 'abcd'],
    ['a pair that fits is kept', 'abc😀x', 5, 'abc😀'],
    ['a limit of zero', 'abc', 0, ''],
    ['a negative limit', 'abc', -1, ''],
    ['a text within the limit is whole, even ending in half a pair', 'ab\uD83D', 3, 'ab\uD83D'],
    ['the first high surrogate, U+D800, starts a pair', 'a\u{10000}', 2, 'a'],
    ['the last high surrogate, U+DBFF, starts a pair', 'a\u{10FFFF}', 2, 'a'],
  ])('%s', (_what, text, max, expected) => {
    expect(clip(text, max)).toBe(expected);
  });

  test('never splits a surrogate pair, at any limit', () => {
    const text = 'a😀b😀😀c👍🏽'.repeat(3);
    for (let max = 0; max <= text.length + 1; max++) {
      const cut = clip(text, max);
      expect(cut.length).toBeLessThanOrEqual(max < 0 ? 0 : max);
      expect(text.startsWith(cut)).toBe(true);
      expect(splitsAPair(cut)).toBe(false);
    }
  });
});

describe('shorten', () => {
  test('marks a cut with an ellipsis within the limit', () => {
    expect(shorten('abcdefgh', 5)).toBe('abcd…');
  });
  test('leaves short text alone, and text exactly at the limit', () => {
    expect(shorten('abc', 5)).toBe('abc');
    expect(shorten('abcde', 5)).toBe('abcde');
  });
});

describe('fill', () => {
  test.each([
    ['every placeholder', '{From} to {To}: {Body}', 'A to B: hi'],
    ['a placeholder twice', '{Body}/{Body}', 'hi/hi'],
    ['an unknown placeholder stays as written', '{From} {Nope}', 'A {Nope}'],
    ['no placeholder', 'plain', 'plain'],
  ])('%s', (_what, template, expected) => {
    expect(fill(template, { From: 'A', To: 'B', Body: 'hi' })).toBe(expected);
  });

  test('fills in one pass: a body that says "{From}" is not filled again', () => {
    expect(fill('{From}: {Body}', { From: '+1555', Body: 'I am {From} and {To}' })).toBe('+1555: I am {From} and {To}');
  });

  test('a value with $-patterns is inserted literally', () => {
    expect(fill('{Body}', { Body: "$& $1 $' $`" })).toBe("$& $1 $' $`");
  });
});

test('placeholdersIn lists the placeholders in order', () => {
  expect(placeholdersIn('{Body} from {From}, again {Body}')).toEqual(['Body', 'From', 'Body']);
});

describe('fillWithin', () => {
  const sender = '+12125550143';
  const values = (body: string) => ({ From: sender, To: '+15005550006', Body: body });

  test('leaves a message that fits unchanged', () => {
    expect(fillWithin('{From}: {Body}', values('hi'), 'Body')).toBe(`${sender}: hi`);
  });

  test.each([
    ['sender first', '{From}: {Body}'],
    ['sender last', '{Body} (from {From})'],
    ['body twice', '{From}: {Body} / {Body}'],
    ['body twice, sender last', '{Body} / {Body} (from {From})'],
    ['long fixed text', `${'x'.repeat(1500)} {From}: {Body}`],
  ])('shortens only the body, keeping the sender visible (%s)', (_what, template) => {
    for (const body of ['a'.repeat(5000), '😀'.repeat(3000), 'a' + '😀'.repeat(2000)]) {
      const result = fillWithin(template, values(body), 'Body');
      expect(result.length).toBeLessThanOrEqual(MAX_BODY);
      expect(result).toContain(sender);
      expect(result).toContain('…');
      expect(splitsAPair(result)).toBe(false);
    }
  });

  test('uses the room it has: the result is exactly at the limit', () => {
    const result = fillWithin('{From}: {Body}', values('a'.repeat(5000)), 'Body');
    expect(result).toBe(`${sender}: ${'a'.repeat(MAX_BODY - sender.length - 2 - 1)}…`);
    expect(result).toHaveLength(MAX_BODY);
  });

  test('counts only the cut placeholder: {From} and {To} beside {Body} keep their whole length', () => {
    const head = `${sender} to +15005550006: `;
    expect(fillWithin('{From} to {To}: {Body}', values('a'.repeat(5000)), 'Body')).toBe(
      `${head}${'a'.repeat(MAX_BODY - head.length - 1)}…`,
    );
  });

  test('a body one character over the limit loses two characters to the ellipsis', () => {
    const body = 'a'.repeat(MAX_BODY - sender.length - 2) + 'b';
    expect(fillWithin('{From}: {Body}', values(body), 'Body')).toBe(`${sender}: ${body.slice(0, -2)}…`);
  });

  test('a body exactly filling the limit is not cut', () => {
    const body = 'a'.repeat(MAX_BODY - sender.length - 2);
    expect(fillWithin('{From}: {Body}', values(body), 'Body')).toBe(`${sender}: ${body}`);
  });

  test('without the cut placeholder in the template, clips the whole text', () => {
    const result = fillWithin(`{From} ${'y'.repeat(2000)}`, values('hi'), 'Body');
    expect(result.startsWith(sender)).toBe(true);
    expect(result).toHaveLength(MAX_BODY);
  });

  test('a body containing placeholders is not refilled when shortened', () => {
    const result = fillWithin('{From}: {Body}', values('{From}'.repeat(1000)), 'Body');
    expect(result.startsWith(`${sender}: {From}{From}`)).toBe(true);
    expect(result.split(sender)).toHaveLength(2);
  });

  test('honours a smaller limit', () => {
    expect(fillWithin('{From}: {Body}', values('abcdefghij'), 'Body', sender.length + 6)).toBe(`${sender}: abc…`);
  });
});
