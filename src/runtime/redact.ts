/**
 * What may reach Function logs without LOG_LEVEL=debug (Twilio keeps them; they are personal
 * data): an error's text can quote anything (an API error names the Sync document, keyed by
 * phone numbers; a builder error quotes the text it refused; an HTTP error its request), so it is
 * cleaned before printing: no credential in any form, no phone number, no copy of the body.
 */
import { LOCAL_CHAR } from '../routing/targets';

/** A run of 7 or more digits, maybe spaced or dashed, not inside a SID or a word: a phone number, perhaps. */
const NUMBER = /(?<![0-9A-Za-z])\+?\(?\d(?:[\s()-]{0,2}\d){6,}/g;

/** Every phone-number-like run cut to its last two digits: `+12125550143` -> `…43`. */
export const maskNumbers = (text: string): string =>
  text.replace(NUMBER, (run) => `…${run.replace(/\D/g, '').slice(-2)}`);

/** Copies shorter than this can't be told from ordinary words, and say little. */
const WINDOW = 4;

/** Hides every stretch of `text` (WINDOW characters or more) that also occurs in `secret`. */
export function maskCopies(text: string, secret: string): string {
  if (secret.trim().length < WINDOW) return text;
  const windows = new Set<string>();
  // Past the last full window the slices are shorter than WINDOW, and only WINDOW-long slices of the text are
  // looked up: extra ones would never match.
  // Stryker disable next-line ArithmeticOperator: equivalent (extra, shorter windows never match)
  for (let i = 0; i + WINDOW <= secret.length; i++) {
    windows.add(secret.slice(i, i + WINDOW));
  }
  const hidden = new Array<boolean>(text.length).fill(false);
  // Past the last full window the slices are shorter than WINDOW, and every window of the secret is WINDOW long.
  // Stryker disable next-line ArithmeticOperator: equivalent (extra, shorter slices never match)
  for (let i = 0; i + WINDOW <= text.length; i++)
    if (windows.has(text.slice(i, i + WINDOW))) hidden.fill(true, i, i + WINDOW);
  let out = '';
  // One '…' for each hidden stretch, at its first character (at 0 too: hidden[-1] is undefined); marking each
  // stretch at its last character instead (i + 1) would give the same one '…' per stretch.
  // Stryker disable ArithmeticOperator: equivalent (one '…' per stretch either way)
  for (let i = 0; i < text.length; i++) {
    if (!hidden[i]) out += text[i];
    else if (!hidden[i - 1]) out += '…';
  }
  // Stryker restore ArithmeticOperator
  return out;
}

/**
 * `%2B14155550143` is `+14155550143`, and `%22%2B1…` hides the number behind a digit: URL-encoded
 * text (a form body, a path) is decoded first, printable characters only, twice-encoded too.
 */
export function decodePercents(text: string): string {
  let decoded = text;
  for (let round = 0; round < 3; round++)
    decoded = decoded.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
      const code = parseInt(hex, 16);
      return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : escape;
    });
  return decoded;
}

const REMOVED = '(credentials removed)';

/** `Basic <base64>`, `Bearer <token>`: what an Authorization header holds, masked or not. */
const SCHEME_AND_VALUE = /\b(?:Basic|Bearer|Digest|Token)\s+[A-Za-z0-9+/=._~-]{8,}/gi;
/** `Authorization: …`, `"authorization":"…"`, `authorization=…`: the header, whatever it holds. */
const AUTHORIZATION = /\b((?:proxy-)?authorization["']?\s*[:=]\s*)(?:"[^"]*"|'[^']*'|(?:[A-Za-z]+\s+)?[^\s,;}\]]+)/gi;
/** Shorter values can't be told from ordinary words: a real token or API secret is 32 characters. */
const MIN_SECRET = 8;

/**
 * A password and the Basic-auth string made with it (`base64(user:password)`, as in an
 * Authorization header): the forms in which a credential can leak.
 */
export const credentialForms = (user: string, password: string): string[] =>
  password.length < MIN_SECRET ? [] : [password, Buffer.from(`${user}:${password}`).toString('base64')];

/** `text` without any Authorization header or value, nor any of `secrets`. */
export function removeCredentials(text: string, secrets: readonly string[]): string {
  let cleaned = text.replace(AUTHORIZATION, `$1${REMOVED}`).replace(SCHEME_AND_VALUE, REMOVED);
  for (const secret of secrets) if (secret.length >= MIN_SECRET) cleaned = cleaned.split(secret).join(REMOVED);
  return cleaned;
}

const LOCAL_PART = new RegExp(`(${LOCAL_CHAR})${LOCAL_CHAR}*@`, 'g');

/** `owner@example.com` -> `o***@example.com`, wherever an address appears: the domain stays, to tell them apart. */
export const maskEmails = (text: string): string => text.replace(LOCAL_PART, '$1***@');

/**
 * `text` without credentials (`secrets`, Authorization), the message's body, any phone number nor
 * the part of an email address before its `@`.
 */
// Stryker disable next-line ArrayDeclaration: the mutant's one secret, "Stryker was here", is in no real error
export const redact = (text: string, body = '', secrets: readonly string[] = []): string =>
  maskEmails(maskNumbers(maskCopies(removeCredentials(decodePercents(text), secrets), body)));
