import { firstWord } from './keywords';
import { decide, isKeywordMessage, reply, sendTo, silent, type Decision } from './decide';
import { isOpen, nextOpening, type Schedule } from './hours';
import type { InboundMessage } from './inbound';
import { matchesAny } from './patterns';
import { isE164, withoutChannel } from './phone';
import { readRelayCommand } from './relay';
import type { Rule } from './rule';
import { MAX_BODY, clip } from './text';

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

/** What the store knew before the message; read by `route`. */
export interface Facts {
  /** The last sender forwarded to this target (the message's sender). */
  readonly lastSender?: string;
  /** The sender was auto-replied to within `replyOncePer`. */
  readonly repliedRecently?: boolean;
}

/** What to remember after the message; written by `route`. */
export interface Memory {
  /** Targets the message was forwarded to: the sender becomes their last sender. */
  readonly forwardedTo?: readonly string[];
  /** The sender was auto-replied to. */
  readonly replied?: boolean;
}

export type PolicyDecision = Decision & { readonly remember?: Memory };

/** The forward targets of a policy, inside or outside hours: they may relay. */
export function targetsOf(policy: Policy): readonly string[] {
  const rules = policy.hours === undefined ? [policy.rule] : [policy.rule, policy.hours.outside];
  return rules.flatMap((rule) => (rule.mode === 'forward' ? rule.to : []));
}

const forwardsTo = (rule: Rule, number: string): boolean => rule.mode === 'forward' && rule.to.includes(number);

/** `targetsOf(policy).includes(number)`, without building the list: this runs for every message. */
export const isTargetOf = (policy: Policy, number: string): boolean =>
  forwardsTo(policy.rule, number) || (policy.hours !== undefined && forwardsTo(policy.hours.outside, number));

const NOTHING_KNOWN: Facts = {};

const HINT = 'Not sent. To answer someone, start with their number: +15551230000: your text';

/** A target writing to the Twilio number: a relay to a sender, or a hint on how to make one. */
function relay(message: InboundMessage, facts: Facts): Decision {
  const command = readRelayCommand(message.body);
  const media = message.media;
  const self = withoutChannel(message.from);
  if (command === undefined) {
    // What the store returns is data from outside: only a valid number becomes a recipient, and
    // never the target itself or the Twilio number (Twilio refuses a message to its sender, 21266).
    const last = facts.lastSender;
    const usable = last !== undefined && isE164(last) && last !== self && last !== withoutChannel(message.to);
    if (usable && (message.body.trim() !== '' || media.length > 0)) {
      return { messages: [sendTo(message, last, clip(message.body.trim(), MAX_BODY), media)] };
    }
    return reply(message, HINT);
  }
  if ('invalid' in command) return reply(message, `Not sent: ${command.invalid}. ${HINT.slice('Not sent. '.length)}`);
  if (command.to === self || command.to === withoutChannel(message.to)) {
    return reply(
      message,
      `Not sent: ${command.to} is ${command.to === self ? 'your own number' : 'this Twilio number'}.`,
    );
  }
  if (command.text === '' && media.length === 0)
    return reply(message, `Not sent: the text after ${command.to} is empty.`);
  return { messages: [sendTo(message, command.to, clip(command.text, MAX_BODY), media)] };
}

/** `{ ...decision, remember }`, field by field: the spread costs some fifteen times more in V8. */
const withMemory = (decision: Decision, remember: Memory): PolicyDecision => ({
  messages: decision.messages,
  note: decision.note,
  problem: decision.problem,
  remember,
});

/** The `to` of every message (what `flatMap` does, several times slower: this runs for every forward). */
function recipientsOf(decision: Decision): string[] {
  const recipients: string[] = [];
  for (const message of decision.messages) if (message.to !== undefined) recipients.push(message.to);
  return recipients;
}

/**
 * The rules, in order: block and allow lists, Twilio's own keywords, relay (targets only),
 * keyword answers, business hours, the number's mode.
 */
export function decideWithPolicy(
  message: InboundMessage,
  policy: Policy,
  now: Date | Clock,
  facts?: Facts,
): PolicyDecision {
  if (matchesAny(policy.block, message.from)) return silent('sender is on the block list');
  if (policy.allow.length > 0 && !matchesAny(policy.allow, message.from))
    return silent('sender is not on the allow list');
  if (isTargetOf(policy, withoutChannel(message.from))) {
    return isKeywordMessage(message)
      ? silent('keyword message from a target: Twilio answers it itself')
      : relay(message, facts ?? NOTHING_KNOWN);
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
  if (rule.mode === 'auto-reply' && policy.replyOncePer !== undefined && facts?.repliedRecently === true) {
    return silent('sender was auto-replied to recently');
  }
  const opens = closed ? nextOpening(hours.schedule, at) : '';
  const decision = decide(message, rule, { opens });
  // No facts: no store, so nothing to remember either.
  if (facts === undefined || decision.messages.length === 0) return decision;
  if (rule.mode === 'forward') return withMemory(decision, { forwardedTo: recipientsOf(decision) });
  return policy.replyOncePer === undefined ? decision : withMemory(decision, { replied: true });
}
