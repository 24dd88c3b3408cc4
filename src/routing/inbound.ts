import { xmlSafe } from './text';

/** Twilio sends at most 10 media per message: MediaUrl0..MediaUrl9. */
export const MAX_MEDIA = 10;

/** An incoming message as the rules see it: every field present, XML-safe text. */
export interface InboundMessage {
  readonly sid: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly media: readonly string[];
  /** Set by Advanced Opt-Out when the message is a STOP/HELP/START keyword. */
  readonly optOutType: string;
}

/** The webhook parameters, as the runtime hands them over (query and form body merged). */
export type WebhookEvent = Readonly<Record<string, unknown>>;

/** One parameter as text: repeated parameters arrive as arrays; anything else is ignored. */
function param(event: WebhookEvent, name: string): string {
  const value = event[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' || typeof first === 'number' ? xmlSafe(String(first)) : '';
}

const MEDIA_URL = /^https?:\/\/\S+$/i;

/**
 * Reads a webhook without trusting it: missing parameters become '', `NumMedia` is ignored
 * (it is only a hint) and every MediaUrl{N} that is a http(s) URL is taken.
 */
export function readInbound(event: WebhookEvent): InboundMessage {
  const media: string[] = [];
  for (let n = 0; n < MAX_MEDIA; n++) {
    const url = param(event, `MediaUrl${n}`).trim();
    if (MEDIA_URL.test(url)) media.push(url);
  }
  return {
    sid: param(event, 'MessageSid') || param(event, 'SmsMessageSid'),
    from: param(event, 'From').trim(),
    to: param(event, 'To').trim(),
    body: param(event, 'Body'),
    media,
    optOutType: param(event, 'OptOutType').trim(),
  };
}
