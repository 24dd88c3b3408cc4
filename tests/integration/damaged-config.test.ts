/**
 * A deployed configuration the build would refuse (an older deploy, a hand-edited asset): the
 * functions still answer 200 with TwiML, ignore only what is broken, and log why.
 */
import { SENDER, fixtures, params } from '../fixtures';
import { buildOnce, servedProject } from '../helpers/project';
import { serve, type Served } from '../helpers/runtime';
import { postWebhook } from '../helpers/webhook';
import { twimlOf } from '../helpers/webhook-answer';

const BROKEN = '+15005550006';
const CLOSED = '+15005550007';
const A = '+15551230001';
const B = '+15551230002';

let served: Served;
let unreadable: Served;
const to = (number: string) => params(fixtures.sms, { To: number });

beforeAll(async () => {
  const built = await buildOnce();
  try {
    [served, unreadable] = await Promise.all([
      servedProject(built, {
        env: { FORWARD_TO: `${A},not-a-number,${B}` },
        routing: {
          numbers: {
            [BROKEN]: { mode: 'forward', to: ['+1 555 123'] },
            [CLOSED]: { mode: 'auto-reply', message: 'We are closed today.' },
          },
        },
      }).then(serve),
      servedProject(built, { routing: '{ "numbers": { "+15005550007": { "mode": "ignore" }, } }' }).then(serve),
    ]);
  } finally {
    await built.remove();
  }
});
afterAll(() => Promise.all([served?.close(), unreadable?.close()]));

describe('an invalid routing entry', () => {
  test('silences its own number', async () => {
    expect(twimlOf(await postWebhook(served.runtime.url('/sms'), to(BROKEN))).messages).toEqual([]);
  });

  test('leaves the other numbers working', async () => {
    expect(twimlOf(await postWebhook(served.runtime.url('/sms'), to(CLOSED))).messages).toEqual([
      { body: 'We are closed today.', media: [] },
    ]);
  });

  test('is logged for the operator', async () => {
    await postWebhook(served.runtime.url('/sms'), to(BROKEN));
    const log = /numbers\.\+15005550006\.to\[0\]/;
    expect(await served.runtime.outputMatching(log)).toMatch(log);
  });
});

test('an invalid FORWARD_TO item is dropped; the others are forwarded to', async () => {
  const { messages } = twimlOf(await postWebhook(served.runtime.url('/forward'), params(fixtures.sms)));
  expect(messages).toEqual(
    [A, B].map((target) => ({ to: target, body: `${SENDER}: ${fixtures.sms.Body}`, media: [] })),
  );
});

test('a routing file that is not JSON: every number ignored, still 200 and TwiML', async () => {
  for (const number of [CLOSED, '+15005550009']) {
    expect(twimlOf(await postWebhook(unreadable.runtime.url('/sms'), to(number))).messages).toEqual([]);
  }
  expect(await unreadable.runtime.outputMatching(/is not valid JSON/)).toMatch(/is not valid JSON/);
});
