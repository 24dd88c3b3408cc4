/**
 * Reads a TwiML answer for its meaning (who gets what text and which pictures), after checking
 * that Twilio could parse it at all. Tests assert on this, never on the XML string.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ParsedMessage {
  /** The `to` attribute; absent means "reply to the sender". */
  readonly to?: string;
  /** The `from` attribute; absent means the number that received the message. */
  readonly from?: string;
  readonly body: string;
  readonly media: readonly string[];
}

export interface ParsedTwiml {
  readonly messages: readonly ParsedMessage[];
}

/** Characters XML 1.0 cannot carry at all, not even as a character reference. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITY = /&([^;&\s]*);?/g;
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function codePointOf(reference: string): number | undefined {
  const match = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(reference);
  if (match === null) return undefined;
  return match[1] !== undefined ? parseInt(match[1], 16) : parseInt(match[2], 10);
}

/** Throws, naming the fault, unless `xml` is a well-formed XML 1.0 document. */
export function assertWellFormed(xml: string): void {
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true)
    throw new Error(`malformed TwiML (${verdict.err.msg}, line ${verdict.err.line}): ${JSON.stringify(xml)}`);
  // The validator lets these through; a real XML parser (Twilio's) does not.
  const bad = FORBIDDEN.exec(xml);
  if (bad !== null)
    throw new Error(
      `TwiML contains U+${bad[0].codePointAt(0)?.toString(16).toUpperCase()}, ` +
        `which XML forbids: ${JSON.stringify(xml)}`,
    );
  for (const [whole, name] of xml.matchAll(ENTITY)) {
    if (!whole.endsWith(';')) throw new Error(`TwiML has a bare "&": ${JSON.stringify(xml)}`);
    if (PREDEFINED.has(name)) continue;
    const code = codePointOf(name);
    if (code === undefined) throw new Error(`TwiML uses the undefined entity ${whole}: ${JSON.stringify(xml)}`);
    if (code > 0x10ffff || FORBIDDEN.test(String.fromCodePoint(code))) {
      throw new Error(`TwiML refers to ${whole}, a character XML forbids: ${JSON.stringify(xml)}`);
    }
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Decodes numeric character references (&#xD;) too; named ones were checked above.
  htmlEntities: true,
  isArray: (name) => ['Message', 'Body', 'Media'].includes(name),
});

type Node = string | { readonly [key: string]: unknown };

const textOf = (node: unknown): string => {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && '#text' in node)
    return String((node as { '#text': unknown })['#text']);
  return '';
};

const MESSAGE_PARTS = new Set(['@from', '@to', '#text', 'Body', 'Media']);

function readMessage(node: Node): ParsedMessage {
  if (typeof node === 'string') return { body: node, media: [] };
  const unexpected = Object.keys(node).filter((key) => !MESSAGE_PARTS.has(key));
  if (unexpected.length > 0) throw new Error(`<Message> has unexpected parts: ${unexpected.join(', ')}`);
  const bodies = (node.Body ?? []) as unknown[];
  if (bodies.length > 1) throw new Error('<Message> has more than one <Body>');
  const inline = textOf(node);
  if (bodies.length === 1 && inline.trim() !== '') throw new Error('<Message> has both text and a <Body>');
  const body = bodies.length === 1 ? textOf(bodies[0]) : inline;
  const media = ((node.Media ?? []) as unknown[]).map(textOf);
  const to = node['@to'];
  const from = node['@from'];
  // Twilio sends only from a number of the account: anything but E.164 here is a defect.
  if (from !== undefined && !/^\+[1-9]\d{1,14}$/.test(String(from)))
    throw new Error(`<Message from="${String(from)}"> is not an E.164 number`);
  return {
    ...(to === undefined ? {} : { to: String(to) }),
    ...(from === undefined ? {} : { from: String(from) }),
    body,
    media,
  };
}

/** Parses a messaging TwiML answer: `<Response>` holding only `<Message>` verbs. */
export function parseTwiml(xml: string): ParsedTwiml {
  assertWellFormed(xml);
  const document = parser.parse(xml) as Record<string, unknown>;
  const roots = Object.keys(document).filter((key) => key !== '?xml');
  if (roots.length !== 1 || roots[0] !== 'Response')
    throw new Error(`TwiML root must be <Response>, found: ${roots.join(', ')}`);
  const response = document.Response;
  if (response === '') return { messages: [] };
  if (typeof response !== 'object' || response === null)
    throw new Error(`<Response> holds text: ${JSON.stringify(xml)}`);
  const verbs = Object.keys(response).filter((key) => key !== 'Message');
  if (verbs.length > 0) throw new Error(`<Response> holds more than <Message>: ${verbs.join(', ')}`);
  const messages = ((response as { Message?: Node[] }).Message ?? []).map(readMessage);
  return { messages };
}
