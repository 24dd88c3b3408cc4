/**
 * Function logs are kept by Twilio and are personal data: no message body and no full phone
 * number of a message in them unless LOG_LEVEL=debug, across every mode, every note, Sync
 * failures and unexpected errors (whose cause may carry anything). Configuration problems do
 * name configured numbers: the operator needs them to find the entry to fix.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { handler as autoReply } from '../../functions/auto-reply.protected';
import { handler as forward } from '../../functions/forward.protected';
import { handler as ignore } from '../../functions/ignore.protected';
import { handler as sms } from '../../functions/sms.protected';
import { clientFor } from '../../src/stand-in/sync-api';
import {
  assetsFrom,
  contextWith,
  installRuntime,
  installTwilio,
  invoke,
  routingFile,
} from '../helpers/runtime-globals';
import { freePort } from '../helpers/runtime';
import { captureConsole, leaks, type Capture } from './log-capture';
import { leaked, SECRETS as CREDENTIALS } from './secrets';

const SENDER = '+12125550143';
const RECEIVER = '+15005550006';
const TARGET = '+15551230001';
const BODY = 'Meet me at the Zebra Cafe tonight';
const SECRETS = [SENDER, RECEIVER, TARGET, BODY, 'Zebra Cafe'];
const SID = 'SM0123456789abcdef0123456789abcdef';
const SYNC = 'IS0123456789abcdef0123456789abcdef';
const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';

const ROUTING = {
  keywords: { HOURS: 'Open 9-5' },
  numbers: {
    [RECEIVER]: { mode: 'forward', to: [TARGET], block: ['+1900*'] },
    '+15005550007': {
      mode: 'auto-reply',
      allow: [TARGET],
      hours: {
        timeZone: 'UTC',
        open: ['Mon 00:00-00:01'],
        outside: { mode: 'auto-reply', message: 'Closed, back {opens}' },
      },
    },
    '+15005550008': { mode: 'ignore' },
  },
};

type Case = [string, ServerlessFunctionSignature, Record<string, string>, Record<string, string>];
const event = (changes: Record<string, string> = {}) => ({
  MessageSid: SID,
  From: SENDER,
  To: RECEIVER,
  Body: BODY,
  ...changes,
});

const cases: Case[] = [
  ['/auto-reply', autoReply, {}, event()],
  ['/auto-reply, a STOP (note)', autoReply, {}, event({ Body: 'STOP', OptOutType: 'STOP' })],
  ['/forward', forward, { FORWARD_TO: TARGET }, event()],
  ['/forward without a target (note)', forward, {}, event()],
  [
    '/forward, a target relaying (note-free)',
    forward,
    { FORWARD_TO: TARGET },
    event({ From: TARGET, Body: `${SENDER}: ${BODY}` }),
  ],
  ['/forward, a target relaying to nobody (hint)', forward, { FORWARD_TO: TARGET }, event({ From: TARGET })],
  ['/ignore', ignore, {}, event()],
  ['/sms, forward', sms, {}, event()],
  ['/sms, blocked sender (note)', sms, {}, event({ From: '+19005550111' })],
  ['/sms, not on the allow list (note)', sms, {}, event({ To: '+15005550007' })],
  ['/sms, outside hours', sms, {}, event({ To: '+15005550007', From: TARGET })],
  ['/sms, keyword answer', sms, {}, event({ Body: 'hours?' })],
  ['/sms, ignore', sms, {}, event({ To: '+15005550008' })],
];

let capture: Capture;
let routingPath: string;
let removeRouting: () => Promise<void>;
beforeAll(async () => {
  installTwilio();
  const file = await routingFile(ROUTING);
  routingPath = file.path;
  removeRouting = file.remove;
});
afterAll(() => removeRouting());
beforeEach(() => {
  installRuntime(() => assetsFrom({ '/routing.json': routingPath }));
  capture = captureConsole();
});
afterEach(() => capture.stop());

describe.each([
  ['without LOG_LEVEL', {}],
  ['with LOG_LEVEL=info', { LOG_LEVEL: 'info' }],
])('%s', (_what, level) => {
  test.each(cases)('%s logs no body and no full number', async (_case, handler, env, params) => {
    const { error, calls } = await invoke(handler, params, contextWith({ ...env, ...level }));
    expect([error, calls]).toEqual([null, 1]);
    expect(leaks(capture.text(), SECRETS)).toEqual([]);
  });
});

test('control: with LOG_LEVEL=debug the message is logged, so the capture sees what handlers print', async () => {
  await invoke(forward, event(), contextWith({ FORWARD_TO: TARGET, LOG_LEVEL: 'debug' }));
  expect(leaks(capture.text(), SECRETS)).toEqual(expect.arrayContaining([SENDER, RECEIVER, BODY]));
});

test("the account's token in the context never reaches the log, even with LOG_LEVEL=debug and errors", async () => {
  const env = {
    AUTH_TOKEN: CREDENTIALS.AUTH_TOKEN,
    ACCOUNT_SID: ACCOUNT,
    LOG_LEVEL: 'debug',
    FORWARD_TO: TARGET,
    SYNC_SERVICE_SID: SYNC,
    AUTO_REPLY_ONCE_PER: '1h',
  };
  for (const handler of [autoReply, forward, ignore, sms]) {
    // its getTwilioClient throws: Sync unavailable
    const { error, calls } = await invoke(handler, event(), contextWith(env));
    expect([error, calls]).toEqual([null, 1]);
  }
  expect(capture.text()).toContain('Twilio Sync is not available');
  expect(leaked(capture.text(), [ACCOUNT])).toEqual([]);
});

describe('errors whose cause carries the message', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    // Sync answering 500 with a message naming the document, as Twilio's error messages name the resource.
    server = createServer((req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          code: 20500,
          message: `Internal error reading ${req.url ?? ''}`,
          more_info: 'https://www.twilio.com/docs/errors/20500',
          status: 500,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("Sync failing with the document name (the numbers' digits) in its message", async () => {
    const client = clientFor(origin, ACCOUNT, 'sync-token');
    const context = Object.assign(contextWith({ FORWARD_TO: TARGET, SYNC_SERVICE_SID: SYNC }), {
      getTwilioClient: () => client,
    });
    const { error, calls } = await invoke(forward, event({ From: TARGET, Body: 'see you' }), context);
    expect([error, calls]).toEqual([null, 1]);
    expect(capture.text()).toContain('Twilio Sync failed');
    expect(leaks(capture.text(), SECRETS)).toEqual([]);
  });

  test('an unexpected error whose message quotes the body and the numbers', async () => {
    installRuntime(() => {
      throw new Error(`cannot route "${BODY}" from ${SENDER} to ${RECEIVER} (${RECEIVER.slice(1)})`);
    });
    const { error, calls } = await invoke(sms, event(), contextWith());
    expect([error, calls]).toEqual([null, 1]);
    expect(capture.text()).toContain(`${SID}: answered <Response/> after an unexpected error`);
    expect(capture.text()).toContain('cannot route');
    expect(leaks(capture.text(), SECRETS)).toEqual([]);
  });
});

describe('Sync unreachable at the network level: the SDK error said by name, code and message only', () => {
  const TOKEN = CREDENTIALS.AUTH_TOKEN;
  /** What an Authorization header looks like in any printing of it. */
  const AUTHORIZATION = /authorization|basic |bearer /i;
  const routeWith = async (origin: string) => {
    const client = clientFor(origin, ACCOUNT, TOKEN);
    const env = { FORWARD_TO: TARGET, SYNC_SERVICE_SID: SYNC, ACCOUNT_SID: ACCOUNT, AUTH_TOKEN: TOKEN };
    const context = Object.assign(contextWith(env), { getTwilioClient: () => client });
    // A stranger's message: forwarded, and its sender remembered (a write that carries the number).
    const { error, calls, twiml } = await invoke(forward, event(), context);
    expect([error, calls]).toEqual([null, 1]);
    expect(twiml).toContain(`<Message to="${TARGET}">`);
    return capture.text();
  };
  const clean = (text: string) => {
    expect(leaked(text, [ACCOUNT], [TOKEN])).toEqual([]);
    expect(text).not.toMatch(AUTHORIZATION);
    expect(leaks(text, SECRETS)).toEqual([]);
    expect(text).not.toMatch(/%2B|2125550143/);
  };

  test('refused (a closed port)', async () => {
    const text = await routeWith(`http://127.0.0.1:${await freePort()}`);
    expect(text).toMatch(
      new RegExp(`${SID}: Twilio Sync failed; routed without memory: AxiosError ECONNREFUSED: connect ECONNREFUSED`),
    );
    clean(text);
  });

  test('reset (the connection accepted, then reset)', async () => {
    const server = createTcpServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const text = await routeWith(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect(text).toMatch(new RegExp(`${SID}: Twilio Sync failed; routed without memory: AxiosError ECONNRESET`));
      clean(text);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
