import { splitAddress } from './phone';
import { xmlSafe } from './text';

/** Twilio sends at most 10 media per message: MediaUrl0..MediaUrl9. */
export const MAX_MEDIA = 10;

/**
 * An incoming message as the rules see it: every field present, XML-safe text, and bare numbers
 * (`whatsapp:+15551230000` is the number `+15551230000` on the channel `whatsapp`).
 */
export interface InboundMessage {
  readonly sid: string;
  /** The sender's number. */
  readonly from: string;
  /** The receiving number: the Twilio number whose routing applies. */
  readonly to: string;
  /**
   * The channel the message came in on (`whatsapp`), from the receiving address; absent for SMS
   * and MMS. Replies keep it; messages to other numbers go out as SMS (see sendTo).
   */
  readonly channel?: string;
  readonly body: string;
  readonly media: readonly string[];
  /** Set by Advanced Opt-Out when the message is a STOP/HELP/START keyword. */
  readonly optOutType: string;
}

/** The webhook parameters, as the runtime hands them over (query and form body merged). */
export type WebhookEvent = Readonly<Record<string, unknown>>;

/** One parameter as text: repeated parameters arrive as arrays; anything else is ignored. */
function text(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' || typeof first === 'number' ? xmlSafe(String(first)) : '';
}

const MEDIA_URL = /^https?:\/\/\S+$/i;

const MEDIA_PARAMETERS = Array.from({ length: MAX_MEDIA }, (_, n) => `MediaUrl${n}`);

/** Every MediaUrl0..MediaUrl9 that is a http(s) URL, in order. */
function mediaOf(event: WebhookEvent): string[] {
  const media: string[] = [];
  for (const name of MEDIA_PARAMETERS) {
    const url = text(event[name]).trim();
    if (MEDIA_URL.test(url)) media.push(url);
  }
  return media;
}

/**
 * Reads a webhook without trusting it: missing parameters become '', `NumMedia` is ignored
 * (it is only a hint) and every MediaUrl{N} that is a http(s) URL is taken.
 */
export function readInbound(event: WebhookEvent): InboundMessage {
  const to = splitAddress(text(event.To).trim());
  return {
    sid: text(event.MessageSid) || text(event.SmsMessageSid),
    from: splitAddress(text(event.From).trim()).number,
    to: to.number,
    channel: to.channel,
    body: text(event.Body),
    media: mediaOf(event),
    optOutType: text(event.OptOutType).trim(),
  };
}
