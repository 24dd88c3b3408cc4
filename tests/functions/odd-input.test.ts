/**
 * Whatever arrives, every handler calls back once, without an error, with well-formed TwiML
 * (answerOf checks all three), and never sends to anyone it was not configured to.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { SENDER, fixtures, params, type WebhookParams } from '../fixtures';
import { handler as autoReply } from '../../functions/auto-reply.protected';
import { handler as forward } from '../../functions/forward.protected';
import { handler as ignore } from '../../functions/ignore.protected';
import { handler as sms } from '../../functions/sms.protected';
import { answerOf, installRuntime, installTwilio } from '../helpers/runtime-globals';
import { quietConsole } from '../helpers/quiet-console';

const A = '+15551230001';
const B = '+15551230002';
const INJECTED = '+15559999999';
// the emoji in it is a valid pair
const BAD = '\u0000\u0001\u0008\u000B\u000C\u001B\u001F\uD83D\uDE00\uDE00\uD83D\uFFFE\uFFFF';
const INJECTION = `</Message><Message to="${INJECTED}">pwned</Message><Message>`;

const handlers: [string, ServerlessFunctionSignature, Record<string, string>, readonly string[]][] = [
  ['/auto-reply', autoReply, {}, []],
  ['/forward', forward, { FORWARD_TO: `${A},${B}` }, [A, B]],
  ['/ignore', ignore, {}, []],
  ['/sms', sms, { DEFAULT_MODE: 'forward', FORWARD_TO: `${A},${B}` }, [A, B]],
];

/** Odd parameters, on top of the SMS fixture unless the case says "alone". */
const inputs: [string, WebhookParams, boolean][] = [
  ['no parameters at all', {}, true],
  ['only a Body', { Body: 'hi' }, true],
  ['an empty Body', { Body: '' }, false],
  ['a garbage NumMedia', { NumMedia: 'three' }, false],
  ['a negative NumMedia', { NumMedia: '-5' }, false],
  ['a huge NumMedia without media', { NumMedia: '1e99' }, false],
  ['markup characters', { Body: `& < > " ' &amp; &#0; <![CDATA[x]]>` }, false],
  ['emoji, flags and joiners', { Body: '😀 🇫🇷 👩‍👩‍👧 👍🏽 𝄞' }, false],
  ['a TwiML injection in the Body', { Body: INJECTION }, false],
  ['an XML declaration and a comment in the Body', { Body: '<?xml version="1.0"?><!-- x --><Response/>' }, false],
  ['forbidden characters in the Body', { Body: `a${BAD}b` }, false],
  ['only forbidden characters in the Body', { Body: BAD }, false],
  ['forbidden characters in From', { From: `${SENDER}${BAD}` }, false],
  ['forbidden characters in To', { To: `+15005550006${BAD}` }, false],
  ['forbidden characters in MediaUrl0', { NumMedia: '1', MediaUrl0: `https://api.twilio.com/x${BAD}y` }, false],
  ['an attribute injection in From', { From: `+1555"/><Message to="${INJECTED}">x</Message><x a="` }, false],
  ['an attribute injection in To', { To: `+15005550006" to="${INJECTED}` }, false],
  ['markup in a MediaUrl', { NumMedia: '1', MediaUrl0: `https://example.com/a"><Message_to="${INJECTED}">` }, false],
  ['a MediaUrl that is not a URL', { NumMedia: '1', MediaUrl0: 'javascript:alert(1)' }, false],
  ['a From that is not a number', { From: 'alice' }, false],
  ['a 100 000 character Body', { Body: 'x'.repeat(100_000) }, false],
  [
    'a Body of lone surrogates and U+FFFF only',
    { Body: '\uD800\uDFFF'.split('').reverse().join('') + '\uFFFF' },
    false,
  ],
];

let errors: jest.SpyInstance;
beforeAll(() => {
  installTwilio();
  installRuntime(() => ({}));
});
beforeEach(() => {
  errors = quietConsole().error;
});
afterEach(() => jest.restoreAllMocks());

describe.each(handlers)('%s', (_path, handler, env, targets) => {
  test.each(inputs)('answers well-formed TwiML to %s', async (_what, changes, alone) => {
    const { messages } = await answerOf(handler, alone ? changes : params(fixtures.sms, changes), env);
    for (const message of messages) {
      if (message.to !== undefined) expect(targets).toContain(message.to);
      expect(message.media.length).toBeLessThanOrEqual(10);
      expect(message.body.length).toBeLessThanOrEqual(1600);
    }
    expect(messages.length).toBeLessThanOrEqual(Math.max(targets.length, 1));
    // Handled, not swallowed: the catch-all (which logs with console.error) was not needed.
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('odd text arrives intact', () => {
  test('a TwiML injection is forwarded as text, to the configured targets only', async () => {
    const { messages } = await answerOf(forward, params(fixtures.sms, { Body: INJECTION }), { FORWARD_TO: A });
    expect(messages).toEqual([{ to: A, body: `${SENDER}: ${INJECTION}`, media: [] }]);
  });

  test('markup characters and emoji are forwarded exactly', async () => {
    const body = `& < > " ' 😀 🇫🇷 👩‍👩‍👧`;
    expect((await answerOf(forward, params(fixtures.sms, { Body: body }), { FORWARD_TO: A })).messages[0].body).toBe(
      `${SENDER}: ${body}`,
    );
  });

  test('forbidden characters are dropped, the rest of the text kept', async () => {
    const { messages } = await answerOf(forward, params(fixtures.sms, { Body: `a${BAD}b` }), { FORWARD_TO: A });
    expect(messages[0].body).toBe(`${SENDER}: a😀b`);
  });

  test('a From with forbidden characters is cleaned, not refused', async () => {
    const { messages } = await answerOf(forward, params(fixtures.sms, { From: `${SENDER}\u0000` }), { FORWARD_TO: A });
    expect(messages[0].body.startsWith(`${SENDER}: `)).toBe(true);
  });

  test('a MediaUrl with forbidden characters is cleaned and forwarded', async () => {
    const { messages } = await answerOf(
      forward,
      params(fixtures.sms, { MediaUrl0: 'https://api.twilio.com/x\u0000y' }),
      { FORWARD_TO: A },
    );
    expect(messages[0].media).toEqual(['https://api.twilio.com/xy']);
  });

  test('forbidden characters do not defeat the From = To loop guard', async () => {
    const event = params(fixtures.sms, { From: '+15005550006', To: '+15005550006\u0000' });
    expect((await answerOf(forward, event, { FORWARD_TO: A })).messages).toEqual([]);
  });
});
