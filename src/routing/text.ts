/** Twilio's limit for one message body, in UTF-16 code units. */
export const MAX_BODY = 1600;

/**
 * Characters XML 1.0 forbids: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
 * The TwiML builder throws on them in text, and writes them unchecked into attributes.
 */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes what XML cannot carry, so any inbound text can be put into TwiML. */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** Cuts `text` to at most `max` code units without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return text.slice(0, Math.max(end, 0));
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
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}

/**
 * Fills a template and keeps the result within MAX_BODY by shortening only `values[cut]`
 * (the inbound text), so everything else the template shows, such as the sender, stays visible.
 */
export function fillWithin<Cut extends string>(
  template: string,
  values: Placeholders & Readonly<Record<Cut, string>>,
  cut: Cut,
  max = MAX_BODY,
): string {
  const full = fill(template, values);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the cut below would cut nothing
  if (full.length <= max) return full;
  const uses = placeholdersIn(template).filter((name) => name === cut).length;
  const original: string = values[cut];
  // Stryker disable next-line ConditionalExpression: equivalent, the way below clips the same (its room is -Infinity)
  if (uses === 0) return clip(full, max);
  const rest = full.length - uses * original.length;
  const room = Math.floor((max - rest) / uses);
  const filled = fill(template, { ...values, [cut]: shorten(original, Math.max(room, 0)) });
  return clip(filled, max);
}
