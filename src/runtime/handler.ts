import type { ServerlessFunctionSignature, TwilioResponse } from '@twilio-labs/serverless-runtime-types/types';
import type { Twilio as TwilioClient } from 'twilio';
import type { DeliverySettings } from '../config/delivery-env';
import type { Environment } from '../config/env';
import type { Decision } from '../routing/decide';
import { readInbound, type InboundMessage, type WebhookEvent } from '../routing/inbound';
import { renderTwiml, type MessagingResponse } from '../routing/twiml';
import { deliver } from './deliver';
import { log } from './log';
import { printedAnswer } from './print-deliveries';
import { secretsIn } from './secrets';

/** What a route sees of the runtime's context: the environment, and the REST client when enabled. */
export type RuntimeContext = Environment & { readonly getTwilioClient?: () => TwilioClient };

/**
 * What one endpoint does: configuration and message in, decision out: at once, or once the store
 * answered (without a store nothing outside the function is asked).
 */
export type Route = (context: RuntimeContext, message: InboundMessage) => Decision | Promise<Decision>;

/** What a handler uses of the world: a clock in milliseconds (for its budget), and fetch (for deliveries). */
export interface HandlerWorld {
  readonly clock: () => number;
  readonly fetch: typeof fetch;
}

export const WORLD: HandlerWorld = { clock: () => performance.now(), fetch: (...args) => fetch(...args) };

/**
 * What a handler needs to deliver email and Slack forwards: their settings, read from the
 * configuration (an endpoint that decides none, /ignore, reads no configuration at all).
 */
export interface Delivering {
  readonly settingsOf: (context: RuntimeContext) => DeliverySettings;
  readonly world?: HandlerWorld;
}

/**
 * Twilio stops a Function at 10 s (the message is then lost) and its answer should leave within
 * 5 s: Sync and the deliveries together get 4.5 s from the handler's start, the rest is margin.
 */
export const BUDGET_MS = 4500;

/** The deliveries' deadline: DELIVERY_TIMEOUT_MS, or what is left of the budget when that is less. */
export const deliveryDeadline = (elapsedMs: number, timeoutMs: number): number =>
  Math.floor(Math.min(timeoutMs, BUDGET_MS - elapsedMs));

type Answer = MessagingResponse | TwilioResponse;

function answer(env: Environment, sid: string, decision: Decision): MessagingResponse {
  if (decision.note !== undefined) log.note(env, sid, decision.note, decision.problem === true);
  return renderTwiml(decision, Twilio.twiml.MessagingResponse);
}

function fallback(env: Environment, message: InboundMessage | undefined, cause: unknown): MessagingResponse {
  const hidden = { body: message?.body, secrets: secretsIn(env) };
  log.error(message?.sid ?? '', 'answered <Response/> after an unexpected error', cause, hidden);
  return new Twilio.twiml.MessagingResponse();
}

/**
 * The answer, once the email and Slack deliveries are done (sent, refused or late: none changes
 * it), or printed instead when the local runtime says so.
 */
async function withDeliveries(
  env: RuntimeContext,
  message: InboundMessage,
  decision: Decision,
  started: number,
  delivering: Delivering | undefined,
): Promise<Answer> {
  const twiml = answer(env, message.sid, decision);
  const deliveries = decision.deliveries ?? [];
  if (deliveries.length === 0 || delivering === undefined) return twiml;
  const settings = delivering.settingsOf(env);
  const world = delivering.world ?? WORLD;
  if (settings.print) return printedAnswer(message.sid, twiml, deliveries);
  await deliver(deliveries, settings, {
    sid: message.sid,
    body: message.body,
    deadlineMs: deliveryDeadline(world.clock() - started, settings.timeoutMs),
    secrets: secretsIn(env),
    fetch: world.fetch,
  });
  return twiml;
}

/**
 * The runtime adapter every webhook function shares: read the event, route, render, deliver.
 * It always answers TwiML with HTTP 200: a 500 becomes error 11200 and the message is lost,
 * and the local runtime would put the stack trace in the answer (or, for a rejected promise,
 * stop serving).
 */
export function webhookHandler(route: Route, delivering?: Delivering): ServerlessFunctionSignature {
  return function handler(context, event, callback) {
    const started = (delivering?.world ?? WORLD).clock();
    const env = context as unknown as RuntimeContext;
    let message: InboundMessage | undefined;
    try {
      message = readInbound(event as unknown as WebhookEvent);
      log.debug(env, message.sid, message);
      const decided = route(env, message);
      if (!(decided instanceof Promise) && decided.deliveries === undefined)
        return callback(null, answer(env, message.sid, decided));
      const read = message;
      Promise.resolve(decided)
        .then((decision) => withDeliveries(env, read, decision, started, delivering))
        .catch((cause: unknown) => fallback(env, read, cause))
        .then((twiml) => callback(null, twiml));
    } catch (cause) {
      callback(null, fallback(env, message, cause));
    }
  };
}
