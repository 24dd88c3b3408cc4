import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import type { Twilio as TwilioClient } from 'twilio';
import type { Environment } from '../config/env';
import type { Decision } from '../routing/decide';
import { readInbound, type InboundMessage, type WebhookEvent } from '../routing/inbound';
import { renderTwiml, type MessagingResponse } from '../routing/twiml';
import { log } from './log';

/** What a route sees of the runtime's context: the environment, and the REST client when enabled. */
export type RuntimeContext = Environment & { readonly getTwilioClient?: () => TwilioClient };

/** What one endpoint does: configuration and message in, decision out (now, or once the store answered). */
export type Route = (context: RuntimeContext, message: InboundMessage) => Decision | Promise<Decision>;

const isPromise = (value: Decision | Promise<Decision>): value is Promise<Decision> =>
  typeof (value as Promise<Decision>).then === 'function';

/**
 * The runtime adapter every webhook function shares: read the event, route, render.
 * It always answers TwiML with HTTP 200: a 500 becomes error 11200 and the message is lost,
 * and the local runtime would put the stack trace in the answer (or, for a rejected promise,
 * stop serving).
 */
export function webhookHandler(route: Route): ServerlessFunctionSignature {
  return function handler(context, event, callback) {
    const { MessagingResponse } = Twilio.twiml;
    let sid = '';
    let body = '';
    const answer = (decision: Decision): MessagingResponse => {
      if (decision.note !== undefined) log.info(sid, decision.note);
      return renderTwiml(decision, MessagingResponse);
    };
    const fallback = (cause: unknown): MessagingResponse => {
      log.error(sid, 'answered <Response/> after an unexpected error', cause, body);
      return new MessagingResponse();
    };
    try {
      const message = readInbound(event as unknown as WebhookEvent);
      sid = message.sid;
      body = message.body;
      log.debug(context as unknown as Environment, sid, message);
      const decision = route(context as unknown as RuntimeContext, message);
      if (!isPromise(decision)) return callback(null, answer(decision));
      decision.then(answer).catch(fallback).then((twiml) => callback(null, twiml));
    } catch (cause) {
      callback(null, fallback(cause));
    }
  };
}
