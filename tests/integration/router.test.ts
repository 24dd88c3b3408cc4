/**
 * The real local runtime with a configuration: a .env (FORWARD_TO, AUTO_REPLY_MESSAGE,
 * DEFAULT_MODE) and the README's routing file, deployed as the private asset /routing.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SENDER, fixtures, params } from '../fixtures';
import { buildOnce, servedProject } from '../helpers/project';
import { serve, type Served } from '../helpers/runtime';
import { postWebhook } from '../helpers/webhook';
import { twimlOf } from '../helpers/webhook-answer';

const SALES = '+15005550006';
const CLOSED = '+15005550007';
const QUIET = '+15005550008';
const UNLISTED = '+15005550009';
const A = '+15551230001';
const B = '+15551230002';
const ENV = { FORWARD_TO: `${A},${B}`, AUTO_REPLY_MESSAGE: 'Back soon & thanks', DEFAULT_MODE: 'forward' };
const ROUTING = {
  numbers: {
    [SALES]: { mode: 'forward', to: [A], template: '{From} (sales line): {Body}' },
    [CLOSED]: { mode: 'auto-reply', message: 'We are closed today.' },
    [QUIET]: { mode: 'ignore' },
  },
};

let served: Served;
let dir: string;
const url = (path: string) => served.runtime.url(path);
const to = (number: string) => params(fixtures.sms, { To: number });

beforeAll(async () => {
  const built = await buildOnce();
  try {
    const project = await servedProject(built, { env: ENV, routing: ROUTING });
    dir = project.dir;
    served = await serve(project);
  } finally {
    await built.remove();
  }
});
afterAll(() => served?.close());

describe('/sms with a routing file', () => {
  test('a forward entry forwards to its own targets with its template', async () => {
    expect(twimlOf(await postWebhook(url('/sms'), to(SALES))).messages).toEqual([
      { to: A, body: `${SENDER} (sales line): ${fixtures.sms.Body}`, media: [] },
    ]);
  });

  test('an auto-reply entry replies with its message', async () => {
    expect(twimlOf(await postWebhook(url('/sms'), to(CLOSED))).messages).toEqual([
      { body: 'We are closed today.', media: [] },
    ]);
  });

  test('an ignore entry answers <Response/>', async () => {
    expect(twimlOf(await postWebhook(url('/sms'), to(QUIET))).messages).toEqual([]);
  });

  test('a number not listed gets DEFAULT_MODE (forward to FORWARD_TO)', async () => {
    expect(twimlOf(await postWebhook(url('/sms'), to(UNLISTED))).messages.map((m) => m.to)).toEqual([A, B]);
  });

  test('a WhatsApp message is routed by its number', async () => {
    const event = params(fixtures.whatsapp, { To: `whatsapp:${CLOSED}` });
    expect(twimlOf(await postWebhook(url('/sms'), event)).messages).toEqual([
      { body: 'We are closed today.', media: [] },
    ]);
  });

  test('an MMS is forwarded with its pictures', async () => {
    const { messages } = twimlOf(await postWebhook(url('/sms'), params(fixtures.mms, { To: SALES })));
    expect(messages).toEqual([
      {
        to: A,
        body: `${SENDER} (sales line): ${fixtures.mms.Body}`,
        media: [fixtures.mms.MediaUrl0, fixtures.mms.MediaUrl1],
      },
    ]);
  });

  test('a message from the receiving number itself is never forwarded', async () => {
    expect(twimlOf(await postWebhook(url('/sms'), params(fixtures.sms, { From: SALES, To: SALES }))).messages).toEqual(
      [],
    );
  });
});

describe('the fixed-mode endpoints read the environment only', () => {
  test('/forward forwards to FORWARD_TO, whatever the routing file says', async () => {
    const { messages } = twimlOf(await postWebhook(url('/forward'), to(QUIET)));
    expect(messages).toEqual(
      [A, B].map((target) => ({ to: target, body: `${SENDER}: ${fixtures.sms.Body}`, media: [] })),
    );
  });

  test('/auto-reply replies with AUTO_REPLY_MESSAGE, whatever the routing file says', async () => {
    expect(twimlOf(await postWebhook(url('/auto-reply'), to(CLOSED))).messages).toEqual([
      { body: 'Back soon & thanks', media: [] },
    ]);
  });

  test('/ignore answers <Response/>', async () => {
    expect(twimlOf(await postWebhook(url('/ignore'), to(SALES))).messages).toEqual([]);
  });
});

describe('under twilio-run --live (the default)', () => {
  // --live loads each function anew for every request, and a function reads the routing asset
  // once per load: an edit is answered on the next request.
  test('an edit of the served routing file is answered on the next request', async () => {
    const file = join(dir, 'dist', 'assets', 'routing.private.json');
    const before = await readFile(file, 'utf8');
    expect(twimlOf(await postWebhook(url('/sms'), to(QUIET))).messages).toEqual([]);
    try {
      await writeFile(
        file,
        JSON.stringify({ numbers: { [QUIET]: { mode: 'auto-reply', message: 'Edited while serving' } } }),
      );
      expect(twimlOf(await postWebhook(url('/sms'), to(QUIET))).messages).toEqual([
        { body: 'Edited while serving', media: [] },
      ]);
    } finally {
      await writeFile(file, before);
    }
    expect(twimlOf(await postWebhook(url('/sms'), to(QUIET))).messages).toEqual([]);
  });
});
