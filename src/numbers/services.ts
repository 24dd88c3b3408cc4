import { describe } from './classify';
import { inboundOf } from './fields';
import {
  SERVICE_FIELDS,
  type Change,
  type NumberRouting,
  type PhoneNumberState,
  type ProjectDomains,
  type ServiceChange,
  type ServiceInbound,
  type ServiceState,
  type ServiceUpdate,
  type SmsRouting,
} from './types';

/**
 * A Messaging Service answers its numbers' inbound messages itself unless it defers to each
 * number's own webhook (Console: Integration, "Defer to sender's webhook"); then a number's
 * SmsUrl is not used at all. https://www.twilio.com/docs/messaging/api/service-resource
 */
export const answersItself = (service: ServiceInbound): boolean => !service.useInboundWebhookOnNumber;

/** PN SID -> the Messaging Service the number is in (Twilio allows one at most). */
export function serviceByNumber(services: readonly ServiceState[]): Map<string, ServiceState> {
  const byNumber = new Map<string, ServiceState>();
  for (const service of services) for (const sid of service.numberSids) byNumber.set(sid, service);
  return byNumber;
}

const same = (field: keyof ServiceInbound, a: string | boolean, b: string | boolean): boolean =>
  typeof a === 'string' && typeof b === 'string' && field.endsWith('Method')
    ? a.toUpperCase() === b.toUpperCase()
    : a === b;

/** Only the fields that differ (methods compared without case); null when the service is already as asked. */
export function serviceDiff(current: ServiceInbound, target: ServiceUpdate): ServiceUpdate | null {
  const update: { -readonly [K in keyof ServiceInbound]?: ServiceInbound[K] } = {};
  for (const field of SERVICE_FIELDS) {
    const wanted = target[field];
    if (wanted !== undefined && !same(field, current[field], wanted)) Object.assign(update, { [field]: wanted });
  }
  return Object.keys(update).length === 0 ? null : update;
}

/** Each change with the service its number is in, before and after the run (for the plan to show). */
export function withServices(
  changes: readonly Change[],
  services: readonly ServiceState[],
  serviceChanges: readonly ServiceChange[],
): Change[] {
  const byNumber = serviceByNumber(services);
  const after = new Map(serviceChanges.map((c) => [c.service.sid, { ...c.after, sid: c.service.sid }] as const));
  return changes.map((c) => {
    const service = byNumber.get(c.number.sid);
    return service === undefined ? c : { ...c, service: { now: service, after: after.get(service.sid) ?? service } };
  });
}

/**
 * The change of one service toward `target`, with every number of it whose routing changes as a
 * result: `after` is each number's own routing after the run (changed for chosen numbers).
 */
export function serviceChange(
  service: ServiceState,
  target: ServiceUpdate,
  context: {
    readonly account: ReadonlyMap<string, PhoneNumberState>;
    readonly routingAfter: ReadonlyMap<string, SmsRouting>;
    readonly projectDomains?: ProjectDomains;
  },
): ServiceChange {
  const update = serviceDiff(service, target);
  const after: ServiceInbound = { ...inboundOf(service), ...(update ?? {}) };
  const { projectDomains } = context;
  const numbers = service.numberSids.flatMap((sid): NumberRouting[] => {
    const number = context.account.get(sid);
    if (number === undefined) return [];
    const now = describe(number, { service, projectDomains });
    const then = describe(context.routingAfter.get(sid) ?? number, {
      service: { ...after, sid: service.sid },
      projectDomains,
    });
    return now === then ? [] : [{ sid, phoneNumber: number.phoneNumber, now, after: then }];
  });
  return { service, update, after, numbers };
}
