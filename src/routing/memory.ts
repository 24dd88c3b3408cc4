/**
 * What the routing remembers between messages, as it is kept in the store: who each target is
 * talking with, when a target was last sent the relay hint, and when a sender was auto-replied.
 * Everything read back is data from outside (a Sync document anyone with the account can edit):
 * it is checked, and what does not check out is ignored.
 */
import { isE164 } from './phone';

/** "The last 10 minutes" of the relay: who counts as a conversation partner, how often a hint goes. */
export const RELAY_WINDOW_SECONDS = 10 * 60;
const WINDOW_MS = RELAY_WINDOW_SECONDS * 1000;

/** How many partners a target's list keeps: the most recent. */
const MAX_PARTNERS = 10;

const digits = (number: string): string => number.replace(/\D/g, '');

/** Store keys: letters, dashes and digits only, safe as Sync unique names. */
export const keys = {
  /** The people a target was talking with through a Twilio number. */
  partners: (twilioNumber: string, target: string) => `partners-${digits(twilioNumber)}-${digits(target)}`,
  /** When a target was last sent the relay hint by a Twilio number. */
  hinted: (twilioNumber: string, target: string) => `hinted-${digits(twilioNumber)}-${digits(target)}`,
  /** When a sender was last auto-replied to by a Twilio number. */
  replied: (twilioNumber: string, sender: string) => `auto-replied-${digits(twilioNumber)}-${digits(sender)}`,
};

/** Someone a target is talking with: a sender forwarded to it, or a number it relayed to. */
export interface Partner {
  readonly number: string;
  /** When, in milliseconds since 1970. */
  readonly at: number;
}

/** Less than 10 minutes from `now` (a time slightly ahead is another instance's clock). */
const isRecent = (at: number, now: Date): boolean => Math.abs(now.getTime() - at) < WINDOW_MS;

const isPartner = (item: unknown): item is Partner =>
  typeof item === 'object' &&
  item !== null &&
  typeof (item as Partner).number === 'string' &&
  isE164((item as Partner).number) &&
  Number.isFinite((item as Partner).at);

/** The partners of a stored list who wrote or were written to in the last 10 minutes, oldest first. */
export function readPartners(stored: string | undefined, now: Date): Partner[] {
  if (stored === undefined) return [];
  let list: unknown;
  try {
    list = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list
    .filter(isPartner)
    .filter((partner) => isRecent(partner.at, now))
    .map(({ number, at }) => ({ number, at }));
}

/** The list with `number` as its newest partner (once), as of `now`. */
export function withPartner(partners: readonly Partner[], number: string, now: Date): Partner[] {
  const others = partners.filter((partner) => partner.number !== number);
  return [...others, { number, at: now.getTime() }].slice(-MAX_PARTNERS);
}

export const writePartners = (partners: readonly Partner[]): string => JSON.stringify(partners);

/** A stored time (ISO 8601) within the last 10 minutes: the hint was sent that recently. */
export function wasRecently(stored: string | undefined, now: Date): boolean {
  const at = stored === undefined ? NaN : Date.parse(stored);
  return Number.isFinite(at) && isRecent(at, now);
}
