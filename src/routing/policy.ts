import { firstWord } from './keywords';
import { decide, isKeywordMessage, reply, silent, type Decision } from './decide';
import { openingAt, type Schedule } from './hours';
import type { InboundMessage } from './inbound';
import { matchesAny } from './patterns';
import type { TargetMemory } from './memory';
import { relay } from './relay';
import type { Rule } from './rule';

/** Everything that decides what happens to a message sent to one number, defaults applied. */
export interface Policy {
  /** Senders never answered nor forwarded: E.164 numbers or prefixes (`+1900*`). */
  readonly block: readonly string[];
  /** When not empty, only these senders are answered or forwarded. */
  readonly allow: readonly string[];
  /** First word (upper case) -> reply text. */
  readonly keywords: ReadonlyMap<string, string>;
  /** The number's rule (inside business hours, when it has them). */
  readonly rule: Rule;
  readonly hours?: { readonly schedule: Schedule; readonly outside: Rule };
  /** Seconds during which a sender gets no second auto-reply (needs a store). */
  readonly replyOncePer?: number;
  /**
   * This service's numbers (the routing file's keys; the receiving number counts too): they are
   * never answered nor relayed to, since two numbers answering each other loop.
   */
  readonly ownNumbers: ReadonlySet<string>;
}

/** What is known about a message before deciding: who sent it, and what the store remembers. */
export interface Facts {
  /** The sender is a forward target of this number (inside or outside hours): it may relay. */
  readonly fromTarget: boolean;
  /** What the store remembers about the sending target (none without a store). */
  readonly targetMemory?: TargetMemory;
  /** The sender was auto-replied to within `replyOncePer`. */
  readonly repliedRecently?: boolean;
}

/** The rule in force at `now`, and outside business hours the next opening. */
function ruleAt(policy: Policy, now: Date): { rule: Rule; opens: string } {
  if (policy.hours === undefined) return { rule: policy.rule, opens: '' };
  const { open, opens } = openingAt(policy.hours.schedule, now);
  return { rule: open ? policy.rule : policy.hours.outside, opens };
}

/**
 * A message from one of this service's numbers: forwarded if the rule says so, never answered
 * (the answer would reach a number that answers back).
 */
function fromOwnNumber(message: InboundMessage, policy: Policy, now: Date): Decision {
  const { rule } = ruleAt(policy, now);
  if (rule.mode === 'forward') return decide(message, rule, now);
  return silent("sender is one of this service's numbers: an answer could loop");
}

/**
 * The rules, in order: block and allow lists, this service's own numbers, relay (targets only,
 * Twilio's own keywords excepted), keyword answers, business hours, the number's mode. The
 * decision says what to remember.
 */
export function decideWithPolicy(message: InboundMessage, policy: Policy, now: Date, facts: Facts): Decision {
  if (matchesAny(policy.block, message.from)) return silent('sender is on the block list');
  if (policy.allow.length > 0 && !matchesAny(policy.allow, message.from))
    return silent('sender is not on the allow list');
  if (message.from === message.to || policy.ownNumbers.has(message.from)) return fromOwnNumber(message, policy, now);
  if (facts.fromTarget) {
    return isKeywordMessage(message)
      ? silent('keyword message from a target: Twilio answers it itself')
      : relay(message, policy, facts.targetMemory, now);
  }
  if (!isKeywordMessage(message)) {
    const answer = policy.keywords.get(firstWord(message.body));
    if (answer !== undefined) return reply(message, answer);
  }

  const { rule, opens } = ruleAt(policy, now);
  if (rule.mode === 'auto-reply' && facts.repliedRecently === true) {
    return silent('sender was auto-replied to recently');
  }
  return decide(message, rule, now, { opens });
}
