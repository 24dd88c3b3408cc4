import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import type { Environment } from '../config/env';
import type { Decision } from '../routing/decide';
import { readInbound, type InboundMessage, type WebhookEvent } from '../routing/inbound';
import { renderTwiml } from '../routing/twiml';
import { log } from './log';

/** What one endpoint does: configuration and message in, decision out. */
export type Route = (env: Environment, message: InboundMessage) => Decision;

/**
 * The runtime adapter every webhook function shares: read the event, route, render.
 * It always answers TwiML with HTTP 200: a 500 becomes error 11200 and the message is lost,
 * and the local runtime would put the stack trace in the answer.
 */
export function webhookHandler(route: Route): ServerlessFunctionSignature {
  return function handler(context, event, callback) {
    const { MessagingResponse } = Twilio.twiml;
    let sid = '';
    let answer;
    try {
      const message = readInbound(event as unknown as WebhookEvent);
      sid = message.sid;
      const decision = route(context as unknown as Environment, message);
      if (decision.note !== undefined) log.info(sid, decision.note);
      answer = renderTwiml(decision, MessagingResponse);
    } catch (cause) {
      log.error(sid, 'answered <Response/> after an unexpected error', cause);
      answer = new MessagingResponse();
    }
    callback(null, answer);
  };
}
