/**
 * Two-way relay: a forward target answers a sender through the Twilio number, by starting with
 * the sender's number or, when it talks with one person only, without it. Its texts (refusals,
 * the hint) live here too.
 */
import { reply, sendTo, silent, type Decision } from './decide';
import type { InboundMessage } from './inbound';
import { RELAY_WINDOW_SECONDS, withPartner, type Partner, type TargetMemory } from './memory';
import { matchesAny } from './patterns';
import { isE164 } from './phone';
import { isPossibleNumber } from './possible-number';
import type { Policy } from './policy';
import type { Rule } from './rule';
import { MAX_BODY, clip } from './text';

const forwardsTo = (rule: Rule, number: string): boolean => rule.mode === 'forward' && rule.to.includes(number);

/**
 * The number is a forward target of the policy, inside or outside hours: it may relay. Only a phone
 * can: an email address or Slack never answers through the number, whatever a webhook's From says.
 */
export const isTargetOf = (policy: Policy, number: string): boolean =>
  isE164(number) &&
  (forwardsTo(policy.rule, number) || (policy.hours !== undefined && forwardsTo(policy.hours.outside, number)));

/**
 * A target's answer to a sender: a +number, then `:` or a space, then the text
 * (`+15551230000: see you at 5`). The default forward template starts with the sender's number
 * in this same form, so replying is copy, edit, send.
 */
const COMMAND = /^\s*(\+\d+)(?:\s*:|\s)\s*([\s\S]*)/;

interface RelayCommand {
  readonly to: string;
  readonly text: string;
}

/** The relay command in a body, `undefined` when the body does not start with a +number. */
function readRelayCommand(body: string): RelayCommand | undefined {
  const match = COMMAND.exec(body);
  return match === null ? undefined : { to: match[1], text: match[2].trim() };
}

const MINUTES = RELAY_WINDOW_SECONDS / 60;
const HOW = 'start with their number: +15551230000: your text';

/**
 * Why a relay to `to` is refused, or undefined when it may go: a number that cannot exist (Twilio
 * would refuse it, and the target would never know), the target's own, one of this service's
 * (two numbers answering each other loop), a forward target, a blocked one.
 */
function refusal(message: InboundMessage, policy: Policy, to: string): string | undefined {
  if (!isE164(to) || !isPossibleNumber(to)) return `${to} is not a possible phone number`;
  if (to === message.from) return `${to} is your own number`;
  if (to === message.to) return `${to} is this Twilio number`;
  if (policy.ownNumbers.has(to)) return `${to} is another number of this service`;
  if (isTargetOf(policy, to)) return `${to} is a forwarding target of this number`;
  if (matchesAny(policy.block, to)) return `${to} is on the block list`;
  return undefined;
}

/** The last 4 digits of each number, as the hint names people: "…0143, …0199". */
const lastDigits = (partners: readonly Partner[]): string =>
  partners.map((partner) => `…${partner.number.slice(-4)}`).join(', ');

/**
 * The hint, at most once per 10 minutes when there is a store: a target with an auto-responder
 * would otherwise answer each hint with a text that earns another hint.
 */
function hint(
  message: InboundMessage,
  partners: readonly Partner[],
  memory: TargetMemory | undefined,
  now: Date,
): Decision {
  if (memory?.hintedAt !== undefined) return silent(`not relayed; the hint was sent less than ${MINUTES} minutes ago`);
  const text =
    partners.length === 0
      ? `Not sent. To answer someone, ${HOW}`
      : `Not sent: who is it for? In the last ${MINUTES} minutes: ${lastDigits(partners)}. To answer, ${HOW}`;
  return reply(message, text, [], {}, { target: { partners: memory?.partners ?? [], hintedAt: now.getTime() } });
}

/** The relay itself: the text (and pictures) to `to`, who becomes the target's conversation partner. */
function relayTo(
  message: InboundMessage,
  to: string,
  text: string,
  memory: TargetMemory | undefined,
  now: Date,
): Decision {
  return {
    messages: [sendTo(message, to, clip(text, MAX_BODY), message.media)],
    remember: { target: withPartner(memory ?? { partners: [] }, to, now) },
  };
}

/** A target writing to the Twilio number: a relay, a refusal saying why, or the hint. */
export function relay(message: InboundMessage, policy: Policy, memory: TargetMemory | undefined, now: Date): Decision {
  const command = readRelayCommand(message.body);
  if (command !== undefined) {
    const refused = refusal(message, policy, command.to);
    if (refused !== undefined) return reply(message, `Not sent: ${refused}.`);
    if (command.text === '' && message.media.length === 0)
      return reply(message, `Not sent: the text after ${command.to} is empty.`);
    return relayTo(message, command.to, command.text, memory, now);
  }
  // No number: the one person the target talks with, if there is exactly one. A stranger who wrote
  // since makes it two: the answer must then name its recipient, never go to the newest.
  const partners = (memory?.partners ?? []).filter((partner) => refusal(message, policy, partner.number) === undefined);
  const text = message.body.trim();
  if (partners.length === 1 && (text !== '' || message.media.length > 0)) {
    return relayTo(message, partners[0].number, text, memory, now);
  }
  return hint(message, partners, memory, now);
}
