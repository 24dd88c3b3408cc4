/**
 * Keywords Twilio answers itself (Advanced Opt-Out): answering them too would double-reply.
 * OPTOUT and REVOKE joined the opt-out list in May 2025.
 * https://help.twilio.com/articles/223134027
 */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
export const OPT_IN_KEYWORDS = ['START', 'YES', 'UNSTOP'];
export const HELP_KEYWORDS = ['HELP', 'INFO'];

const RESERVED = new Set([...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS, ...HELP_KEYWORDS]);
const LONGEST = Math.max(...[...RESERVED].map((word) => word.length));

const SPACE = /\s/;

/** True for a keyword Twilio handles itself: the whole trimmed body, in any case. */
export function isReservedKeyword(text: string): boolean {
  // A long text without white space around it is no keyword: not copied by trim() (this runs for
  // every message, and bodies can be 1600 characters).
  if (text.length > LONGEST && !SPACE.test(text[0]) && !SPACE.test(text[text.length - 1])) return false;
  const trimmed = text.trim();
  // Upper-casing never shortens a string (checked over every code point), so a longer text is no
  // keyword, and a whole message body need not be upper-cased.
  return trimmed.length <= LONGEST && RESERVED.has(trimmed.toUpperCase());
}

/** `\s` for one UTF-16 code unit; the regex only for the rare ones past Latin-1's controls. */
const isSpace = (c: number): boolean =>
  c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0xa0 && SPACE.test(String.fromCharCode(c));

/**
 * The first word, upper case, without trailing punctuation: "Hours?" -> "HOURS"; what
 * `(body.match(/^\s*(\S*)/)[1]).replace(/[.,!?;:]+$/, '').toUpperCase()` gives, in one scan
 * without a regex (this runs for every message to a number with keyword answers).
 */
export function firstWord(body: string): string {
  let start = 0;
  while (start < body.length && isSpace(body.charCodeAt(start))) start++;
  let end = start;
  while (end < body.length && !isSpace(body.charCodeAt(end))) end++;
  while (end > start && '.,!?;:'.includes(body[end - 1])) end--;
  return body.slice(start, end).toUpperCase();
}
