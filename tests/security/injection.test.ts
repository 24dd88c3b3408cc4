/**
 * Text can't become TwiML, and a message can't become a relay: configured texts (reply,
 * template, keyword answer, hours message, media URL) and values filled into them stay text;
 * only a configured target of the receiving number can make the Twilio number write to someone.
 */
import { handler as autoReply } from '../../functions/auto-reply.protected';
import { handler as forward } from '../../functions/forward.protected';
import { handler as sms } from '../../functions/sms.protected';
import { answerOf, assetsFrom, installRuntime, installTwilio, routingFile } from '../helpers/runtime-globals';
import { quietConsole } from '../helpers/quiet-console';

const SENDER = '+12125550143';
const RECEIVER = '+15005550006';
const TARGET = '+15551230001';
const VICTIM = '+19998887777';
const INJECTION = `</Message><Message to="${VICTIM}">pwned</Message><Message>`;
const MEDIA_INJECTION = `https://example.com/a</Media></Message><Message_to="${VICTIM}"><Body>pwned</Body></Message><Message><Media>https://example.com/b`;

/** Closed yesterday, today and tomorrow (UTC): outside hours whenever the test runs. */
const AROUND_TODAY = [-1, 0, 1].map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));

const event = (changes: Record<string, string> = {}) => ({
  MessageSid: 'SM0123456789abcdef0123456789abcdef',
  From: SENDER,
  To: RECEIVER,
  Body: 'hello',
  ...changes,
});

beforeAll(() => installTwilio());
beforeEach(() => {
  installRuntime(() => ({}));
  quietConsole();
});
afterEach(() => jest.restoreAllMocks());

async function withRouting<T>(content: object, run: () => Promise<T>): Promise<T> {
  const file = await routingFile(content);
  installRuntime(() => assetsFrom({ '/routing.json': file.path }));
  try {
    return await run();
  } finally {
    await file.remove();
  }
}

describe('configuration text stays text', () => {
  test('AUTO_REPLY_MESSAGE: one reply to the sender, the markup as its text', async () => {
    const { messages } = await answerOf(autoReply, event(), { AUTO_REPLY_MESSAGE: `Thanks${INJECTION}` });
    expect(messages).toEqual([{ body: `Thanks${INJECTION}`, media: [] }]);
  });

  test('FORWARD_TEMPLATE: messages to the targets only, the markup as text', async () => {
    const { messages } = await answerOf(forward, event(), {
      FORWARD_TO: TARGET,
      FORWARD_TEMPLATE: `{From}${INJECTION}{Body}`,
    });
    expect(messages).toEqual([{ to: TARGET, body: `${SENDER}${INJECTION}hello`, media: [] }]);
  });

  test('AUTO_REPLY_MEDIA_URL: a URL full of markup stays one <Media> of one reply', async () => {
    const { messages } = await answerOf(autoReply, event(), {
      AUTO_REPLY_MESSAGE: 'Hi',
      AUTO_REPLY_MEDIA_URL: MEDIA_INJECTION,
    });
    expect(messages).toEqual([{ body: 'Hi', media: [MEDIA_INJECTION] }]);
  });

  test('routing file: entry message, keyword answer, hours message and template stay text', async () => {
    const routing = {
      keywords: { HOURS: `Open 9-5${INJECTION}` },
      numbers: {
        [RECEIVER]: { mode: 'auto-reply', message: `Hi {From}${INJECTION}` },
        '+15005550007': { mode: 'forward', to: [TARGET], template: `${INJECTION}{Body}` },
        '+15005550008': {
          mode: 'ignore',
          hours: {
            timeZone: 'UTC',
            open: ['Daily 00:00-24:00'],
            closed: AROUND_TODAY,
            outside: { mode: 'auto-reply', message: `Closed${INJECTION}` },
          },
        },
      },
    };
    await withRouting(routing, async () => {
      expect((await answerOf(sms, event())).messages).toEqual([{ body: `Hi ${SENDER}${INJECTION}`, media: [] }]);
      expect((await answerOf(sms, event({ Body: 'hours?' }))).messages).toEqual([
        { body: `Open 9-5${INJECTION}`, media: [] },
      ]);
      expect((await answerOf(sms, event({ To: '+15005550007' }))).messages).toEqual([
        { to: TARGET, body: `${INJECTION}hello`, media: [] },
      ]);
      expect((await answerOf(sms, event({ To: '+15005550008' }))).messages).toEqual([
        { body: `Closed${INJECTION}`, media: [] },
      ]);
    });
  });

  test('a sender address made of markup, filled into {From}, stays text', async () => {
    const from = `+1212"/><Message to="${VICTIM}">pwned</Message><x a="`;
    const { messages } = await answerOf(autoReply, event({ From: from }), { AUTO_REPLY_MESSAGE: 'Hi {From}' });
    expect(messages).toEqual([{ body: `Hi ${from}`, media: [] }]);
  });
});

describe('only a target of the receiving number can relay', () => {
  const routing = {
    numbers: {
      [RECEIVER]: { mode: 'forward', to: [TARGET] },
      '+15005550007': { mode: 'forward', to: ['+15551230002'] },
      '+15005550008': { mode: 'auto-reply', message: 'Thanks' },
    },
  };

  test.each([
    ['a stranger', SENDER, RECEIVER, {}],
    // Sent on as SMS from the plain number (see src/routing/decide.ts, sendTo).
    ['a stranger on WhatsApp', `whatsapp:${SENDER}`, `whatsapp:${RECEIVER}`, { from: RECEIVER }],
    ['the target of another number', '+15551230002', RECEIVER, {}],
  ])(
    '%s writing "+number: text" to a forwarding number is forwarded as text to its targets',
    async (_who, from, to, sentFrom) => {
      await withRouting(routing, async () => {
        for (const body of [`${VICTIM}: buy now`, `${VICTIM} buy now`, `  ${VICTIM}:buy now`]) {
          const { messages } = await answerOf(sms, event({ From: from, To: to, Body: body }));
          expect(messages).toEqual([{ to: TARGET, ...sentFrom, body: `${from}: ${body}`, media: [] }]);
        }
      });
    },
  );

  test('a stranger writing "+number: text" to an auto-reply number gets the reply, nobody else anything', async () => {
    await withRouting(routing, async () => {
      expect((await answerOf(sms, event({ To: '+15005550008', Body: `${VICTIM}: hi` }))).messages).toEqual([
        { body: 'Thanks', media: [] },
      ]);
    });
  });

  test('/forward: a stranger\'s "+number: text" goes to FORWARD_TO only', async () => {
    const { messages } = await answerOf(forward, event({ Body: `${VICTIM}: hi` }), { FORWARD_TO: TARGET });
    expect(messages.map((m) => m.to)).toEqual([TARGET]);
  });

  test('control: the target itself does relay', async () => {
    await withRouting(routing, async () => {
      expect((await answerOf(sms, event({ From: TARGET, Body: `${VICTIM}: see you` }))).messages).toEqual([
        { to: VICTIM, body: 'see you', media: [] },
      ]);
    });
  });
});
