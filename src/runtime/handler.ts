import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import type { Twilio as TwilioClient } from 'twilio';
import type { Environment } from '../config/env';
import type { Decision } from '../routing/decide';
import { readInbound, type InboundMessage, type WebhookEvent } from '../routing/inbound';
import { renderTwiml, type MessagingResponse } from '../routing/twiml';
import { log } from './log';

/** What a route sees of the runtime's context: the environment, and the REST client when enabled. */
export type RuntimeContext = Environment & { readonly getTwilioClient?: () => TwilioClient };

/**
 * What one endpoint does: configuration and message in, decision out: at once, or once the store
 * answered (without a store nothing outside the function is asked).
 */
export type Route = (context: RuntimeContext, message: InboundMessage) => Decision | Promise<Decision>;

function answer(env: Environment, sid: string, decision: Decision): MessagingResponse {
  if (decision.note !== undefined) log.note(env, sid, decision.note, decision.problem === true);
  return renderTwiml(decision, Twilio.twiml.MessagingResponse);
}

function fallback(message: InboundMessage | undefined, cause: unknown): MessagingResponse {
  log.error(message?.sid ?? '', 'answered <Response/> after an unexpected error', cause, message?.body);
  return new Twilio.twiml.MessagingResponse();
}

/**
 * The runtime adapter every webhook function shares: read the event, route, render.
 * It always answers TwiML with HTTP 200: a 500 becomes error 11200 and the message is lost,
 * and the local runtime would put the stack trace in the answer (or, for a rejected promise,
 * stop serving).
 */
export function webhookHandler(route: Route): ServerlessFunctionSignature {
  return function handler(context, event, callback) {
    const env = context as unknown as RuntimeContext;
    let message: InboundMessage | undefined;
    try {
      message = readInbound(event as unknown as WebhookEvent);
      log.debug(env, message.sid, message);
      const decided = route(env, message);
      if (!(decided instanceof Promise)) return callback(null, answer(env, message.sid, decided));
      const read = message;
      decided
        .then((decision) => answer(env, read.sid, decision))
        .catch((cause: unknown) => fallback(read, cause))
        .then((twiml) => callback(null, twiml));
    } catch (cause) {
      callback(null, fallback(message, cause));
    }
  };
}
