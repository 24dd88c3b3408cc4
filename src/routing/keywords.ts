/**
 * Keywords Twilio answers itself (Advanced Opt-Out): answering them too would double-reply.
 * OPTOUT and REVOKE joined the opt-out list in May 2025.
 * https://help.twilio.com/articles/223134027
 */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
export const OPT_IN_KEYWORDS = ['START', 'YES', 'UNSTOP'];
export const HELP_KEYWORDS = ['HELP', 'INFO'];

const RESERVED = new Set([...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS, ...HELP_KEYWORDS]);

/** True for a keyword Twilio handles itself: the whole trimmed body, in any case. */
export const isReservedKeyword = (text: string): boolean => RESERVED.has(text.trim().toUpperCase());

/** The first word, upper case, without trailing punctuation: "Hours?" -> "HOURS". */
export function firstWord(body: string): string {
  const word = /\S+/.exec(body)?.[0] ?? '';
  return word.replace(/[.,!?;:]+$/, '').toUpperCase();
}
