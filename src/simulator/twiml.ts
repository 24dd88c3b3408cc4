import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One `<Message>` as Twilio would send it. `to` undefined = a reply to the sender. */
export interface TwimlMessage {
  readonly to: string | undefined;
  readonly from: string | undefined;
  readonly body: string;
  readonly media: readonly string[];
}

/** What an answer asks Twilio to do, in document order. */
export type Action =
  | ({ readonly kind: 'message' } & TwimlMessage)
  | { readonly kind: 'redirect'; readonly url: string }
  | { readonly kind: 'unknown'; readonly verb: string };

export type ParsedTwiml =
  { readonly ok: true; readonly actions: readonly Action[] } | { readonly ok: false; readonly reason: string };

// fast-xml-parser's ordered output: each node maps its tag name to its children, attributes under ':@'.
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Keep text as sent: "123" must stay a string, and spaces in a body matter.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Decodes numeric character references (&#xD; from the Twilio helper) besides the five XML entities.
  htmlEntities: true,
});

/** An element's tag, undefined for a text node: the parser puts a node's tag (or `#text`) first, before its `:@`. */
function tagOf(node: XmlNode): string | undefined {
  const [key] = Object.keys(node);
  return key === '#text' ? undefined : key;
}

// The parser's shapes, as configured above: an element's children are a list, its attributes and
// a text node's text are strings (parseTagValue and parseAttributeValue off).
const childrenOf = (node: XmlNode, tag: string): XmlNode[] => node[tag] as XmlNode[];

const attribute = (node: XmlNode, name: string): string | undefined =>
  (node[':@'] as Record<string, string> | undefined)?.[name];

/** The text nodes' text, joined (an element node has no `#text`). */
const textOf = (nodes: readonly XmlNode[]): string =>
  nodes.map((n) => (n['#text'] as string | undefined) ?? '').join('');

/** `<Message>text</Message>`, or `<Message><Body>text</Body><Media>url</Media></Message>`. */
function readMessage(node: XmlNode, verb: string): TwimlMessage {
  const children = childrenOf(node, verb);
  const nouns = children.filter((c) => tagOf(c) !== undefined);
  const bodies = nouns.filter((c) => tagOf(c) === 'Body').map((c) => textOf(childrenOf(c, 'Body')));
  const direct = textOf(children);
  // With nouns present, text between them is only indentation.
  const body = nouns.length === 0 ? direct : [direct.trim(), ...bodies].join('');
  const media = nouns.filter((c) => tagOf(c) === 'Media').map((c) => textOf(childrenOf(c, 'Media')).trim());
  return { to: attribute(node, 'to'), from: attribute(node, 'from'), body, media };
}

function readAction(node: XmlNode, verb: string): Action {
  // <Sms> is the deprecated name of <Message>; Twilio still accepts it.
  if (verb === 'Message' || verb === 'Sms') return { kind: 'message', ...readMessage(node, verb) };
  if (verb === 'Redirect') return { kind: 'redirect', url: textOf(childrenOf(node, verb)).trim() };
  return { kind: 'unknown', verb };
}

/**
 * Reads an answer the way Twilio must: well-formed XML whose one root element is `<Response>`.
 * The validator alone accepts several roots and text after the root, so both are checked here.
 */
export function parseTwiml(text: string): ParsedTwiml {
  if (text.trim() === '') return { ok: false, reason: 'the answer is empty: Twilio needs TwiML, at least <Response/>' };
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line } = validation.err;
    return { ok: false, reason: `the answer is not well-formed XML (line ${line}: ${msg})` };
  }
  if (!text.trimEnd().endsWith('>')) return { ok: false, reason: 'the answer has text after its root element' };
  const roots = (parser.parse(text) as XmlNode[]).filter((n) => !tagOf(n)?.startsWith('?'));
  // At least one: the validator refuses a document without an element.
  const tags = roots.map(tagOf);
  if (tags.length !== 1 || tags[0] !== 'Response') {
    return {
      ok: false,
      reason: `the root element must be one <Response>, found ${tags.map((t) => `<${t}>`).join(', ')}`,
    };
  }
  const actions: Action[] = [];
  for (const child of childrenOf(roots[0], 'Response')) {
    const verb = tagOf(child);
    if (verb !== undefined) actions.push(readAction(child, verb));
  }
  return { ok: true, actions };
}
