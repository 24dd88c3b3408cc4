import { redactUrl } from '../redact/url';
import { InputError } from '../errors/input-error';
import { routingOf } from './fields';
import { attachTarget, changeOf } from './plan';
import { answersItself, serviceByNumber, serviceChange, withServices } from './services';
import type { Change, PhoneNumberState, ProjectDomains, ServiceChange, ServiceState, ServiceUpdate } from './types';

/** What to do with a chosen number whose Messaging Service answers for it (`--messaging-service`). */
export const SERVICE_MODES = ['defer', 'url', 'skip'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export interface AttachPlanInput {
  readonly chosen: readonly PhoneNumberState[];
  readonly account: readonly PhoneNumberState[];
  readonly services: readonly ServiceState[];
  readonly url: string;
  readonly fallbackUrl?: string;
  readonly mode?: ServiceMode;
  /** This project's deployed domains, so the plan names numbers already routed to it. */
  readonly projectDomains?: ProjectDomains;
}

/**
 * `defer`: the service uses each number's own URL ("Defer to sender's webhook"), so the attach
 * takes effect; `url`: the service's own URL becomes the function's, so every number of the
 * service routes there (UseInboundWebhookOnNumber stays false).
 */
function serviceTarget(mode: 'defer' | 'url', url: string, fallbackUrl: string | undefined): ServiceUpdate {
  if (mode === 'defer') return { useInboundWebhookOnNumber: true };
  return {
    inboundRequestUrl: url,
    inboundMethod: 'POST',
    ...(fallbackUrl !== undefined ? { fallbackUrl, fallbackMethod: 'POST' } : {}),
  };
}

/** Exit 2 before any write, dry run or not: the attach would report `changed` for a number it cannot reach. */
function refusal(overridden: ReadonlyArray<[PhoneNumberState, ServiceState]>, url: string): InputError {
  const numbers = overridden.map(
    ([n, s]) =>
      `${n.phoneNumber} is in Messaging Service ${s.sid} ("${s.friendlyName}"), which answers its incoming ` +
      'messages itself (Integration: "Send a webhook"): the number\'s own SMS URL would not be used.',
  );
  return new InputError([
    ...numbers,
    'Choose how to go on with --messaging-service (see the plan first with --dry-run):',
    '  defer: the service defers to each number\'s own URL ("Defer to sender\'s webhook"); ' +
      'its other numbers then use their own URLs too.',
    `  url: the service's URL becomes ${redactUrl(url)}, so every number of the service routes there.`,
    '  skip: leave these numbers out of this run.',
  ]);
}

/**
 * Pure: the chosen numbers, the account and its Messaging Services -> what attach writes. A chosen
 * number whose service answers for it is refused without a mode, skipped with `skip`, and with
 * `defer` or `url` depends on its service's update (written first).
 */
export function planAttach(input: AttachPlanInput): { changes: Change[]; services: ServiceChange[] } {
  const byNumber = serviceByNumber(input.services);
  const overridden = input.chosen.flatMap((n): Array<[PhoneNumberState, ServiceState]> => {
    const service = byNumber.get(n.sid);
    return service !== undefined && answersItself(service) ? [[n, service]] : [];
  });
  if (overridden.length > 0 && input.mode === undefined) throw refusal(overridden, input.url);
  const mode = input.mode;
  const skipped = new Map(mode === 'skip' ? overridden.map(([n, s]) => [n.sid, s] as const) : []);
  const target = attachTarget(input.url, input.fallbackUrl);
  // In the order chosen: a skipped number keeps its place, with why it was left out.
  const changes = input.chosen.map((number): Change => {
    const service = skipped.get(number.sid);
    if (service === undefined) return changeOf(number, target);
    const skip = `in Messaging Service ${service.sid} ("${service.friendlyName}"), which answers for it: left out`;
    return { number, update: null, after: routingOf(number), skipped: skip };
  });
  if (mode === undefined || mode === 'skip')
    return { changes: withServices(changes, input.services, []), services: [] };
  const involved = [...new Map(overridden.map(([, s]) => [s.sid, s] as const)).values()];
  const context = {
    account: new Map(input.account.map((n) => [n.sid, n] as const)),
    routingAfter: new Map(changes.map((c) => [c.number.sid, c.after] as const)),
    projectDomains: input.projectDomains,
  };
  const services = involved.map((s) => serviceChange(s, serviceTarget(mode, input.url, input.fallbackUrl), context));
  const pending = new Set(services.filter((s) => s.update !== null).map((s) => s.service.sid));
  const needing = changes.map((c) => {
    const service = byNumber.get(c.number.sid);
    return service !== undefined && pending.has(service.sid) ? { ...c, requires: service.sid } : c;
  });
  return { changes: withServices(needing, input.services, services), services };
}
