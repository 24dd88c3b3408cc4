/**
 * The one schema of the configuration (src/config/schema.ts), piece by piece: each limit at the
 * limit (accepted) and just past it (refused with what to write), every problem where it sits.
 */
import * as v from 'valibot';
import { validate } from '../../src/config/issues';
import {
  Duration,
  ForwardTemplate,
  Hours,
  Keyword,
  MediaList,
  MediaUrl,
  NumberEntry,
  ReplyText,
  RoutingFile,
  Target,
  Targets,
} from '../../src/config/schema';

/** Every problem of `input` as `where: message` ('' where: at the root). */
const problems = (schema: v.GenericSchema, input: unknown): string[] =>
  validate(schema, input).problems.map((p) => (p.where === '' ? p.message : `${p.where}: ${p.message}`));
const accepts = (schema: v.GenericSchema, input: unknown) => expect(problems(schema, input)).toEqual([]);

const E164_FIX = 'write + country code and number, no spaces or dashes (e.g. +15551230000)';
const phones = (count: number) => Array.from({ length: count }, (_, n) => `+1555123${String(n).padStart(4, '0')}`);
const TARGETS_LIST = 'must be a list of targets, e.g. ["+15551230000", "owner@example.com", "slack"]';
const KEYWORDS_OBJECT = 'must be an object of keyword to reply text, e.g. { "HOURS": "Open 9-5, Mon-Fri" }';
const ZONE = 'must be an IANA time zone in quotes, e.g. "America/New_York"';
const WINDOW = 'must be a window in quotes, e.g. "Mon-Fri 09:00-17:00"';
const WINDOWS = 'must be a list of windows, e.g. ["Mon-Fri 09:00-17:00", "Sat 10:00-14:00"]';
const urls = (count: number) => Array.from({ length: count }, (_, n) => `https://example.com/${n}.png`);

describe('targets', () => {
  test('an email address of exactly 254 characters is a target; 255 is refused', () => {
    // Labels of at most 63 characters: 64 + 1 + 63 + 1 + 63 + 1 + (length - 197) + 4.
    const address = (length: number) =>
      `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(length - 197)}.com`;
    expect(address(254)).toHaveLength(254);
    accepts(Target, address(254));
    expect(problems(Target, address(255))).toEqual(['is longer than 254 characters: no email address is']);
  });

  test('a long text that is no target is refused once, for what it is, not for its length', () => {
    expect(problems(Target, 'x'.repeat(300))).toEqual([
      `"${'x'.repeat(300)}" is not a target: write an E.164 number (+15551230000), ` +
        'an email address (owner@example.com) or slack',
    ]);
  });

  test('slack in any case is read as slack; a phone and an address are kept as written', () => {
    expect(v.parse(Targets, ['SLACK', '+15551230000', 'Owner@Example.com'])).toEqual([
      'slack',
      '+15551230000',
      'Owner@Example.com',
    ]);
  });

  test.each([
    ['555-1234', `"555-1234" is not an E.164 number: ${E164_FIX}`],
    ['(555) 123', `"(555) 123" is not an E.164 number: ${E164_FIX}`],
    [' 555-1234', `" 555-1234" is not an E.164 number: ${E164_FIX}`],
    ['owner@', '"owner@" is not an email address: write it as name@example.com'],
    [
      '#general2',
      '"#general2" is not a target: write an E.164 number (+15551230000), ' +
        'an email address (owner@example.com) or slack',
    ],
  ])('%j is refused with the fix for what it looks like', (target, message) => {
    expect(problems(Target, target)).toEqual([message]);
  });

  test('exactly 10 targets are accepted; 11 are refused; none is refused too', () => {
    accepts(Targets, phones(10));
    expect(problems(Targets, phones(11))).toEqual([
      'has 11 targets: at most 10 (phones, email addresses and slack together); split them across Twilio numbers',
    ]);
    expect(problems(Targets, [])).toEqual(['is empty: list at least one target, or leave it out to use FORWARD_TO']);
  });
});

describe('texts', () => {
  test('a reply text of exactly 1600 characters is accepted; 1601 is refused', () => {
    accepts(ReplyText, 'x'.repeat(1600));
    expect(problems(ReplyText, 'x'.repeat(1601))).toEqual([
      'is 1601 characters long: an SMS body holds at most 1600; shorten it',
    ]);
  });

  test('an empty text, a control character, an unknown placeholder: each says what to do', () => {
    expect(problems(ReplyText, '')).toEqual(['is empty: write the reply text, or leave it out for the default']);
    expect(problems(ForwardTemplate, 'a\u0007b {Body}')).toEqual([
      'contains a control character or another character XML cannot carry, so it could never be sent: ' +
        'remove it from the forward template',
    ]);
    expect(problems(ReplyText, 'You said {Body}')).toEqual(['unknown placeholder {Body}: use {From}, {To}, {opens}']);
    expect(problems(ForwardTemplate, 'Open {opens}')).toEqual([
      'unknown placeholder {opens}: use {From}, {To}, {Body}',
    ]);
    accepts(ReplyText, 'Hi {From}, we open {opens}');
    expect(problems(ReplyText, 42)).toEqual(['must be text in quotes (reply text)']);
  });

  test('the unknown placeholder is named, even after a known one', () => {
    expect(problems(ReplyText, 'Hi {From}, you said {Body}')).toEqual([
      'unknown placeholder {Body}: use {From}, {To}, {opens}',
    ]);
  });
});

describe('media', () => {
  test('exactly 10 media URLs are accepted; 11 are refused', () => {
    accepts(MediaList, urls(10));
    expect(problems(MediaList, urls(11))).toEqual(['has more than 10 URLs: a message carries at most 10 media']);
  });

  test('a URL with a control character is refused: no message could carry it', () => {
    expect(problems(MediaUrl, 'https://example.com/a\u0007.png')).toEqual([
      'contains a control character or another character XML cannot carry, so it could never be sent: ' +
        'remove it from the URL',
    ]);
  });

  test('only an http(s) URL without spaces', () => {
    accepts(MediaUrl, 'http://example.com/card.vcf');
    for (const url of ['ftp://example.com/a.png', 'https://example.com/a b.png', 'example.com/a.png'])
      expect(problems(MediaUrl, url)).toEqual([
        `"${url}" is not an http(s) URL: give the full public address of the image or vCard, ` +
          'e.g. "https://example.com/card.vcf"',
      ]);
  });
});

describe('keywords and durations', () => {
  test('a keyword is one word, and none Twilio answers itself', () => {
    accepts(Keyword, 'HOURS2');
    expect(problems(Keyword, 'opening hours')).toEqual([
      'keyword "opening hours" is not one word: use letters and digits only, e.g. "HOURS"',
    ]);
    expect(problems(Keyword, 'Stop')).toEqual([
      'keyword "Stop" is an opt-out, opt-in or help keyword that Twilio answers itself: ' +
        'a second answer would double-reply; choose another word',
    ]);
  });

  test('a duration from exactly 1m to exactly 365d', () => {
    for (const text of ['1m', '60m', '24h', '365d', ' 12h ']) accepts(Duration, text);
    for (const text of ['0m', '366d', '8761h', '12', '1.5h', '1w', '12hr'])
      expect(problems(Duration, text)).toEqual([
        `${JSON.stringify(text)} is not a duration: write a number and m, h or d, from 1m to 365d, e.g. "12h"`,
      ]);
  });
});

describe('business hours', () => {
  const outside = { mode: 'auto-reply', message: 'Closed, we open {opens}.' };

  test('a window ending at 24:30 is refused, quoting it; every problem at once, where it sits', () => {
    expect(
      problems(Hours, {
        timeZone: 'Mars/Olympus',
        open: ['Mon-Fri 09:00-17:00', 'Sat 10:00-24:30'],
        closed: ['2026-12-25', '25/12/2026'],
        outside,
      }),
    ).toEqual([
      'timeZone: "Mars/Olympus" is not an IANA time zone: use e.g. "America/New_York" or "Europe/London"',
      'open[1]: "Sat 10:00-24:30": "10:00-24:30" is not a time range: use 24-hour HH:MM-HH:MM, e.g. "09:00-17:00"',
      'closed[1]: "25/12/2026" is not a date: write YYYY-MM-DD, e.g. "2026-12-25"',
    ]);
  });

  test('no window, no outside rule, an unknown key: each named', () => {
    expect(problems(Hours, { timeZone: 'UTC', open: [], outside, x: 1 })).toEqual([
      'open: is empty: list at least one window',
      'x: unknown key "x": hours takes only timeZone, open, closed, outside',
    ]);
    expect(problems(Hours, { timeZone: 'UTC', open: ['Daily 00:00-24:00'] })).toEqual([
      'outside: is missing: hours needs "outside"',
    ]);
    expect(problems(Hours, 'Mon-Fri')).toEqual(['must be an object (hours), not "Mon-Fri"']);
    expect(problems(Hours, [])).toEqual(['must be an object (hours), not a list']);
    expect(
      problems(Hours, { timeZone: 'UTC', open: ['Daily 09:00-17:00'], outside: { mode: 'ignore', reply: 'x' } }),
    ).toEqual(['outside.reply: unknown key "reply": hours.outside takes only mode, to, template, message, media']);
  });
});

describe('a value of the wrong kind is named for what it should be', () => {
  const outside = { mode: 'ignore' };
  const hours = (fields: object) => ({ hours: { timeZone: 'UTC', open: ['Daily 09:00-17:00'], outside, ...fields } });
  test.each([
    ['one target', { mode: 'forward', to: '+15551230000' }, 'to', TARGETS_LIST],
    ['a media URL that is a number', { media: [42] }, 'media[0]', 'must be a URL in quotes'],
    ['keywords as text', { keywords: 'HOURS' }, 'keywords', KEYWORDS_OBJECT],
    [
      'block as text',
      { block: '+1900*' },
      'block',
      'must be a list of numbers or prefixes, e.g. ["+1900*", "+15551230000"]',
    ],
    ['a duration as a number', { replyOncePer: 12 }, 'replyOncePer', 'must be a duration in quotes, e.g. "12h"'],
    ['a time zone as a number', hours({ timeZone: 5 }), 'hours.timeZone', ZONE],
    ['a window as a number', hours({ open: [9] }), 'hours.open[0]', WINDOW],
    ['open as text', hours({ open: 'Mon-Fri 09:00-17:00' }), 'hours.open', WINDOWS],
    ['closed as text', hours({ closed: '2026-12-25' }), 'hours.closed', 'must be a list of dates, e.g. ["2026-12-25"]'],
  ])('%s in a number entry', (_what, entry, where, message) => {
    expect(problems(NumberEntry, entry)).toEqual([`${where}: ${message}`]);
  });

  test('a $schema that is no text, in the routing file', () => {
    expect(problems(RoutingFile, { $schema: 1 })).toEqual(['$schema: must be the path or URL of a JSON Schema']);
  });
});

describe('the routing file', () => {
  test('numbers are keyed by E.164 number; an entry takes only its own keys', () => {
    expect(problems(RoutingFile, { numbers: { '5005550006': { mode: 'ignore' } } })).toEqual([
      `numbers.5005550006: "5005550006" is not an E.164 number: ${E164_FIX}`,
    ]);
    expect(problems(NumberEntry, { mode: 'reply' })).toEqual([
      'mode: "reply" is not a mode: use "auto-reply", "forward" or "ignore"',
    ]);
    expect(problems(NumberEntry, { mode: 'ignore', fallback: 'x' })).toEqual([
      'fallback: unknown key "fallback": a number entry takes only ' +
        'mode, to, template, message, media, keywords, block, allow, hours, replyOncePer',
    ]);
    accepts(RoutingFile, {});
  });
});
