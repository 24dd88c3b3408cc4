/**
 * The real local runtime serving the built functions with no configuration at all (no .env, no
 * routing file): what `npm install && npm start` gives. Signed webhooks over HTTP.
 */
import { buildProject } from '../../src/build/build';
import type { Problem } from '../../src/config/problem';
import { SENDER, fixtures, params } from '../fixtures';
import { copySources, servedProject } from '../helpers/project';
import { serve, type Served } from '../helpers/runtime';
import { getWebhook, postWebhook } from '../helpers/webhook';
import { twimlOf } from '../helpers/webhook-answer';

const DEFAULT_REPLY = 'Thanks for your message. We have received it and will get back to you soon.';
let served: Served;
let problems: readonly Problem[];
const url = (path: string) => served.runtime.url(path);

beforeAll(async () => {
  const built = await copySources('zero-config');
  try {
    ({ problems } = await buildProject(built.dir));
    served = await serve(await servedProject(built));
  } finally {
    await built.remove();
  }
});

test('the build reports no problem at all: `npm start` prints no warning (none about FORWARD_TO)', () => {
  expect(problems).toEqual([]);
});
afterAll(() => served?.close());

describe('every endpoint, zero configuration', () => {
  test('/sms auto-replies with the default text', async () => {
    expect(twimlOf(await postWebhook(url('/sms'), params(fixtures.sms)))).toEqual({
      messages: [{ body: DEFAULT_REPLY, media: [] }],
    });
  });

  test('/auto-reply auto-replies with the default text', async () => {
    expect(twimlOf(await postWebhook(url('/auto-reply'), params(fixtures.mms)))).toEqual({
      messages: [{ body: DEFAULT_REPLY, media: [] }],
    });
  });

  test('/forward, with no FORWARD_TO, answers <Response/>', async () => {
    expect(twimlOf(await postWebhook(url('/forward'), params(fixtures.sms)))).toEqual({ messages: [] });
  });

  test('/ignore answers <Response/>', async () => {
    expect(twimlOf(await postWebhook(url('/ignore'), params(fixtures.sms)))).toEqual({ messages: [] });
  });

  test.each(['/sms', '/auto-reply'])('%s stays silent on the opt-out fixture', async (path) => {
    expect(twimlOf(await postWebhook(url(path), params(fixtures.optOut)))).toEqual({ messages: [] });
  });

  test('/sms answers a WhatsApp message with the default text, on WhatsApp (no `to`, no `from`)', async () => {
    expect(twimlOf(await postWebhook(url('/sms'), params(fixtures.whatsapp)))).toEqual({
      messages: [{ body: DEFAULT_REPLY, media: [] }],
    });
  });
});

describe("a GET webhook (the number's SmsMethod is GET)", () => {
  test('/sms reads the query string', async () => {
    expect(twimlOf(await getWebhook(url('/sms'), params(fixtures.sms)))).toEqual({
      messages: [{ body: DEFAULT_REPLY, media: [] }],
    });
  });

  test('/sms reads a keyword from the query string', async () => {
    expect(twimlOf(await getWebhook(url('/sms'), params(fixtures.sms, { Body: ' stop ' })))).toEqual({ messages: [] });
  });

  test.each([
    ['/auto-reply', [{ body: DEFAULT_REPLY, media: [] }]],
    ['/forward', []],
    ['/ignore', []],
  ])('%s answers as it does a POST', async (path, messages) => {
    expect(twimlOf(await getWebhook(url(path), params(fixtures.sms)))).toEqual({ messages });
  });
});

describe('odd input over HTTP: always 200, text/xml, well-formed', () => {
  const odd: [string, Record<string, string>][] = [
    ['no parameters', {}],
    ['an empty body', params(fixtures.sms, { Body: '' })],
    ['a garbage NumMedia', params(fixtures.sms, { NumMedia: 'many' })],
    ['markup characters', params(fixtures.sms, { Body: `& < > " ' ]]>` })],
    ['emoji', params(fixtures.sms, { Body: '😀 🇫🇷 👩‍👩‍👧' })],
    ['a TwiML injection', params(fixtures.sms, { Body: '</Message><Message to="+15559999999">x</Message>' })],
    [
      'NUL and control characters',
      params(fixtures.sms, {
        Body: 'a\u0000b\u0001c\u001Fd',
        From: `${SENDER}\u0000`,
        MediaUrl0: 'https://x.example/\u0000',
      }),
    ],
    ['lone surrogates', params(fixtures.sms, { Body: 'a\uD800b\uDC00c' })],
    ['U+FFFE and U+FFFF', params(fixtures.sms, { Body: '\uFFFE\uFFFF' })],
  ];
  test.each(['/sms', '/auto-reply', '/forward', '/ignore'])('%s', async (path) => {
    // Zero config: /sms and /auto-reply answer the default text to every sender (with no From,
    // the message looks sent from the number itself and gets none); /forward and /ignore send nothing.
    const replies = path === '/sms' || path === '/auto-reply';
    for (const [what, event] of odd) {
      const answer = await postWebhook(url(path), event);
      const messages = replies && what !== 'no parameters' ? [{ body: DEFAULT_REPLY, media: [] }] : [];
      expect([what, answer.status, twimlOf(answer)]).toEqual([what, 200, { messages }]);
    }
  });

  test("a sender's text containing markup comes back as text, not as TwiML", async () => {
    const answer = await postWebhook(
      url('/sms'),
      params(fixtures.sms, { Body: '</Message><Message to="+15559999999">x</Message>' }),
    );
    expect(twimlOf(answer).messages).toEqual([{ body: DEFAULT_REPLY, media: [] }]);
  });
});
