/**
 * Locally (SWITCHBOARD_PRINT_DELIVERIES=1, set by `npm start` and `npm run dev` unless --send),
 * deliveries are shown instead of sent: printed to the runtime's console, and handed to whoever
 * sent the webhook in a response header, which `npm run sms` shows. Deployed, this never runs.
 */
import type { TwilioResponse } from '@twilio-labs/serverless-runtime-types/types';
import type { Delivery } from '../routing/delivery';
import type { MessagingResponse } from '../routing/twiml';

/** The header's value: base64 of JSON (a header carries no line breaks nor, safely, non-ASCII). */
export const DELIVERIES_HEADER = 'X-Switchboard-Deliveries';

/** What the header lists: whom each delivery is for and what it says (the email's plain-text part). */
export type ShownDelivery =
  | { readonly kind: 'email'; readonly to: string; readonly subject: string; readonly text: string }
  | { readonly kind: 'slack'; readonly text: string };

const shown = (delivery: Delivery): ShownDelivery =>
  delivery.kind === 'email'
    ? { kind: 'email', to: delivery.to, subject: delivery.subject, text: delivery.text }
    : { kind: 'slack', text: delivery.payload.text };

const indent = (text: string): string =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

/** The runtime's console is this machine's terminal: everything is shown, addresses and text included. */
function print(sid: string, delivery: ShownDelivery): void {
  const not = '(printed, not sent: start with --send to send it)';
  if (delivery.kind === 'email')
    console.log(`${sid}: email to ${delivery.to} ${not}\n    Subject: ${delivery.subject}\n${indent(delivery.text)}`);
  else console.log(`${sid}: Slack ${not}\n${indent(delivery.text)}`);
}

/**
 * Prints the deliveries, and answers the TwiML with them in DELIVERIES_HEADER. Twilio.Response is
 * how a Function sets a header: with it, the content type is set here too (the runtime sets text/xml
 * only for a TwiML object).
 */
export function printedAnswer(sid: string, twiml: MessagingResponse, deliveries: readonly Delivery[]): TwilioResponse {
  const list = deliveries.map(shown);
  for (const delivery of list) print(sid, delivery);
  return new Twilio.Response()
    .appendHeader('Content-Type', 'text/xml')
    .appendHeader(DELIVERIES_HEADER, Buffer.from(JSON.stringify(list)).toString('base64'))
    .setBody(twiml.toString());
}
