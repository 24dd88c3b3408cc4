/**
 * Whatever arrives, every handler calls back once, without an error, with well-formed TwiML
 * (answerOf checks all three), and answers exactly: the auto-reply, the forward to the configured
 * targets only, or nothing.
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
const ATTRIBUTE_INJECTION = `+1555"/><Message to="${INJECTED}">x</Message><x a="`;
const MARKUP = `& < > " ' &amp; &#0; <![CDATA[x]]>`;
const MARKUP_URL = `https://example.com/a"><Message_to="${INJECTED}">`;
const EMOJI = '😀 🇫🇷 👩‍👩‍👧 👍🏽 𝄞';

/** Each handler, its environment, and the targets it forwards to ('/ignore' and '/auto-reply': none). */
const handlers: [string, ServerlessFunctionSignature, Record<string, string>, readonly string[]][] = [
  ['/auto-reply', autoReply, {}, []],
  ['/forward', forward, { FORWARD_TO: `${A},${B}` }, [A, B]],
  ['/ignore', ignore, {}, []],
  ['/sms', sms, { DEFAULT_MODE: 'forward', FORWARD_TO: `${A},${B}` }, [A, B]],
];

const FIXTURE_TEXT = `${SENDER}: ${fixtures.sms.Body}`;
const DEFAULT_REPLY = 'Thanks for your message. We have received it and will get back to you soon.';
const LONG = 'x'.repeat(100_000);

/**
 * Odd parameters, on top of the SMS fixture unless the case says "alone", with what is forwarded
 * (the text and media each target gets) and whether the sender gets the auto-reply.
 */
const inputs: [string, WebhookParams, boolean, { text: string; media?: string[] }, boolean][] = [
  // No From and no To: the message looks sent from the receiving number itself, which no auto-reply answers.
  ['no parameters at all', {}, true, { text: ': ' }, false],
  ['only a Body', { Body: 'hi' }, true, { text: ': hi' }, false],
  ['an empty Body', { Body: '' }, false, { text: `${SENDER}: ` }, true],
  ['a garbage NumMedia', { NumMedia: 'three' }, false, { text: FIXTURE_TEXT }, true],
  ['a negative NumMedia', { NumMedia: '-5' }, false, { text: FIXTURE_TEXT }, true],
  ['a huge NumMedia without media', { NumMedia: '1e99' }, false, { text: FIXTURE_TEXT }, true],
  ['markup characters', { Body: MARKUP }, false, { text: `${SENDER}: ${MARKUP}` }, true],
  ['emoji, flags and joiners', { Body: EMOJI }, false, { text: `${SENDER}: ${EMOJI}` }, true],
  ['a TwiML injection in the Body', { Body: INJECTION }, false, { text: `${SENDER}: ${INJECTION}` }, true],
  [
    'an XML declaration and a comment in the Body',
    { Body: '<?xml version="1.0"?><!-- x --><Response/>' },
    false,
    { text: `${SENDER}: <?xml version="1.0"?><!-- x --><Response/>` },
    true,
  ],
  ['forbidden characters in the Body', { Body: `a${BAD}b` }, false, { text: `${SENDER}: a😀b` }, true],
  ['only forbidden characters in the Body', { Body: BAD }, false, { text: `${SENDER}: 😀` }, true],
  [
    'forbidden characters in From',
    { From: `${SENDER}${BAD}` },
    false,
    { text: `${SENDER}😀: ${fixtures.sms.Body}` },
    true,
  ],
  ['forbidden characters in To', { To: `+15005550006${BAD}` }, false, { text: FIXTURE_TEXT }, true],
  [
    'forbidden characters in MediaUrl0',
    { NumMedia: '1', MediaUrl0: `https://api.twilio.com/x${BAD}y` },
    false,
    { text: FIXTURE_TEXT, media: ['https://api.twilio.com/x😀y'] },
    true,
  ],
  [
    'an attribute injection in From',
    { From: ATTRIBUTE_INJECTION },
    false,
    { text: `${ATTRIBUTE_INJECTION}: ${fixtures.sms.Body}` },
    true,
  ],
  ['an attribute injection in To', { To: `+15005550006" to="${INJECTED}` }, false, { text: FIXTURE_TEXT }, true],
  [
    'markup in a MediaUrl',
    { NumMedia: '1', MediaUrl0: MARKUP_URL },
    false,
    { text: FIXTURE_TEXT, media: [MARKUP_URL] },
    true,
  ],
  [
    'a MediaUrl that is not a URL',
    { NumMedia: '1', MediaUrl0: 'javascript:alert(1)' },
    false,
    { text: FIXTURE_TEXT },
    true,
  ],
  ['a From that is not a number', { From: 'alice' }, false, { text: `alice: ${fixtures.sms.Body}` }, true],
  // Cut to 1600 characters with an ellipsis, the sender kept.
  ['a 100 000 character Body', { Body: LONG }, false, { text: `${SENDER}: ${LONG.slice(0, 1585)}…` }, true],
  [
    'a Body of lone surrogates and U+FFFF only',
    { Body: '\uD800\uDFFF'.split('').reverse().join('') + '\uFFFF' },
    false,
    { text: `${SENDER}: ` },
    true,
  ],
];

/** What each handler answers: the auto-reply, the forward to each target, or nothing. */
const expected = (
  path: string,
  targets: readonly string[],
  forwarded: { text: string; media?: string[] },
  replied: boolean,
) => {
  if (path === '/auto-reply') return replied ? [{ body: DEFAULT_REPLY, media: [] }] : [];
  return targets.map((to) => ({ to, body: forwarded.text, media: forwarded.media ?? [] }));
};

let errors: jest.SpyInstance;
beforeAll(() => {
  installTwilio();
  installRuntime(() => ({}));
});
beforeEach(() => {
  errors = quietConsole().error;
});
afterEach(() => jest.restoreAllMocks());

describe.each(handlers)('%s', (path, handler, env, targets) => {
  test.each(inputs)(
    'answers exactly, in well-formed TwiML, to %s',
    async (_what, changes, alone, forwarded, replied) => {
      const { messages } = await answerOf(handler, alone ? changes : params(fixtures.sms, changes), env);
      expect(messages).toEqual(expected(path, targets, forwarded, replied));
      // Handled, not swallowed: the catch-all (which logs with console.error) was not needed.
      expect(errors).not.toHaveBeenCalled();
    },
  );
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
    expect(messages).toEqual([{ to: A, body: FIXTURE_TEXT, media: [] }]);
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
