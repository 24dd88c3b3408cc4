/**
 * The runtime adapter every webhook function shares (src/runtime/handler.ts), in-process with
 * routes of the test's own: the answer for a route that fails late, a webhook that cannot be
 * read, and deliveries printed (locally) rather than sent.
 */
import type { ServerlessEventObject, ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import twilio from 'twilio';
import { DELIVERY_DEFAULTS, type DeliverySettings } from '../../src/config/delivery-env';
import type { Decision } from '../../src/routing/decide';
import type { Delivery } from '../../src/routing/delivery';
import { webhookHandler, type Route } from '../../src/runtime/handler';
import { DELIVERIES_HEADER } from '../../src/runtime/print-deliveries';
import { readDeliveries } from '../../src/simulator/deliveries';
import { fixtures, params } from '../fixtures';
import { quietConsole, type QuietConsole } from '../helpers/quiet-console';
import { contextWith } from '../helpers/runtime-globals';
import { parseTwiml } from '../helpers/twiml';

/** Twilio.Response as the runtime gives it, recording headers and body. */
class RecordingResponse {
  readonly headers: Record<string, string> = {};
  body: unknown;
  appendHeader(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }
  setBody(body: unknown): this {
    this.body = body;
    return this;
  }
}

const SID = fixtures.sms.MessageSid;
const PHONE = '+15551230001';
const SLACK: Delivery = { kind: 'slack', payload: { text: 'SMS from a customer' } };
const FORWARD: Decision = { messages: [{ to: PHONE, body: 'Hi', media: [] }], deliveries: [SLACK] };

let console_: QuietConsole;
beforeAll(() => Object.assign(globalThis, { Twilio: { ...twilio, Response: RecordingResponse } }));
beforeEach(() => {
  console_ = quietConsole();
});
afterEach(() => jest.restoreAllMocks());

/** What the handler called back with, once it did. */
function call(handler: ServerlessFunctionSignature, event: object): Promise<{ error: unknown; payload: unknown }> {
  return new Promise((resolve) => {
    void handler(contextWith(), event as ServerlessEventObject, (error, payload) => resolve({ error, payload }));
  });
}

/** The TwiML answer's messages, checking it is one. */
function messagesOf(payload: unknown) {
  if (!(payload instanceof twilio.twiml.MessagingResponse)) throw new Error(`not TwiML: ${String(payload)}`);
  return parseTwiml(payload.toString()).messages;
}

/** A handler delivering with `settings`, and every fetch it tried. */
function delivering(route: Route, settings: Partial<DeliverySettings>) {
  const fetched: string[] = [];
  const fetch = (url: string | URL | Request) => {
    fetched.push(String(url));
    return Promise.resolve(new Response('ok', { status: 200 }));
  };
  const world = { clock: () => 0, fetch: fetch as typeof globalThis.fetch };
  const handler = webhookHandler(route, { settingsOf: () => ({ ...DELIVERY_DEFAULTS, ...settings }), world });
  return { handler, fetched };
}

const errors = () => console_.error.mock.calls.map((args: unknown[]) => String(args[0]));

test('a route that fails once its store answered: <Response/>, one error line with the MessageSid', async () => {
  const handler = webhookHandler(() => Promise.reject(new Error('store broke')));
  const { error, payload } = await call(handler, params(fixtures.sms));
  expect(error).toBeNull();
  expect(messagesOf(payload)).toEqual([]);
  expect(errors()).toEqual([
    `sms-switchboard ${SID}: answered <Response/> after an unexpected error: Error: store broke`,
  ]);
});

test('a webhook whose fields cannot be read: <Response/>, logged without a MessageSid', async () => {
  const unreadable = new Proxy(params(fixtures.sms), {
    get: () => {
      throw new Error('unreadable event');
    },
  });
  const { error, payload } = await call(
    webhookHandler(() => FORWARD),
    unreadable,
  );
  expect(error).toBeNull();
  expect(messagesOf(payload)).toEqual([]);
  expect(errors()).toEqual([
    'sms-switchboard (no MessageSid): answered <Response/> after an unexpected error: Error: unreadable event',
  ]);
});

describe('SWITCHBOARD_PRINT_DELIVERIES (the local runtime)', () => {
  test('deliveries are handed back in a header, never sent; the TwiML is the same', async () => {
    const { handler, fetched } = delivering(() => FORWARD, { print: true, slackWebhookUrl: 'https://hooks.example/x' });
    const { error, payload } = await call(handler, params(fixtures.sms));
    expect(error).toBeNull();
    const response = payload as RecordingResponse;
    expect(response).toBeInstanceOf(RecordingResponse);
    expect(parseTwiml(String(response.body)).messages).toEqual([{ to: PHONE, body: 'Hi', media: [] }]);
    expect(readDeliveries(response.headers[DELIVERIES_HEADER])).toEqual([
      { kind: 'slack', text: 'SMS from a customer' },
    ]);
    expect(fetched).toEqual([]);
  });

  test('a decision without deliveries is answered as plain TwiML, no header', async () => {
    const { handler, fetched } = delivering(() => Promise.resolve({ messages: [], deliveries: [] }), { print: true });
    const { payload } = await call(handler, params(fixtures.sms));
    expect(messagesOf(payload)).toEqual([]);
    expect(fetched).toEqual([]);
  });

  test('off (deployed): the deliveries are sent', async () => {
    const { handler, fetched } = delivering(() => FORWARD, { slackWebhookUrl: 'https://hooks.example/x' });
    const { payload } = await call(handler, params(fixtures.sms));
    expect(messagesOf(payload)).toEqual([{ to: PHONE, body: 'Hi', media: [] }]);
    expect(fetched).toEqual(['https://hooks.example/x']);
  });
});
