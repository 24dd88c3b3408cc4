/**
 * What the simulator warns about in a well-formed answer: Twilio's limits, each tested at the limit
 * (no warning) and just past it (the warning, with Twilio's error code).
 */
import { limitProblems } from '../../src/simulator/limits';
import type { Action } from '../../src/simulator/twiml';

const SENDER = '+15551230000';
const message = (changes: Partial<Extract<Action, { kind: 'message' }>> = {}): Action => ({
  kind: 'message',
  to: undefined,
  from: undefined,
  body: 'Hi',
  media: [],
  ...changes,
});
const messages = (count: number): Action[] => Array.from({ length: count }, () => message());
const media = (count: number): string[] => Array.from({ length: count }, (_, n) => `https://x.test/${n}.png`);

describe('limitProblems', () => {
  test('a body of exactly 1600 characters passes; 1601 is refused (21617)', () => {
    expect(limitProblems([message({ body: 'a'.repeat(1600) })])).toEqual([]);
    expect(limitProblems([message({ body: 'a'.repeat(1601) })])).toEqual([
      'message 1: the body has 1601 characters, at most 1600 (error 21617)',
    ]);
  });

  test('characters are counted as UTF-16 code units: 800 emoji are 1600, 801 are 1602', () => {
    expect(limitProblems([message({ body: '😀'.repeat(800) })])).toEqual([]);
    expect(limitProblems([message({ body: '😀'.repeat(801) })])).toEqual([
      'message 1: the body has 1602 characters, at most 1600 (error 21617)',
    ]);
  });

  test('exactly 10 messages pass; 11 are refused (14109)', () => {
    expect(limitProblems(messages(10))).toEqual([]);
    expect(limitProblems(messages(11))).toEqual([
      '11 <Message> verbs: Twilio sends at most 10 per answer (error 14109)',
    ]);
  });

  test('a redirect is no message: 10 messages and a redirect pass', () => {
    expect(limitProblems([...messages(10), { kind: 'redirect', url: 'https://x.test/next' }])).toEqual([]);
  });

  test('exactly 10 media pass; 11 are refused', () => {
    expect(limitProblems([message({ media: media(10) })])).toEqual([]);
    expect(limitProblems([message({ media: media(11) })])).toEqual(['message 1: 11 <Media>, at most 10']);
  });

  test('a whitespace-only body with no media is nothing to send (14103); with a picture it is fine', () => {
    for (const body of ['', ' ', '\n\t '])
      expect(limitProblems([message({ body })])).toEqual([
        'message 1: no body and no media: nothing to send (error 14103)',
      ]);
    expect(limitProblems([message({ body: ' ', media: media(1) })])).toEqual([]);
    expect(limitProblems([message({ body: ' x ' })])).toEqual([]);
  });

  test('a recipient may be E.164 behind a channel prefix (whatsapp:), never anything else (14101)', () => {
    for (const to of [SENDER, `whatsapp:${SENDER}`, 'messenger:+15551230000'])
      expect(limitProblems([message({ to })])).toEqual([]);
    for (const to of ['5551230000', 'whatsapp:5551230000', '+1 555 123 0000', 'whatsapp:', ''])
      expect(limitProblems([message({ to })])).toEqual([`message 1: to="${to}" is not an E.164 number (error 14101)`]);
  });

  test('names each message by its place, and every problem at once', () => {
    const answer: Action[] = [
      message(),
      message({ body: 'b'.repeat(1601), to: '555' }),
      { kind: 'unknown', verb: 'Say' },
      message({ body: '' }),
    ];
    expect(limitProblems(answer)).toEqual([
      'message 2: the body has 1601 characters, at most 1600 (error 21617)',
      'message 2: to="555" is not an E.164 number (error 14101)',
      'message 3: no body and no media: nothing to send (error 14103)',
      '<Say> is not a messaging verb (only Message and Redirect): error 14110',
    ]);
  });
});
