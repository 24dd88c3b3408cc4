/**
 * What may reach Function logs without LOG_LEVEL=debug (Twilio keeps them; they are personal
 * data): an error's text can quote anything (an API error names the Sync document, keyed by
 * phone numbers; a builder error quotes the text it refused), so it is cleaned before printing.
 */

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
  for (let i = 0; i + WINDOW <= secret.length; i++) windows.add(secret.slice(i, i + WINDOW));
  const hidden = new Array<boolean>(text.length).fill(false);
  for (let i = 0; i + WINDOW <= text.length; i++)
    if (windows.has(text.slice(i, i + WINDOW))) hidden.fill(true, i, i + WINDOW);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!hidden[i]) out += text[i];
    else if (i === 0 || !hidden[i - 1]) out += '…';
  }
  return out;
}

/** `text` without the message's body nor any phone number. */
export const redact = (text: string, body = ''): string => maskNumbers(maskCopies(text, body));
