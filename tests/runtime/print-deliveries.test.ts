/**
 * Locally (SWITCHBOARD_PRINT_DELIVERIES), email and Slack deliveries are printed, not sent, and
 * handed back in a header that `npm run sms` reads (src/simulator/deliveries.ts): in-process, with
 * a Twilio.Response that records what the function set.
 */
import twilio from 'twilio';
import type { Delivery } from '../../src/routing/delivery';
import { readDeliveries } from '../../src/simulator/deliveries';
import { printedAnswer } from '../../src/runtime/print-deliveries';

/** Twilio.Response as the runtime gives it, recording headers and body. */
class RecordingResponse {
  readonly headers: [string, string][] = [];
  body: unknown;
  appendHeader(name: string, value: string): this {
    this.headers.push([name, value]);
    return this;
  }
  setBody(body: unknown): this {
    this.body = body;
    return this;
  }
}

const SID = 'MM' + '1'.repeat(32);
const EMAIL: Delivery = {
  kind: 'email',
  to: 'owner@example.com',
  subject: 'MMS from +12125550143 to +15005550006',
  text: 'Hi, are you open?\nPicture: https://api.twilio.com/x/Media/ME1\n\n',
  html: '<p>Hi, are you open?</p>',
};
const SLACK: Delivery = { kind: 'slack', payload: { text: '*MMS from +12125550143*\nHi, are you open?' } };

let logged: string[];
beforeAll(() => Object.assign(globalThis, { Twilio: { ...twilio, Response: RecordingResponse } }));
beforeEach(() => {
  logged = [];
  jest.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
});
afterEach(() => jest.restoreAllMocks());

test('prints each delivery, indented, saying it was not sent; answers the TwiML with them in the header', () => {
  const twiml = new twilio.twiml.MessagingResponse();
  twiml.message({ to: '+15551230001' }, 'Hi');
  const response = printedAnswer(SID, twiml, [EMAIL, SLACK]) as unknown as RecordingResponse;

  expect(logged).toEqual([
    `${SID}: email to owner@example.com (printed, not sent: start with --send to send it)\n` +
      '    Subject: MMS from +12125550143 to +15005550006\n' +
      '    Hi, are you open?\n' +
      '    Picture: https://api.twilio.com/x/Media/ME1',
    `${SID}: Slack (printed, not sent: start with --send to send it)\n` +
      '    *MMS from +12125550143*\n' +
      '    Hi, are you open?',
  ]);
  expect(response.body).toBe(twiml.toString());
  // The header's name is what `npm run sms`, or anyone reading the response, looks for.
  expect(response.headers.map(([name]) => name)).toEqual(['Content-Type', 'X-Switchboard-Deliveries']);
  expect(response.headers[0][1]).toBe('text/xml');
  // What npm run sms reads back: the email's plain text (no HTML), the Slack text.
  expect(readDeliveries(response.headers[1][1])).toEqual([
    { kind: 'email', to: EMAIL.to, subject: EMAIL.subject, text: EMAIL.text },
    { kind: 'slack', text: SLACK.kind === 'slack' ? SLACK.payload.text : '' },
  ]);
  // Base64: no line break and nothing but ASCII in the header, whatever the text.
  expect(response.headers[1][1]).toMatch(/^[A-Za-z0-9+/]+=*$/);
});
