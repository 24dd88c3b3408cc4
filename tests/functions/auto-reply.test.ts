import { SENDER, fixtures, params } from '../fixtures';
import { handler } from '../../functions/auto-reply.protected';
import { HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from '../../src/routing/keywords';
import { answerOf, installRuntime, installTwilio } from '../helpers/runtime-globals';
import { quietConsole } from '../helpers/quiet-console';

const DEFAULT_REPLY = 'Thanks for your message. We have received it and will get back to you soon.';

beforeAll(() => {
  installTwilio();
  installRuntime(() => ({}));
});
beforeEach(() => {
  quietConsole();
});
afterEach(() => jest.restoreAllMocks());

describe('/auto-reply', () => {
  test('with no configuration, replies once to the sender with the default text', async () => {
    expect(await answerOf(handler, params(fixtures.sms))).toEqual({ messages: [{ body: DEFAULT_REPLY, media: [] }] });
  });

  test('replies with AUTO_REPLY_MESSAGE', async () => {
    const answer = await answerOf(handler, params(fixtures.sms), {
      AUTO_REPLY_MESSAGE: 'Closed today & tomorrow <sorry>',
    });
    expect(answer.messages).toEqual([{ body: 'Closed today & tomorrow <sorry>', media: [] }]);
  });

  test('an empty AUTO_REPLY_MESSAGE counts as unset', async () => {
    expect((await answerOf(handler, params(fixtures.sms), { AUTO_REPLY_MESSAGE: '' })).messages).toEqual([
      { body: DEFAULT_REPLY, media: [] },
    ]);
  });

  test.each(['mms', 'whatsapp'] as const)('replies to the sender of the %s fixture, never elsewhere', async (name) => {
    const { messages } = await answerOf(handler, params(fixtures[name]));
    expect(messages).toHaveLength(1);
    expect(messages[0].to).toBeUndefined();
  });

  test('answers nothing to the opt-out fixture (OptOutType=STOP)', async () => {
    expect((await answerOf(handler, params(fixtures.optOut))).messages).toEqual([]);
  });

  test.each(['STOP', 'HELP', 'START'])('answers nothing when OptOutType=%s, whatever the body', async (type) => {
    expect((await answerOf(handler, params(fixtures.sms, { OptOutType: type, Body: 'hello there' }))).messages).toEqual(
      [],
    );
  });

  const keywords = [...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS, ...HELP_KEYWORDS];
  const variants = keywords.flatMap((k) => [k, k.toLowerCase(), ` ${k[0]}${k.slice(1).toLowerCase()}\r\n`]);
  test.each(variants)('answers nothing to the keyword %j (no OptOutType)', async (body) => {
    expect((await answerOf(handler, params(fixtures.sms, { Body: body }))).messages).toEqual([]);
  });

  test('a sentence containing a keyword still gets the reply', async () => {
    expect((await answerOf(handler, params(fixtures.sms, { Body: 'please stop by tomorrow' }))).messages).toHaveLength(
      1,
    );
  });

  test('an auto-reply is never a forward, even with FORWARD_TO set', async () => {
    const { messages } = await answerOf(handler, params(fixtures.sms), {
      FORWARD_TO: '+15551230001',
      DEFAULT_MODE: 'forward',
    });
    expect(messages).toEqual([{ body: DEFAULT_REPLY, media: [] }]);
    expect(messages.some((m) => m.to === SENDER)).toBe(false);
  });
});
