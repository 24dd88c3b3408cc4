import { deliveriesFor, type Delivery } from './delivery';
import type { InboundMessage } from './inbound';
import { isReservedKeyword } from './keywords';
import type { TargetMemory } from './memory';
import { addressOf, isE164 } from './phone';
import type { Rule } from './rule';
import { kindOf } from './targets';
import { MAX_BODY, clip, fill, fillWithin } from './text';

/** TwiML allows at most 10 <Message> verbs in one answer (error 14109 beyond). */
export const MAX_MESSAGES = 10;

export interface OutboundMessage {
  /** E.164 recipient; absent means "reply to the sender". */
  readonly to?: string;
  /** E.164 sending number; absent means the number that received the message. */
  readonly from?: string;
  readonly body: string;
  readonly media: readonly string[];
}

/** What a message changes in the routing's memory; `route` writes it when there is a store. */
export interface Memory {
  /** Targets the message was forwarded to: the sender becomes their newest conversation partner. */
  readonly forwardedTo?: readonly string[];
  /** What the Twilio number remembers about the sending target after this message. */
  readonly target?: TargetMemory;
  /** The sender was auto-replied to (remembered when the number replies once per sender). */
  readonly replied?: boolean;
}

export interface Decision {
  /** The TwiML answer: messages to phones. */
  readonly messages: readonly OutboundMessage[];
  /** Email and Slack forwards, sent by the function beside the answer (they never change it). */
  readonly deliveries?: readonly Delivery[];
  /** Why nothing (or less than asked) is sent, for the operator's log. Never sent to anyone. */
  readonly note?: string;
  /** The note names a configuration to fix, not a rule doing its job (see src/runtime/log.ts). */
  readonly problem?: boolean;
  readonly remember?: Memory;
}

/** Nothing is sent, as a rule says (a STOP, a blocked sender...). */
export const silent = (note?: string): Decision => ({ messages: [], note });
/** Nothing is sent because the configuration leaves nothing to send: the operator should fix it. */
export const misconfigured = (note: string): Decision => ({ messages: [], note, problem: true });

/**
 * A message to a phone number other than the sender's. When the message came in on another
 * channel (`whatsapp:+1...`), the answer would default to being sent from that channel's
 * address, which Twilio refuses for a plain number (21910): send it as SMS from the number itself.
 */
export function sendTo(message: InboundMessage, to: string, body: string, media: readonly string[]): OutboundMessage {
  return message.channel !== undefined && isE164(message.to)
    ? { to, from: message.to, body, media }
    : { to, body, media };
}

/** What a reply's placeholders may use besides the message itself. */
export interface ReplyContext {
  /** The next opening time, outside business hours ("Mon 09:00"). */
  readonly opens?: string;
}

/** What `rule` does with `message`, received at `now`. */
export function decide(message: InboundMessage, rule: Rule, now: Date, context: ReplyContext = {}): Decision {
  switch (rule.mode) {
    case 'ignore':
      return silent();
    case 'auto-reply':
      return autoReply(message, rule.message, rule.media ?? [], context);
    case 'forward':
      return forward(message, rule.to, rule.template, now);
  }
}

/** True for a message Twilio answers itself: opt-out, opt-in and help keywords. */
export const isKeywordMessage = (message: InboundMessage): boolean =>
  message.optOutType !== '' || isReservedKeyword(message.body);

/** A reply to the sender; the text's {From}, {To} and {opens} are filled. */
export function reply(
  message: InboundMessage,
  text: string,
  media: readonly string[] = [],
  context: ReplyContext = {},
  remember?: Memory,
): Decision {
  // {From} and {To} show the addresses as the message came in (`whatsapp:+1...` on WhatsApp).
  const values = {
    From: addressOf(message.from, message.channel),
    To: addressOf(message.to, message.channel),
    opens: context.opens ?? '',
  };
  const body = clip(fill(text, values), MAX_BODY);
  if (body === '' && media.length === 0) return misconfigured('reply text is empty');
  return { messages: [{ body, media }], remember };
}

function autoReply(message: InboundMessage, text: string, media: readonly string[], context: ReplyContext): Decision {
  // Twilio answers opt-out, opt-in and help keywords itself; a second answer would double-reply.
  if (isKeywordMessage(message)) return silent('keyword message: Twilio answers it itself');
  return reply(message, text, media, context, { replied: true });
}

/**
 * Phones get the template's text in the TwiML answer; email and Slack get the message's own text
 * with its facts (./delivery.ts). A keyword message (STOP...) is forwarded like any other: Twilio
 * answers it, and the targets learn that the sender opted out.
 */
function forward(message: InboundMessage, targets: readonly string[], template: string, now: Date): Decision {
  if (message.from !== '' && message.from === message.to) {
    return silent('sender is the receiving number: forwarding would loop');
  }
  if (targets.length === 0) return misconfigured('forward has no target: set FORWARD_TO or "to" in the routing file');
  // FORWARD_TO may name the very number a message came to (the build can't know which numbers
  // /forward answers): Twilio refuses a message from a number to itself (21266).
  const unique = [...new Set(targets)];
  const recipients = unique
    .filter((to) => isE164(to) && to !== message.from && to !== message.to)
    .slice(0, MAX_MESSAGES);
  const elsewhere = unique.filter((to) => kindOf(to) === 'email' || kindOf(to) === 'slack');
  if (recipients.length === 0 && elsewhere.length === 0)
    return silent('forward has no usable target (each is invalid, the sender or the receiving number)');
  const values = {
    From: addressOf(message.from, message.channel),
    To: addressOf(message.to, message.channel),
    Body: message.body,
  };
  const body = fillWithin(template, values, 'Body');
  // A "{Body}" template and an empty message: a <Message> with no text and no media fails (21602).
  if (body === '' && message.media.length === 0) {
    return silent('nothing to forward: the text is empty and there is no media');
  }
  const deliveries = deliveriesFor(message, elsewhere, now);
  const messages = recipients.map((to) => sendTo(message, to, body, message.media));
  return {
    messages,
    ...(deliveries.length === 0 ? {} : { deliveries }),
    remember: { forwardedTo: recipients },
  };
}
