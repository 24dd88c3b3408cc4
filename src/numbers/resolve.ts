import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { sidPattern } from '../twilio/sid';
import type { PhoneNumberState } from './types';

const PN_SID = sidPattern('PN', 'i');

export const DEFAULT_COUNTRY: CountryCode = 'US';

/** '--country' as an ISO 3166-1 alpha-2 code libphonenumber knows, or a problem. */
export function parseCountry(text: string | undefined): { country: CountryCode } | { problem: string } {
  if (text === undefined) return { country: DEFAULT_COUNTRY };
  const code = text.trim().toUpperCase();
  if (isSupportedCountry(code)) return { country: code };
  return { problem: `--country ${JSON.stringify(text)} is not a country code: use two letters, such as US, GB or DE.` };
}

/** A file or stdin of numbers: one per line; blank lines and lines starting with # are skipped. */
export function readNumberList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * A number as typed ("(555) 123-4567", "+44 20 7946 0018", "+15551234567") -> E.164, with
 * `country` for numbers typed without a country code. isPossible, not isValid: Twilio's test and
 * new ranges are not always in libphonenumber's metadata, and an unknown number is refused later anyway.
 */
export function toE164(text: string, country: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(text, country);
  return parsed !== undefined && parsed.isPossible() ? parsed.number : undefined;
}

export interface Resolution {
  readonly numbers: PhoneNumberState[];
  readonly problems: string[];
}

/**
 * Pure: what the user typed + the account's numbers -> the chosen numbers, in the order given,
 * each once; every input that is malformed or not in the account is a problem, all reported together.
 */
export function resolveNumbers(
  inputs: readonly string[],
  account: readonly PhoneNumberState[],
  country: CountryCode,
): Resolution {
  const bySid = new Map(account.map((n) => [n.sid.toUpperCase(), n] as const));
  const byNumber = new Map(account.map((n) => [n.phoneNumber, n] as const));
  const chosen = new Map<string, PhoneNumberState>();
  const problems: string[] = [];
  for (const input of inputs) {
    const text = input.trim();
    let found: PhoneNumberState | undefined;
    if (PN_SID.test(text)) {
      found = bySid.get(text.toUpperCase());
      if (found === undefined) problems.push(`${text}: no phone number with this SID in the account.`);
    } else {
      const e164 = byNumber.has(text) ? text : toE164(text, country);
      if (e164 === undefined) {
        problems.push(
          `${JSON.stringify(text)} is not a phone number: ` +
            'use E.164 (+15551234567), a PN SID, or a national number with --country.',
        );
        continue;
      }
      found = byNumber.get(e164);
      if (found === undefined)
        problems.push(`${text}${e164 !== text ? ` (${e164})` : ''}: not a number of this account.`);
    }
    if (found !== undefined) chosen.set(found.sid, found);
  }
  return { numbers: [...chosen.values()], problems };
}
