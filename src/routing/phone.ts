/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

/** An address split at its channel prefix: `whatsapp:+15551230000` -> `+15551230000` on `whatsapp`. */
export interface Address {
  readonly number: string;
  /** Absent for SMS and MMS, whose addresses are plain numbers. */
  readonly channel?: string;
}

export function splitAddress(address: string): Address {
  const colon = address.indexOf(':');
  return colon === -1 ? { number: address } : { number: address.slice(colon + 1), channel: address.slice(0, colon) };
}

/** The address without its channel prefix: routing is keyed by the number, whatever the channel. */
export const withoutChannel = (address: string): string => splitAddress(address).number;

/** The address as Twilio wrote it: the number, behind its channel prefix when it has one. */
export const addressOf = (number: string, channel: string | undefined): string =>
  channel === undefined ? number : `${channel}:${number}`;

/** True when two addresses name the same number, ignoring channel prefixes. */
export function sameNumber(a: string, b: string): boolean {
  return a !== '' && withoutChannel(a) === withoutChannel(b);
}
