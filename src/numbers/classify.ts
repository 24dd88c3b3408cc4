import { redactUrl } from '../redact/url';
import { sidSource } from '../twilio/sid';
import type { ProjectDomains, ServiceRouting, SmsRouting } from './types';

export const ROUTINGS = [
  'this-project',
  'function',
  'twiml-bin',
  'studio-flow',
  'twiml-app',
  'messaging-service',
  'demo-reply',
  'webhook',
  'none',
] as const;
export type Routing = (typeof ROUTINGS)[number];

export interface Classification {
  readonly routing: Routing;
  /**
   * For this-project, and for a messaging-service whose own URL is this project's: the function's
   * path, e.g. /sms.
   */
  readonly path?: string;
  /** With path: the environment whose domain the URL is on, e.g. dev or production. */
  readonly environment?: string;
  /** The SID (MG... or AP...) of what answers instead of the number's own SmsUrl. */
  readonly overriddenBy?: string;
}

export interface ClassifyContext {
  /** The Messaging Service the number is in, if any: it answers unless it defers to the number's webhook. */
  readonly service?: ServiceRouting;
  /** The domains of this project's deployed environments; none when never deployed. */
  readonly projectDomains?: ProjectDomains | undefined;
}

// URL shapes Twilio's products give numbers: a new number's demo reply, a TwiML Bin
// (https://handler.twilio.com/twiml/EH...), a Studio Flow (https://webhooks.twilio.com/v1/Accounts/AC.../Flows/FW...).
const DEMO_REPLY = /^https?:\/\/demo\.twilio\.com\/welcome\/sms\/reply\/?$/i;
const TWIML_BIN = new RegExp(`^/twiml/${sidSource('EH')}/?$`, 'i');
const STUDIO_FLOW = new RegExp(`^/v1/Accounts/${sidSource('AC')}/Flows/${sidSource('FW')}/?$`, 'i');

/** Where a URL sends messages, if it is the number's own routing. */
export function classifyUrl(
  url: string,
  projectDomains: ProjectDomains = new Map(),
): Pick<Classification, 'routing' | 'path' | 'environment'> {
  if (url === '') return { routing: 'none' };
  if (DEMO_REPLY.test(url)) return { routing: 'demo-reply' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { routing: 'webhook' };
  }
  const host = parsed.hostname.toLowerCase();
  const environment = projectDomains.get(host);
  if (environment !== undefined) return { routing: 'this-project', path: parsed.pathname, environment };
  if (host.endsWith('.twil.io')) return { routing: 'function' };
  if (host === 'handler.twilio.com' && TWIML_BIN.test(parsed.pathname)) return { routing: 'twiml-bin' };
  if (host === 'webhooks.twilio.com' && STUDIO_FLOW.test(parsed.pathname)) return { routing: 'studio-flow' };
  return { routing: 'webhook' };
}

/**
 * Where a number's SMS go now. Precedence, as Twilio applies it: a Messaging Service that does
 * not defer to the number's webhook (use_inbound_webhook_on_number false) answers first
 * (https://www.twilio.com/docs/messaging/api/service-resource); then an SmsApplicationSid, which
 * makes Twilio ignore the sms*Url fields (https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource);
 * then the number's own SmsUrl.
 */
export function classify(number: SmsRouting, context: ClassifyContext = {}): Classification {
  if (context.service !== undefined && !context.service.useInboundWebhookOnNumber) {
    // `attach --messaging-service url` leaves the service answering, with this project's URL.
    // Only this project's URL gives a path and an environment; routing is overwritten.
    return {
      ...classifyUrl(context.service.inboundRequestUrl, context.projectDomains),
      routing: 'messaging-service',
      overriddenBy: context.service.sid,
    };
  }
  if (number.smsApplicationSid !== '') return { routing: 'twiml-app', overriddenBy: number.smsApplicationSid };
  return classifyUrl(number.smsUrl, context.projectDomains);
}

/**
 * One line for people: "webhook https://example.com/sms (POST)", "twiml-app AP...", "none",
 * "messaging-service MG... https://example.com/inbound (POST)" (the service's own URL answers),
 * "this-project (dev) https://switchboard-1234-dev.twil.io/sms (POST)".
 */
export function describe(number: SmsRouting, context: ClassifyContext = {}): string {
  const c = classify(number, context);
  const { service } = context;
  if (c.routing === 'messaging-service' && service !== undefined) {
    const url = service.inboundRequestUrl;
    // With no inbound URL, the service drops inbound messages: https://www.twilio.com/docs/messaging/api/service-resource
    const where = url === '' ? '(no inbound URL)' : `${redactUrl(url)} (${service.inboundMethod})`;
    return `messaging-service ${service.sid} ${where}`;
  }
  if (c.routing === 'twiml-app') return `twiml-app ${c.overriddenBy}`;
  if (c.routing === 'none') return 'none';
  const method = number.smsMethod === '' ? '' : ` (${number.smsMethod})`;
  const environment = c.environment !== undefined ? ` (${c.environment})` : '';
  return `${c.routing}${environment} ${redactUrl(number.smsUrl)}${method}`;
}
