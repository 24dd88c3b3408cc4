import type { Decision, Memory } from './decide';
import type { InboundMessage } from './inbound';
import { RELAY_WINDOW_SECONDS, keys, readTargetMemory, withPartner, writeTargetMemory } from './memory';
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
  const [target, replied] = await Promise.all([
    fromTarget ? memories.get(keys.target(message.to, message.from)) : undefined,
    !fromTarget && policy.replyOncePer !== undefined ? memories.get(keys.replied(message.to, message.from)) : undefined,
  ]);
  const decision = decideWithPolicy(message, policy, now, {
    fromTarget,
    targetMemory: fromTarget ? readTargetMemory(target, now) : undefined,
    repliedRecently: replied !== undefined,
  });
  if (decision.remember !== undefined) await memories.remember(decision.remember, policy.replyOncePer);
  return decision;
}

/**
 * The store as one message uses it. The first failure is reported and ends the message's use of
 * the store: the calls after it are not made (after a refused connection or a missed deadline
 * they would fail the same way), and the message goes on without memory.
 */
class Memories {
  private failed = false;

  constructor(
    private readonly store: Store,
    private readonly message: InboundMessage,
    private readonly now: Date,
    private readonly onStoreError: (cause: unknown) => void,
  ) {}

  private fail(cause: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.onStoreError(cause);
  }

  async get(key: string): Promise<string | undefined> {
    if (this.failed) return undefined;
    try {
      return await this.store.get(key);
    } catch (cause) {
      this.fail(cause);
      return undefined;
    }
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    if (this.failed) return;
    try {
      await this.store.set(key, value, ttlSeconds);
    } catch (cause) {
      this.fail(cause);
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
    if (memory.target !== undefined) {
      const key = keys.target(message.to, message.from);
      writes.push(this.set(key, writeTargetMemory(memory.target), RELAY_WINDOW_SECONDS));
    }
    if (memory.replied === true && replyOncePer !== undefined) {
      writes.push(this.set(keys.replied(message.to, message.from), now.toISOString(), replyOncePer));
    }
    await Promise.all(writes);
  }

  private async addPartner(target: string, sender: string): Promise<void> {
    const key = keys.target(this.message.to, target);
    // When the read fails, the write is not made either (see set): without what was stored, writing
    // would drop whoever else the target talks with, and with them the ambiguity that keeps a bare
    // answer from going to the newest sender.
    const stored = await this.get(key);
    const memory = withPartner(readTargetMemory(stored, this.now), sender, this.now);
    await this.set(key, writeTargetMemory(memory), RELAY_WINDOW_SECONDS);
  }
}
