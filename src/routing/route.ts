import type { Decision, Memory } from './decide';
import type { InboundMessage } from './inbound';
import { RELAY_WINDOW_SECONDS, keys, readPartners, wasRecently, withPartner, writePartners } from './memory';
import { isE164 } from './phone';
import { decideWithPolicy, type Policy } from './policy';
import { isTargetOf } from './relay';
import type { Store } from './store';

/**
 * Decides with what the store remembers, then remembers what the decision says. Without a store
 * (no Sync configured) it decides from the message alone, at once. A failing store (an error, a
 * missed deadline) is reported to `onStoreError` and routing goes on without it: a message is
 * never lost to a memory problem.
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
  return routeWithStore(message, policy, now, fromTarget, new Memories(store, message, now, onStoreError));
}

async function routeWithStore(
  message: InboundMessage,
  policy: Policy,
  now: Date,
  fromTarget: boolean,
  memories: Memories,
): Promise<Decision> {
  const [partners, hinted, replied] = await Promise.all([
    fromTarget ? memories.get(keys.partners(message.to, message.from)) : undefined,
    fromTarget ? memories.get(keys.hinted(message.to, message.from)) : undefined,
    !fromTarget && policy.replyOncePer !== undefined ? memories.get(keys.replied(message.to, message.from)) : undefined,
  ]);
  const decision = decideWithPolicy(message, policy, now, {
    fromTarget,
    targetMemory: fromTarget ? { partners: readPartners(partners, now), hinted: wasRecently(hinted, now) } : undefined,
    repliedRecently: replied !== undefined,
  });
  if (decision.remember !== undefined) await memories.remember(decision.remember, policy.replyOncePer);
  return decision;
}

/** The store as one message uses it: every failure reported, none thrown. */
class Memories {
  constructor(
    private readonly store: Store,
    private readonly message: InboundMessage,
    private readonly now: Date,
    private readonly onStoreError: (cause: unknown) => void,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return await this.store.get(key);
    } catch (cause) {
      this.onStoreError(cause);
      return undefined;
    }
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    try {
      await this.store.set(key, value, ttlSeconds);
    } catch (cause) {
      this.onStoreError(cause);
    }
  }

  /** Writes what the decision says to remember, all at once. */
  async remember(memory: Memory, replyOncePer: number | undefined): Promise<void> {
    const { message, now } = this;
    const writes: Promise<void>[] = [];
    // The sender becomes the newest partner of each target it was forwarded to.
    if (isE164(message.from)) {
      for (const target of memory.forwardedTo ?? []) writes.push(this.addPartner(target, message.from));
    }
    if (memory.partners !== undefined) {
      const key = keys.partners(message.to, message.from);
      writes.push(this.set(key, writePartners(memory.partners), RELAY_WINDOW_SECONDS));
    }
    if (memory.hinted === true) {
      writes.push(this.set(keys.hinted(message.to, message.from), now.toISOString(), RELAY_WINDOW_SECONDS));
    }
    if (memory.replied === true && replyOncePer !== undefined) {
      writes.push(this.set(keys.replied(message.to, message.from), now.toISOString(), replyOncePer));
    }
    await Promise.all(writes);
  }

  private async addPartner(target: string, sender: string): Promise<void> {
    const key = keys.partners(this.message.to, target);
    let stored: string | undefined;
    try {
      stored = await this.store.get(key);
    } catch (cause) {
      // Without the list, writing one would drop whoever else is in it, and with them the
      // ambiguity that keeps a bare answer from going to the newest sender.
      this.onStoreError(cause);
      return;
    }
    const partners = withPartner(readPartners(stored, this.now), sender, this.now);
    await this.set(key, writePartners(partners), RELAY_WINDOW_SECONDS);
  }
}
