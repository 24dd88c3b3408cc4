import { firstWord } from './keywords';
import { decide, isKeywordMessage, reply, silent, type Decision } from './decide';
import { isOpen, nextOpening, type Schedule } from './hours';
import type { InboundMessage } from './inbound';
import { matchesAny } from './patterns';
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
}

/**
 * The time, or a clock read only when it is needed (business hours, memory): most numbers have no
 * hours, and a Date per message would cost more than some of the rules.
 */
export type Clock = () => Date;
export const timeOf = (now: Date | Clock): Date => (typeof now === 'function' ? now() : now);

/** What is known about a message before deciding: who sent it, and what the store remembers. */
export interface Facts {
  /** The sender is a forward target of this number (inside or outside hours): it may relay. */
  readonly fromTarget: boolean;
  /** The last sender forwarded to this target (the message's sender). */
  readonly lastSender?: string;
  /** The sender was auto-replied to within `replyOncePer`. */
  readonly repliedRecently?: boolean;
}

const forwardsTo = (rule: Rule, number: string): boolean => rule.mode === 'forward' && rule.to.includes(number);

/** The number is a forward target of the policy, inside or outside hours: it may relay. */
export const isTargetOf = (policy: Policy, number: string): boolean =>
  forwardsTo(policy.rule, number) || (policy.hours !== undefined && forwardsTo(policy.hours.outside, number));

/**
 * The rules, in order: block and allow lists, Twilio's own keywords, relay (targets only),
 * keyword answers, business hours, the number's mode. The decision says what to remember.
 */
export function decideWithPolicy(message: InboundMessage, policy: Policy, now: Date | Clock, facts: Facts): Decision {
  if (matchesAny(policy.block, message.from)) return silent('sender is on the block list');
  if (policy.allow.length > 0 && !matchesAny(policy.allow, message.from))
    return silent('sender is not on the allow list');
  if (facts.fromTarget) {
    return isKeywordMessage(message)
      ? silent('keyword message from a target: Twilio answers it itself')
      : relay(message, facts.lastSender);
  }
  // Only a number with keyword answers needs the keyword check here (auto-reply makes its own).
  const answer =
    policy.keywords.size === 0 || isKeywordMessage(message) ? undefined : policy.keywords.get(firstWord(message.body));
  if (answer !== undefined) return reply(message, answer);

  const hours = policy.hours;
  // The clock is read only for a number with business hours.
  const at = hours === undefined ? undefined : timeOf(now);
  const closed = hours !== undefined && at !== undefined && !isOpen(hours.schedule, at);
  const rule = closed ? hours.outside : policy.rule;
  if (rule.mode === 'auto-reply' && policy.replyOncePer !== undefined && facts.repliedRecently === true) {
    return silent('sender was auto-replied to recently');
  }
  const opens = closed ? nextOpening(hours.schedule, at) : '';
  return decide(message, rule, { opens });
}
