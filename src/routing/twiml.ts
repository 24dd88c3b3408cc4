import type MessagingResponse from 'twilio/lib/twiml/MessagingResponse';
import type { Decision } from './decide';
import { MAX_MEDIA } from './inbound';

export type { MessagingResponse };
export type MessagingResponseClass = new () => MessagingResponse;

/**
 * Renders a decision with the Twilio helper's TwiML builder (the runtime's `Twilio` global).
 * Everything reaching here is already XML-safe, and every `to` and `from` is a validated E.164 number.
 */
export function renderTwiml(decision: Decision, Response: MessagingResponseClass): MessagingResponse {
  const response = new Response();
  for (const outbound of decision.messages) {
    // The builder leaves out an attribute that is undefined.
    const attributes: MessagingResponse.MessageAttributes = { to: outbound.to, from: outbound.from };
    if (outbound.media.length === 0) {
      response.message(attributes, outbound.body);
      continue;
    }
    const message = response.message(attributes, '');
    if (outbound.body !== '') message.body(outbound.body);
    for (const url of outbound.media.slice(0, MAX_MEDIA)) message.media(url);
  }
  return response;
}
