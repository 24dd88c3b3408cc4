/**
 * Webhook events as anyone could send them to a function's URL: every parameter present or
 * absent, any text, media parameters that lie, addresses of every channel and garbage.
 */
import fc from 'fast-check';
import { ANSWERED, POOL, RECEIVING, RESERVED, TARGETS } from './numbers';
import { anyCase, fragment, longText, space, textWith, xmlForbidden } from './text-arbitraries';

const number = fc.constantFrom(...POOL);
const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);

/** Inserts `extra` at a random place of `text`. */
const inserted = (text: fc.Arbitrary<string>, extra: fc.Arbitrary<string>) =>
  fc
    .tuple(text, extra, fc.nat())
    .map(([t, e, at]) => t.slice(0, at % (t.length + 1)) + e + t.slice(at % (t.length + 1)));

/** From or To: a number of the pools on any channel, with odd spacing or characters, or garbage. */
const address = (numbers: fc.Arbitrary<string>) =>
  fc.oneof(
    { arbitrary: numbers, weight: 6 },
    { arbitrary: numbers.map((n) => `whatsapp:${n}`), weight: 2 },
    { arbitrary: fc.tuple(space, numbers, space).map(([a, n, b]) => a + n + b), weight: 1 },
    { arbitrary: inserted(numbers, xmlForbidden), weight: 1 },
    { arbitrary: numbers.map((n) => n.slice(1)), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        'client:alice',
        `client:${TARGETS[0]}`,
        'messenger:1234567890',
        'rcs:+15551230001',
        '',
        ':',
        'whatsapp:',
        '+',
        '+0',
        '+1',
        'alice',
        '+15551230001" to="+19998887777',
      ),
      weight: 2,
    },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  );

export const fromArbitrary = address(number);
export const toArbitrary = address(
  fc.oneof({ arbitrary: fc.constantFrom(...RECEIVING), weight: 4 }, { arbitrary: number, weight: 1 }),
);

const punctuation = fc.constantFrom('', '.', '!', '?', ',', ';', ':', '!!');

/** A relay command: "+number: text", "+number text", with any number, valid or not. */
const relay = fc
  .tuple(
    space,
    fc.oneof(number, fc.constantFrom('+0123', '+1', '+1234567890123456', '+44 7700 900123')),
    fc.constantFrom(':', ': ', ' ', ' : ', ':\n'),
    textWith(number, 3),
  )
  .map((parts) => parts.join(''));

export const bodyArbitrary = fc.oneof(
  { arbitrary: textWith(number), weight: 6 },
  { arbitrary: fc.tuple(space, fc.constantFrom(...RESERVED).chain(anyCase), space).map((p) => p.join('')), weight: 1 },
  {
    arbitrary: fc
      .tuple(space, fc.constantFrom(...RESERVED).chain(anyCase), fc.constantFrom('\u0000', '\uFFFF', '\uD800'))
      .map((p) => p.join('')),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...ANSWERED).chain(anyCase), punctuation, space, textWith(fc.constant(''), 2))
      .map((p) => p.join('')),
    weight: 2,
  },
  { arbitrary: relay, weight: 3 },
  { arbitrary: longText, weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

const twilioMedia = hex32.map(
  (hex) => `https://api.twilio.com/2010-04-01/Accounts/AC${'a'.repeat(32)}/Messages/MM${hex}/Media/ME${hex}`,
);
const mediaValue = fc.oneof(
  { arbitrary: twilioMedia, weight: 4 },
  { arbitrary: fc.webUrl(), weight: 2 },
  { arbitrary: inserted(twilioMedia, fc.oneof(xmlForbidden, fc.constantFrom('"', '<', '>', '&', ' '))), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      'javascript:alert(1)',
      'ftp://x/y',
      '',
      ' https://x.test/a ',
      'https://',
      'data:image/png;base64,AAAA',
    ),
    weight: 1,
  },
  { arbitrary: fragment, weight: 1 },
);

const numMedia = fc.oneof(
  fc.integer({ min: -2, max: 15 }).map(String),
  fc.constantFrom('three', '1e99', '', 'NaN', '0x10', ' 2 '),
);
const optOutType = fc.constantFrom('STOP', 'HELP', 'START', '', ' ', 'stop', 'garbage');
const sid = fc.oneof(
  hex32.map((hex) => `SM${hex}`),
  fragment,
);

/** The parameters this project reads, each present or absent, as strings (what the runtime hands over). */
const known = fc.record(
  {
    MessageSid: sid,
    SmsMessageSid: sid,
    AccountSid: fc.constant(`AC${'a'.repeat(32)}`),
    From: fromArbitrary,
    To: toArbitrary,
    Body: bodyArbitrary,
    NumMedia: numMedia,
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, string>>;

/** Advanced Opt-Out's marker: on keyword messages only, so rare. */
const optOut = fc.oneof(
  { arbitrary: fc.constant({}), weight: 6 },
  { arbitrary: optOutType.map((OptOutType) => ({ OptOutType })), weight: 1 },
);

/** MediaUrl0..MediaUrl11 (Twilio sends at most 0..9): often none, as in most messages. */
const media = fc.option(
  fc.dictionary(
    fc.integer({ min: 0, max: 11 }).map((n) => `MediaUrl${n}`),
    mediaValue,
    { minKeys: 1, maxKeys: 12 },
  ),
  { nil: {}, freq: 2 },
);

/** Parameters Twilio may add without notice, or anyone may send. */
const extra = fc.dictionary(
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('MediaContentType0', 'NumSegments', 'SmsStatus', '__proto__', 'constructor'),
  ),
  fragment,
  { maxKeys: 3 },
);

/** Form parameters, every value a string: what a function receives over HTTP. */
export const paramsArbitrary: fc.Arbitrary<Record<string, string>> = fc
  .tuple(extra, known, media, optOut, fc.boolean())
  .map(([more, params, urls, marker, mostly]) => ({
    ...(mostly ? { From: TARGETS[0], To: RECEIVING[0] } : {}),
    ...more,
    ...params,
    ...urls,
    ...marker,
  }));

/** As the runtime may also hand them over: a repeated parameter as an array, a number, an object. */
const odd = (value: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.constant(value), weight: 8 },
    { arbitrary: fc.constant([value, 'second']), weight: 1 },
    { arbitrary: fc.constantFrom(42, -1, Number.NaN, null, true, { toString: () => value }, []), weight: 1 },
  );

export const eventArbitrary: fc.Arbitrary<Record<string, unknown>> = paramsArbitrary.chain((params) =>
  fc.record(Object.fromEntries(Object.entries(params).map(([name, value]) => [name, odd(value)]))),
);
