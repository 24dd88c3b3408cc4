import type { Decision } from './decide';
import type { InboundMessage } from './inbound';
import { decideWithPolicy, isTargetOf, type Policy } from './policy';
import type { Store } from './store';

/** How long a target can answer "the last sender" without naming the number. */
export const LAST_SENDER_TTL = 30 * 24 * 3600;

const digits = (number: string): string => number.replace(/\D/g, '');

/** Store keys: digits only, safe as Sync unique names. */
export const keys = {
  lastSender: (twilioNumber: string, target: string) => `last-sender-${digits(twilioNumber)}-${digits(target)}`,
  replied: (twilioNumber: string, sender: string) => `auto-replied-${digits(twilioNumber)}-${digits(sender)}`,
};

/**
 * Decides with what the store remembers, then remembers what the decision says. Without a store
 * (no Sync configured) it decides from the message alone, at once. A failing store is logged and
 * routing goes on without it: a message is never lost to a memory problem.
 */
export function route(
  message: InboundMessage,
  policy: Policy,
  now: Date,
  store?: Store,
  onStoreError: (cause: unknown) => void = () => {},
): Decision | Promise<Decision> {
  const fromTarget = isTargetOf(policy, message.from);
  if (store === undefined) return decideWithPolicy(message, policy, now, { fromTarget });
  return routeWithStore(message, policy, now, fromTarget, store, onStoreError);
}

async function routeWithStore(
  message: InboundMessage,
  policy: Policy,
  now: Date,
  fromTarget: boolean,
  store: Store,
  onStoreError: (cause: unknown) => void,
): Promise<Decision> {
  const safely = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (cause) {
      onStoreError(cause);
      return undefined;
    }
  };
  const [lastSender, replied] = await Promise.all([
    fromTarget ? safely(() => store.get(keys.lastSender(message.to, message.from))) : undefined,
    !fromTarget && policy.replyOncePer !== undefined
      ? safely(() => store.get(keys.replied(message.to, message.from)))
      : undefined,
  ]);
  const decision = decideWithPolicy(message, policy, now, {
    fromTarget,
    lastSender,
    repliedRecently: replied !== undefined,
  });
  const remember = decision.remember ?? {};
  const writes = (remember.forwardedTo ?? []).map((target) =>
    safely(() => store.set(keys.lastSender(message.to, target), message.from, LAST_SENDER_TTL)),
  );
  const window = policy.replyOncePer;
  if (remember.replied === true && window !== undefined) {
    writes.push(safely(() => store.set(keys.replied(message.to, message.from), now.toISOString(), window)));
  }
  await Promise.all(writes);
  return decision;
}
