/**
 * What the relay remembers of a target, as read back from the store: partners less than 10 minutes
 * old (a clock slightly ahead too), at most the 10 newest, each once.
 */
import { keys, readTargetMemory, withPartner, writeTargetMemory, type TargetMemory } from '../../src/routing/memory';

const NOW = new Date('2026-11-26T17:00:00Z');
const MS = NOW.getTime();
const TEN_MINUTES = 10 * 60_000;
const number = (n: number) => `+1555123${String(n).padStart(4, '0')}`;
const stored = (memory: object) => JSON.stringify(memory);

test('a partner is recent up to the last millisecond before 10 minutes, either side of now', () => {
  const at = [MS - TEN_MINUTES, MS - TEN_MINUTES + 1, MS + TEN_MINUTES - 1, MS + TEN_MINUTES];
  const partners = at.map((time, n) => ({ number: number(n), at: time }));
  expect(readTargetMemory(stored({ partners }), NOW).partners).toEqual([partners[1], partners[2]]);
});

test('the hint time counts the same way: 9:59.999 ago is recent, 10:00 ago is not', () => {
  expect(readTargetMemory(stored({ partners: [], hintedAt: MS - TEN_MINUTES + 1 }), NOW).hintedAt).toBe(
    MS - TEN_MINUTES + 1,
  );
  expect(readTargetMemory(stored({ partners: [], hintedAt: MS - TEN_MINUTES }), NOW).hintedAt).toBeUndefined();
});

test('keeps the 10 newest partners: all of 10, the 10 newest of 11', () => {
  let memory: TargetMemory = { partners: [] };
  for (let n = 0; n < 10; n++) memory = withPartner(memory, number(n), new Date(MS + n));
  expect(memory.partners.map((p) => p.number)).toEqual(Array.from({ length: 10 }, (_, n) => number(n)));
  memory = withPartner(memory, number(10), new Date(MS + 10));
  expect(memory.partners.map((p) => p.number)).toEqual(Array.from({ length: 10 }, (_, n) => number(n + 1)));
});

test('a partner who writes again moves to the newest place, once, with the new time', () => {
  const memory = withPartner(
    {
      partners: [
        { number: number(1), at: MS },
        { number: number(2), at: MS },
      ],
    },
    number(1),
    new Date(MS + 5),
  );
  expect(memory).toEqual({
    partners: [
      { number: number(2), at: MS },
      { number: number(1), at: MS + 5 },
    ],
  });
});

test('reads back what it writes, and keeps only the fields it knows', () => {
  const memory = { partners: [{ number: number(1), at: MS }], hintedAt: MS - 1 };
  expect(readTargetMemory(writeTargetMemory(memory), NOW)).toEqual(memory);
  const extra = stored({ partners: [{ number: number(1), at: MS, name: 'x' }], hintedAt: MS, other: 1 });
  expect(readTargetMemory(extra, NOW)).toEqual({ partners: [{ number: number(1), at: MS }], hintedAt: MS });
  expect(readTargetMemory(undefined, NOW)).toEqual({ partners: [], hintedAt: undefined });
  expect(readTargetMemory('null', NOW)).toEqual({ partners: [], hintedAt: undefined });
});

test('a stored partner that is not an object with an E.164 number and a time in milliseconds is left out', () => {
  const garbage = [null, 5, number(1), [number(2), MS], { number: [number(3)], at: MS }, { number: number(4) }];
  const more = [
    { number: number(5), at: '1' },
    { number: 'x', at: MS },
    { number: number(6), at: MS },
  ];
  expect(readTargetMemory(stored({ partners: [...garbage, ...more] }), NOW)).toEqual({
    partners: [{ number: number(6), at: MS }],
    hintedAt: undefined,
  });
  expect(readTargetMemory('{"partners": [', NOW)).toEqual({ partners: [], hintedAt: undefined });
});

test('store keys: the digits of the Twilio number, then of the target or sender', () => {
  expect(keys.target('+15005550006', 'whatsapp:+15551230000')).toBe('relay-15005550006-15551230000');
  expect(keys.replied('+15005550006', '+447700900123')).toBe('auto-replied-15005550006-447700900123');
});
