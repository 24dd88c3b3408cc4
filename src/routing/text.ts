/** Twilio's limit for one message body, in UTF-16 code units. */
export const MAX_BODY = 1600;

/**
 * Characters XML 1.0 forbids: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
 * The TwiML builder throws on them in text, and writes them unchecked into attributes.
 */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/**
 * Every code unit that may belong to a forbidden character: controls, U+FFFE/U+FFFF and any
 * surrogate (paired ones are fine; telling them apart is the slower regex's job). Most text has
 * none, and this check, without the `u` flag, is several times faster than the replace.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for: XML forbids them
const MAYBE_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes what XML cannot carry, so any inbound text can be put into TwiML. */
export function xmlSafe(text: string): string {
  return MAYBE_FORBIDDEN.test(text) ? text.replace(XML_FORBIDDEN, '') : text;
}

/** Cuts `text` to at most `max` code units without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const last = text.charCodeAt(max - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}

const ELLIPSIS = '…';

/** Like clip, but marks a cut with an ellipsis (kept within `max`). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : clip(text, max - ELLIPSIS.length) + ELLIPSIS;
}

export type Placeholders = Readonly<Record<string, string>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a template uses, in order, e.g. ["From", "Body"]. */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Fills `{Name}` placeholders in one pass, so text coming from a value (a body that says
 * "{From}") is never filled again. Unknown placeholders stay as written.
 */
export function fill(template: string, values: Placeholders): string {
  // What `template.replace(PLACEHOLDER, (whole, name) => values[name] ?? whole)` does, without a
  // regex and a callback per placeholder: this runs for every message.
  let open = template.indexOf('{');
  if (open === -1) return template;
  let filled = '';
  let copied = 0;
  while (open !== -1) {
    let end = open + 1;
    while (end < template.length && isWordChar(template.charCodeAt(end))) end++;
    const value =
      end > open + 1 && template.charCodeAt(end) === CLOSE ? values[template.slice(open + 1, end)] : undefined;
    if (value !== undefined && value !== null) {
      filled += template.slice(copied, open) + value;
      copied = end + 1;
    }
    open = template.indexOf('{', end);
  }
  return filled + template.slice(copied);
}

const CLOSE = 0x7d; // }

/** `\w`: ASCII letters, digits and underscore. */
function isWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f
  );
}

/**
 * Fills a template and keeps the result within MAX_BODY by shortening only `values[cut]`
 * (the inbound text), so everything else the template shows, such as the sender, stays visible.
 */
export function fillWithin(template: string, values: Placeholders, cut: string, max = MAX_BODY): string {
  const full = fill(template, values);
  if (full.length <= max) return full;
  const uses = placeholdersIn(template).filter((name) => name === cut).length;
  const original = values[cut] ?? '';
  if (uses === 0) return clip(full, max);
  const rest = full.length - uses * original.length;
  const room = Math.floor((max - rest) / uses);
  const filled = fill(template, { ...values, [cut]: shorten(original, Math.max(room, 0)) });
  return clip(filled, max);
}
