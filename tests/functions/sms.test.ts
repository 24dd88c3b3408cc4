import { RECEIVER, SENDER, fixtures, params } from '../fixtures';
import { handler } from '../../functions/sms.protected';
import { answerOf, assetsFrom, installRuntime, installTwilio, routingFile } from '../helpers/runtime-globals';
import { quietConsole } from '../helpers/quiet-console';

const DEFAULT_REPLY = 'Thanks for your message. We have received it and will get back to you soon.';
const SALES = RECEIVER; // +15005550006, the fixtures' receiving number
const CLOSED = '+15005550007';
const QUIET = '+15005550008';
const UNLISTED = '+15005550009';
const A = '+15551230001';
const B = '+15551230002';

/** The README's example, plus a forward entry that leaves `to` to FORWARD_TO. */
const ROUTING = {
  numbers: {
    [SALES]: { mode: 'forward', to: [A], template: '{From} (sales line): {Body}' },
    [CLOSED]: { mode: 'auto-reply', message: 'We are closed today.' },
    [QUIET]: { mode: 'ignore' },
    '+15005550010': { mode: 'forward' },
    '+15005550011': {},
  },
};

const to = (number: string) => params(fixtures.sms, { To: number });
const cleanups: (() => Promise<void>)[] = [];

/** Serves `content` as the private asset /routing.json, from a real file. */
async function withRouting(content: string | object): Promise<void> {
  const file = await routingFile(content);
  cleanups.push(file.remove);
  installRuntime(() => assetsFrom({ '/routing.json': file.path }));
}

let errors: jest.SpyInstance;
beforeAll(() => installTwilio());
beforeEach(() => {
  errors = quietConsole().error;
});
afterEach(() => jest.restoreAllMocks());
afterAll(async () => {
  await Promise.all(cleanups.map((remove) => remove()));
});

describe('/sms without a routing file', () => {
  beforeEach(() => installRuntime(() => ({})));

  test('auto-replies by default (zero configuration)', async () => {
    expect((await answerOf(handler, params(fixtures.sms))).messages).toEqual([{ body: DEFAULT_REPLY, media: [] }]);
  });

  test.each([
    ['auto-reply', [{ body: DEFAULT_REPLY, media: [] }]],
    ['forward', [{ to: A, body: `${SENDER}: ${fixtures.sms.Body}`, media: [] }]],
    ['ignore', []],
  ])('applies DEFAULT_MODE=%s', async (mode, expected) => {
    expect((await answerOf(handler, params(fixtures.sms), { DEFAULT_MODE: mode, FORWARD_TO: A })).messages).toEqual(
      expected,
    );
  });

  test('an invalid DEFAULT_MODE falls back to auto-reply and is logged', async () => {
    expect((await answerOf(handler, params(fixtures.sms), { DEFAULT_MODE: 'shout' })).messages).toEqual([
      { body: DEFAULT_REPLY, media: [] },
    ]);
    expect(errors.mock.calls.map((call: unknown[]) => call.join(' ')).join('\n')).toMatch(/DEFAULT_MODE/);
  });
});

describe('/sms with a routing file', () => {
  beforeAll(() => withRouting(ROUTING));

  test('forwards for a forward entry, with its own targets and template', async () => {
    const { messages } = await answerOf(handler, to(SALES), { FORWARD_TO: B });
    expect(messages).toEqual([{ to: A, body: `${SENDER} (sales line): ${fixtures.sms.Body}`, media: [] }]);
  });

  test("auto-replies with the entry's message", async () => {
    expect((await answerOf(handler, to(CLOSED), { AUTO_REPLY_MESSAGE: 'env text' })).messages).toEqual([
      { body: 'We are closed today.', media: [] },
    ]);
  });

  test('ignores for an ignore entry', async () => {
    expect((await answerOf(handler, to(QUIET), { DEFAULT_MODE: 'forward', FORWARD_TO: A })).messages).toEqual([]);
  });

  test('a forward entry without `to` uses FORWARD_TO, and FORWARD_TEMPLATE', async () => {
    const { messages } = await answerOf(handler, to('+15005550010'), {
      FORWARD_TO: B,
      FORWARD_TEMPLATE: 'via {To}: {Body}',
    });
    expect(messages).toEqual([{ to: B, body: `via +15005550010: ${fixtures.sms.Body}`, media: [] }]);
  });

  test('a forward entry without `to`, and no FORWARD_TO, answers <Response/>', async () => {
    expect((await answerOf(handler, to('+15005550010'))).messages).toEqual([]);
  });

  test('an entry without mode takes DEFAULT_MODE', async () => {
    expect((await answerOf(handler, to('+15005550011'), { DEFAULT_MODE: 'ignore' })).messages).toEqual([]);
    expect((await answerOf(handler, to('+15005550011'))).messages).toEqual([{ body: DEFAULT_REPLY, media: [] }]);
  });

  test('a number not listed gets DEFAULT_MODE', async () => {
    expect((await answerOf(handler, to(UNLISTED))).messages).toEqual([{ body: DEFAULT_REPLY, media: [] }]);
    expect((await answerOf(handler, to(UNLISTED), { DEFAULT_MODE: 'ignore' })).messages).toEqual([]);
  });

  test('looks a WhatsApp number up without its whatsapp: prefix', async () => {
    const { messages } = await answerOf(handler, params(fixtures.whatsapp, { To: `whatsapp:${CLOSED}` }));
    expect(messages).toEqual([{ body: 'We are closed today.', media: [] }]);
  });

  test('forwards the MMS fixture with its pictures', async () => {
    const { messages } = await answerOf(handler, params(fixtures.mms, { To: SALES }));
    expect(messages.map((m) => [m.to, m.media.length])).toEqual([[A, 2]]);
  });
});

describe('/sms with a damaged routing file', () => {
  test('an invalid entry silences only its own number', async () => {
    await withRouting({
      numbers: {
        [SALES]: { mode: 'forward', to: ['not a number'] },
        [CLOSED]: { mode: 'auto-reply', message: 'We are closed today.' },
        [QUIET]: { mode: 'shout' },
      },
    });
    expect((await answerOf(handler, to(SALES), { FORWARD_TO: A })).messages).toEqual([]);
    expect((await answerOf(handler, to(QUIET))).messages).toEqual([]);
    expect((await answerOf(handler, to(CLOSED))).messages).toEqual([{ body: 'We are closed today.', media: [] }]);
    expect((await answerOf(handler, to(UNLISTED))).messages).toEqual([{ body: DEFAULT_REPLY, media: [] }]);
  });

  test('an entry with an unknown key silences only its own number', async () => {
    await withRouting({
      numbers: { [SALES]: { mode: 'auto-reply', mesage: 'typo' }, [CLOSED]: { mode: 'auto-reply' } },
    });
    expect((await answerOf(handler, to(SALES))).messages).toEqual([]);
    expect((await answerOf(handler, to(CLOSED))).messages).toEqual([{ body: DEFAULT_REPLY, media: [] }]);
  });

  test.each([
    ['not JSON', '{ "numbers": { '],
    ['not an object', '[1, 2]'],
    ['an empty list', '[]'],
    ['numbers not an object', '{ "numbers": ["+15005550006"] }'],
  ])('a file that is %s ignores every number rather than guess, and logs it', async (_what, text) => {
    await withRouting(text);
    expect((await answerOf(handler, to(SALES), { FORWARD_TO: A })).messages).toEqual([]);
    expect((await answerOf(handler, to(UNLISTED))).messages).toEqual([]);
    expect(errors).toHaveBeenCalled();
  });
});
