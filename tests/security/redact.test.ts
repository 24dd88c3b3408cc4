/**
 * The logger's cleaning of error causes (src/runtime/redact.ts): whatever an error quotes, no
 * phone number and no stretch of the message's body survives, and the rest stays readable.
 */
import fc from 'fast-check';
import { maskCopies, maskNumbers, redact } from '../../src/runtime/redact';
import { settings } from '../properties/settings';

test('phone numbers in any common writing are cut to their last two digits', () => {
  expect(maskNumbers('from +12125550143 via 12125550143, (212) 555-0143 or 212 555 0143')).toBe(
    'from …43 via …43, …43 or …43',
  );
  expect(maskNumbers('GET /v1/Services/IS0123456789abcdef/Documents/last-sender-15005550006-15551230001')).toBe(
    'GET /v1/Services/IS0123456789abcdef/Documents/last-sender-…01',
  );
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
