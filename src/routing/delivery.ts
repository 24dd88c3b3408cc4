/**
 * Forwards that leave the function itself, beside the TwiML answer: an email through SendGrid, a
 * Slack message through an incoming webhook. The core writes their whole content here (pure: the
 * message and the time in, text out); src/runtime sends them.
 */
import { emailTo } from './email-content';
import type { InboundMessage } from './inbound';
import { HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from './keywords';
import { slackMessage } from './slack-content';
import { kindOf } from './targets';
import { clip } from './text';

export interface EmailDelivery {
  readonly kind: 'email';
  /** The recipient's address. */
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** The same facts as `text`, every inbound value HTML-escaped. */
  readonly html: string;
}

export interface SlackDelivery {
  readonly kind: 'slack';
  /** The incoming webhook's JSON body. */
  readonly payload: { readonly text: string };
}

export type Delivery = EmailDelivery | SlackDelivery;

/**
 * An email or a Slack message carries the whole text: 1600 characters is SMS's limit, not theirs.
 * A webhook can still claim anything, so a text past this is cut, with a note.
 */
export const MAX_DELIVERED_TEXT = 20_000;

/** What an email and a Slack message say about one inbound message, as plain text. */
export interface Facts {
  /** `SMS from +15551230000 to +15005550006` (`MMS` with pictures). */
  readonly title: string;
  /** `2026-05-01 12:34:56 UTC` */
  readonly received: string;
  /** What a keyword message means for the owner (an opt-out), when it is one. */
  readonly keyword?: string;
  /** The message's text, untouched unless cut. */
  readonly text: string;
  /** Says how much was cut, when the text was. */
  readonly cut?: string;
  readonly pictures: readonly string[];
}

/** One line, whatever a webhook put into an address: a subject or a title never spans lines. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

/** The sender as the owner reads it: the number, and the channel when it is not SMS. */
const sender = (message: InboundMessage): string =>
  message.channel === undefined ? message.from : `${message.from} (${message.channel})`;

/**
 * Twilio answers keywords itself (Advanced Opt-Out): the owner only learns of them here. `OptOutType`
 * says which when Advanced Opt-Out is on; otherwise the word itself does.
 */
function keywordNote(message: InboundMessage): string | undefined {
  const word = (message.optOutType || message.body).trim().toUpperCase();
  if (OPT_OUT_KEYWORDS.includes(word))
    return 'The sender opted out (STOP): Twilio delivers nothing more to them until they text START.';
  if (OPT_IN_KEYWORDS.includes(word)) return 'The sender opted back in (START).';
  if (HELP_KEYWORDS.includes(word)) return 'The sender asked for help (HELP); Twilio answered it.';
  return undefined;
}

export function factsOf(message: InboundMessage, now: Date): Facts {
  const kind = message.media.length > 0 ? 'MMS' : 'SMS';
  const length = message.body.length;
  return {
    title: oneLine(`${kind} from ${sender(message)} to ${message.to}`),
    received: `${now.toISOString().slice(0, 19).replace('T', ' ')} UTC`,
    keyword: keywordNote(message),
    text: clip(message.body, MAX_DELIVERED_TEXT),
    cut:
      length > MAX_DELIVERED_TEXT
        ? `[cut: the message has ${length} characters; the first ${MAX_DELIVERED_TEXT} are shown]`
        : undefined,
    pictures: message.media,
  };
}

/**
 * One email per address and one Slack message among `targets` (phones are the TwiML answer's);
 * none when there is no such target.
 */
export function deliveriesFor(message: InboundMessage, targets: readonly string[], now: Date): Delivery[] {
  const emails = targets.filter((target) => kindOf(target) === 'email');
  const slack = targets.some((target) => kindOf(target) === 'slack');
  const facts = factsOf(message, now);
  return [...emails.map((to) => emailTo(to, facts)), ...(slack ? [slackMessage(facts)] : [])];
}
