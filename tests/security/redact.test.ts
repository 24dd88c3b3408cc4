/**
 * The logger's cleaning of error causes (src/runtime/redact.ts): whatever an error quotes, no
 * credential (in any form), no phone number (URL-encoded too) and no stretch of the message's body
 * survives, and the rest stays readable.
 */
import fc from 'fast-check';
import {
  maskEmails,
  credentialForms,
  decodePercents,
  maskCopies,
  maskNumbers,
  redact,
  removeCredentials,
} from '../../src/runtime/redact';
import { settings } from '../properties/settings';

test('phone numbers in any common writing are cut to their last two digits', () => {
  expect(maskNumbers('from +12125550143 via 12125550143, (212) 555-0143 or 212 555 0143')).toBe(
    'from …43 via …43, …43 or …43',
  );
  expect(maskNumbers('GET /v1/Services/IS0123456789abcdef/Documents/last-sender-15005550006-15551230001')).toBe(
    'GET /v1/Services/IS0123456789abcdef/Documents/last-sender-…01',
  );
});

test('a number whose last digit stands apart ("0 1 4 3", "014-3") is still cut to its last two digits', () => {
  expect(maskNumbers('call 2 1 2 5 5 5 0 1 4 3 now')).toBe('call …43 now');
  expect(maskNumbers('fax 212-555-014-3')).toBe('fax …43');
});

test('what is not a phone number stays: SIDs, short numbers, error codes, line numbers', () => {
  const text = 'RestException 20500 (status 500) for SM0123456789abcdef0123456789abcdef at x.js:1:27642';
  expect(maskNumbers(text)).toBe(text);
});

test('copies of the body are hidden, the rest of the text kept', () => {
  expect(maskCopies('Invalid character in string: Zebra Cafe tonight at index 3', 'Zebra Cafe tonight')).toBe(
    'Invalid character in string: … at index 3',
  );
  expect(maskCopies('boom', 'ok')).toBe('boom');
});

test('a copy at the very start or the very end of the text is hidden, with one … each', () => {
  expect(maskCopies('Zebra Cafe: unexpected token', 'Zebra Cafe')).toBe('…: unexpected token');
  expect(maskCopies('unexpected token in Zebra', 'Zebra Cafe')).toBe('unexpected token in …');
  expect(maskCopies('Zebra', 'Zebra')).toBe('…');
  expect(maskCopies('Zebra or Zebra', 'Zebra')).toBe('… or …');
});

test('with no body given (as memory errors are logged), no word of the text is taken for a copy', () => {
  const text = 'Sync said: the document was not found here, nor there';
  expect(redact(text)).toBe(text);
});

test('a body of white space, or under 4 characters once trimmed, hides nothing', () => {
  const text = 'Unexpected token     at position 4';
  expect(maskCopies(text, '      ')).toBe(text);
  expect(maskCopies('got  ok  back', '  ok  ')).toBe('got  ok  back');
});

test('property: no E.164 number and no 4-character stretch of the body survives redaction', () => {
  const body = fc.string({ unit: 'grapheme', minLength: 4, maxLength: 80 }).filter((b) => b.trim().length >= 4);
  const number = fc.stringMatching(/^\+[1-9]\d{6,14}$/);
  fc.assert(
    fc.property(body, number, fc.string(), fc.string(), fc.nat(), (message, phone, before, after, cut) => {
      const piece = message.slice(cut % (message.length - 3));
      const cleaned = redact(`${before} ${piece} ${phone} ${after}`, message);
      expect(cleaned).not.toContain(phone);
      expect(cleaned).not.toContain(piece.slice(0, 4));
    }),
    settings(1000),
  );
});

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'tok3n5ecret1DOTENVAUTH0123456789';
const BASIC = Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64');

test('URL-encoded numbers are numbers: a Sync form body loses the sender', () => {
  const form = 'Data=%7B%22value%22%3A%22%2B14155550143%22%7D&Ttl=3600';
  expect(decodePercents(form)).toBe('Data={"value":"+14155550143"}&Ttl=3600');
  expect(redact(form)).toBe('Data={"value":"…43"}&Ttl=3600');
  expect(redact('to=%252B14155550143')).toBe('to=…43');
});

test('percent escapes of control characters stay escaped', () => {
  expect(decodePercents('a%0Ab%00c%7F')).toBe('a%0Ab%00c%7F');
});

test.each([
  ['an inspected header', `headers: { Authorization: 'Basic ${BASIC}', Accept: 'application/json' }`],
  ['a JSON header', `{"authorization":"Basic ${BASIC}","accept":"application/json"}`],
  ['a raw request', `POST /v1/Services HTTP/1.1\r\nAuthorization: Basic ${BASIC}\r\nHost: sync.twilio.com`],
  ['a bearer token', 'request failed with Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc'],
  ['a header without a scheme', 'authorization=some-opaque-value-1234; next'],
  ['a proxy header', `Proxy-Authorization: Basic ${BASIC}`],
])('no Authorization value survives, not even its scheme: %s', (_what, text) => {
  const cleaned = removeCredentials(text, []);
  expect(cleaned).not.toMatch(/Basic|Bearer|eyJ|opaque/);
  expect(cleaned).not.toContain(BASIC.slice(0, 12));
  expect(cleaned).toContain('(credentials removed)');
});

test('a header in JSON or in an inspected object loses its value whatever it holds, its name kept', () => {
  expect(removeCredentials('{"authorization":"opaque-value-1234","accept":"application/json"}', [])).toBe(
    '{"authorization":(credentials removed),"accept":"application/json"}',
  );
  expect(removeCredentials("{ 'Authorization': 'opaque-value-1234' }", [])).toBe(
    "{ 'Authorization': (credentials removed) }",
  );
});

test('white space around the separator, or several spaces after the scheme, still lose the whole value', () => {
  expect(removeCredentials('authorization = opaque-value-1234; next', [])).toBe(
    'authorization = (credentials removed); next',
  );
  expect(removeCredentials('Authorization:  Basic   QUMxOnNlY3JldA==, next', [])).toBe(
    'Authorization:  (credentials removed), next',
  );
});

test('a word that only begins like the header is not one', () => {
  expect(removeCredentials('authorization_url: https://example.com/oauth', [])).toBe(
    'authorization_url: https://example.com/oauth',
  );
});

test('the token and the Basic string made with it are removed wherever they stand', () => {
  const secrets = credentialForms(ACCOUNT, TOKEN);
  expect(secrets).toEqual([TOKEN, BASIC]);
  const text = `token=${TOKEN} auth ${BASIC} url https://${ACCOUNT}:${TOKEN}@api.twilio.com/`;
  const cleaned = redact(text, '', secrets);
  expect(cleaned).not.toContain(TOKEN);
  expect(cleaned).not.toContain(BASIC);
  expect(cleaned).toContain(ACCOUNT);
});

test('a value too short to be a credential is not hunted for in ordinary words', () => {
  expect(credentialForms(ACCOUNT, 'abc')).toEqual([]);
  expect(removeCredentials('abc is fine', ['abc'])).toBe('abc is fine');
});

test('property: no token, nor its Basic string, survives redaction, raw or URL-encoded', () => {
  const token = fc.stringMatching(/^[0-9a-f]{32}$/);
  const user = fc.oneof(fc.stringMatching(/^AC[0-9a-f]{32}$/), fc.stringMatching(/^SK[0-9a-f]{32}$/));
  fc.assert(
    fc.property(user, token, fc.string(), fc.string(), fc.boolean(), (sid, secret, before, after, encode) => {
      const basic = Buffer.from(`${sid}:${secret}`).toString('base64');
      const quoted = `${before} ${secret} ${after} Basic ${basic} ${basic}`;
      const text = encode ? encodeURIComponent(quoted) : quoted;
      const cleaned = redact(text, '', credentialForms(sid, secret));
      expect(cleaned).not.toContain(secret);
      expect(cleaned).not.toContain(basic);
    }),
    settings(500),
  );
});

test('an email address keeps its first character and its domain, whatever characters its local part has', () => {
  expect(maskEmails("john.o'neil@example.com wrote; a!b@example.com too; <x+tag@mail.example.org>")).toBe(
    'j***@example.com wrote; a***@example.com too; <x***@mail.example.org>',
  );
  expect(redact('SendGrid 400: the to address owner.name@example.com bounced')).toBe(
    'SendGrid 400: the to address o***@example.com bounced',
  );
});

describe('at the edges', () => {
  test('a secret of 8 characters is removed, one of 7 is too short to tell from a word and stays', () => {
    expect(removeCredentials('a 12345678 b', ['12345678'])).toBe('a (credentials removed) b');
    expect(removeCredentials('a 1234567 b', ['1234567'])).toBe('a 1234567 b');
    expect(credentialForms('AC1', '12345678')).toEqual(['12345678', Buffer.from('AC1:12345678').toString('base64')]);
    expect(credentialForms('AC1', '1234567')).toEqual([]);
  });

  test('percent escapes: a space (%20) is decoded, a control character (%1F) is not; three rounds at most', () => {
    expect(decodePercents('a%20b%1Fc%7E')).toBe('a b%1Fc~');
    expect(decodePercents('%252541')).toBe('A');
    expect(decodePercents('%25252541')).toBe('%41');
  });

  test('a scheme and its value are removed whatever the white space between them', () => {
    expect(removeCredentials('got Bearer \t abcdefgh12345 back', [])).toBe('got (credentials removed) back');
  });
});
