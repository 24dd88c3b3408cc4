import type { Decision } from './decide';
import type { InboundMessage } from './inbound';
import { withoutChannel } from './phone';
import {
  decideWithPolicy,
  isTargetOf,
  timeOf,
  type Clock,
  type Facts,
  type Policy,
  type PolicyDecision,
} from './policy';
import type { Store } from './store';

/** How long a target can answer "the last sender" without naming the number. */
export const LAST_SENDER_TTL = 30 * 24 * 3600;

const digits = (address: string): string => withoutChannel(address).replace(/\D/g, '');

/** Store keys: digits only, safe as Sync unique names. */
export const keys = {
  lastSender: (twilioNumber: string, target: string) => `last-sender-${digits(twilioNumber)}-${digits(target)}`,
  replied: (twilioNumber: string, sender: string) => `auto-replied-${digits(twilioNumber)}-${digits(sender)}`,
};

/**
 * Decides with what the store remembers, then remembers what this message changes. Without a
 * store (no Sync configured) it decides from the message alone. A failing store is logged and
 * routing goes on without it: a message is never lost to a memory problem.
 */
export function route(
  message: InboundMessage,
  policy: Policy,
  now: Date | Clock,
  store?: Store,
  onStoreError: (cause: unknown) => void = () => {},
): Decision | Promise<Decision> {
  if (store === undefined) return decideWithPolicy(message, policy, now);
  return routeWithStore(message, policy, timeOf(now), store, onStoreError);
}

/** The decision alone: what to remember is for the store. */
const withoutMemory = (decision: PolicyDecision): Decision =>
  decision.remember === undefined
    ? decision
    : { messages: decision.messages, note: decision.note, problem: decision.problem };

async function routeWithStore(
  message: InboundMessage,
  policy: Policy,
  now: Date,
  store: Store,
  onStoreError: (cause: unknown) => void,
): Promise<Decision> {
  const isTarget = isTargetOf(policy, withoutChannel(message.from));
  const safely = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (cause) {
      onStoreError(cause);
      return undefined;
    }
  };
  const [lastSender, replied] = await Promise.all([
    isTarget ? safely(() => store.get(keys.lastSender(message.to, message.from))) : undefined,
    !isTarget && policy.replyOncePer !== undefined
      ? safely(() => store.get(keys.replied(message.to, message.from)))
      : undefined,
  ]);
  const facts: Facts = { lastSender, repliedRecently: replied !== undefined };
  const decision = decideWithPolicy(message, policy, now, facts);
  const sender = withoutChannel(message.from);
  const writes = (decision.remember?.forwardedTo ?? []).map((target) =>
    safely(() => store.set(keys.lastSender(message.to, target), sender, LAST_SENDER_TTL)),
  );
  const window = policy.replyOncePer;
  if (decision.remember?.replied === true && window !== undefined) {
    writes.push(safely(() => store.set(keys.replied(message.to, message.from), now.toISOString(), window)));
  }
  await Promise.all(writes);
  return withoutMemory(decision);
}
