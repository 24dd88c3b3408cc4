/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

/**
 * The address without its channel prefix: `whatsapp:+15551230000` -> `+15551230000`.
 * Routing is keyed by the number, whatever channel the message came in on.
 */
export function withoutChannel(address: string): string {
  const colon = address.indexOf(':');
  return colon === -1 ? address : address.slice(colon + 1);
}

/** True when two addresses name the same number, ignoring channel prefixes. */
export function sameNumber(a: string, b: string): boolean {
  return a !== '' && withoutChannel(a) === withoutChannel(b);
}
