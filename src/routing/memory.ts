/**
 * What the routing remembers between messages, as it is kept in the store: per Twilio number and
 * target, who the target is talking with and when it was last sent the relay hint; per Twilio
 * number and sender, when the sender was auto-replied to. Everything read back is data from
 * outside (a Sync document anyone with the account can edit): it is checked, and what does not
 * check out is ignored.
 */
import { isE164 } from './phone';

/** "The last 10 minutes" of the relay: who counts as a conversation partner, how often a hint goes. */
export const RELAY_WINDOW_SECONDS = 10 * 60;
const WINDOW_MS = RELAY_WINDOW_SECONDS * 1000;

/** How many partners a target's memory keeps: the most recent. */
const MAX_PARTNERS = 10;

const digits = (number: string): string => number.replace(/\D/g, '');

/** Store keys: letters, dashes and digits only, safe as Sync unique names. */
export const keys = {
  /** What a Twilio number remembers about one of its targets (a TargetMemory). */
  target: (twilioNumber: string, target: string) => `relay-${digits(twilioNumber)}-${digits(target)}`,
  /** When a sender was last auto-replied to by a Twilio number. */
  replied: (twilioNumber: string, sender: string) => `auto-replied-${digits(twilioNumber)}-${digits(sender)}`,
};

/** Someone a target is talking with: a sender forwarded to it, or a number it relayed to. */
export interface Partner {
  readonly number: string;
  /** When, in milliseconds since 1970. */
  readonly at: number;
}

/** What a Twilio number remembers about one of its targets, for the last 10 minutes. */
export interface TargetMemory {
  /** Who the target talked with through this number, oldest first. */
  readonly partners: readonly Partner[];
  /** When the target was sent the relay hint (milliseconds since 1970). */
  readonly hintedAt?: number;
}

/** Less than 10 minutes from `now` (a time slightly ahead is another instance's clock). */
const isRecent = (at: unknown, now: Date): at is number =>
  typeof at === 'number' && Math.abs(now.getTime() - at) < WINDOW_MS;

const isPartner = (item: unknown): item is Partner => {
  const partner = item as Partial<Partner> | null;
  return typeof partner?.number === 'string' && isE164(partner.number) && Number.isFinite(partner.at);
};

/** A stored TargetMemory, with only what checks out and is less than 10 minutes old. */
export function readTargetMemory(stored: string | undefined, now: Date): TargetMemory {
  let value: unknown;
  try {
    value = stored === undefined ? undefined : JSON.parse(stored);
  } catch {
    // Not JSON: nothing is remembered.
  }
  const { partners, hintedAt } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    partners: Array.isArray(partners)
      ? partners
          .filter(isPartner)
          .filter((partner) => isRecent(partner.at, now))
          .map(({ number, at }) => ({ number, at }))
      : [],
    hintedAt: isRecent(hintedAt, now) ? hintedAt : undefined,
  };
}

export const writeTargetMemory = (memory: TargetMemory): string => JSON.stringify(memory);

/** The memory with `number` as the newest partner (once), as of `now`. */
export function withPartner(memory: TargetMemory, number: string, now: Date): TargetMemory {
  const others = memory.partners.filter((partner) => partner.number !== number);
  return { ...memory, partners: [...others, { number, at: now.getTime() }].slice(-MAX_PARTNERS) };
}
