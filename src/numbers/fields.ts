// The routing fields of a number and the inbound fields of a Messaging Service, copied in one place.
import type { RoutingField, ServiceInbound, SmsRouting } from './types';

/** A number's five routing fields, each as `read` gives it (from our state, a backup, or the SDK's resource). */
export const routingFrom = (read: (field: RoutingField) => string): SmsRouting => ({
  smsUrl: read('smsUrl'),
  smsMethod: read('smsMethod'),
  smsFallbackUrl: read('smsFallbackUrl'),
  smsFallbackMethod: read('smsFallbackMethod'),
  smsApplicationSid: read('smsApplicationSid'),
});

/** Just the routing fields of a number (or of anything that has them). */
export const routingOf = (number: SmsRouting): SmsRouting => routingFrom((field) => number[field]);

/** Just the five inbound fields of a Messaging Service (or of anything that has them). */
export const inboundOf = (s: ServiceInbound): ServiceInbound => ({
  inboundRequestUrl: s.inboundRequestUrl,
  inboundMethod: s.inboundMethod,
  fallbackUrl: s.fallbackUrl,
  fallbackMethod: s.fallbackMethod,
  useInboundWebhookOnNumber: s.useInboundWebhookOnNumber,
});

/**
 * A saved state as what to write back: a method saved as '' (Twilio answered none) cannot be
 * written, so it is left as it is.
 */
export function withoutUnsetMethods<T extends object>(fields: T): Partial<T> {
  // Object.fromEntries loses the keys' types; every entry kept is one of `fields`.
  return Object.fromEntries(
    Object.entries(fields).filter(([field, value]) => !(field.endsWith('Method') && value === '')),
  ) as Partial<T>;
}
