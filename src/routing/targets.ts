/**
 * Where a forward goes: a phone (an E.164 number, in the TwiML answer), an email address (through
 * SendGrid) or `slack` (the incoming webhook SLACK_WEBHOOK_URL), mixed freely in one list.
 */
import { isE164 } from './phone';

export type TargetKind = 'phone' | 'email' | 'slack';

/** The one Slack target: the webhook is configured once (SLACK_WEBHOOK_URL), never in the routing file. */
export const SLACK = 'slack';

/**
 * An address as SendGrid takes it: the HTML standard's "valid email address", with a dot in the
 * domain (mail to a bare host name never arrives).
 * https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address
 */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** One character of an address's part before the `@`. */
export const LOCAL_CHAR = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]";
const EMAIL_SOURCE = `${LOCAL_CHAR}+@${LABEL}(?:\\.${LABEL})+`;
export const EMAIL = new RegExp(`^${EMAIL_SOURCE}$`);

/** Any target, as it may be written (`Slack` in any case): the routing file's JSON Schema pattern. */
export const TARGET = new RegExp(`^(?:\\+[1-9]\\d{1,14}|[Ss][Ll][Aa][Cc][Kk]|${EMAIL_SOURCE})$`);

/** Longer than any address SMTP carries (RFC 5321: 254). */
export const MAX_EMAIL = 254;

export const isEmail = (text: string): boolean => text.length <= MAX_EMAIL && EMAIL.test(text);

/** A target as written, in the form the rules compare: `Slack` is `slack`; numbers and addresses as they are. */
export const normalTarget = (text: string): string => (text.toLowerCase() === SLACK ? SLACK : text);

/** What a (normalised) target is; undefined for anything else. */
export function kindOf(target: string): TargetKind | undefined {
  if (isE164(target)) return 'phone';
  if (target === SLACK) return 'slack';
  return isEmail(target) ? 'email' : undefined;
}
