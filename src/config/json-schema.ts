import { toJsonSchema } from '@valibot/to-json-schema';
import { RoutingFile } from './schema';

/** Where the exported schema lives: outside assets/, so it never deploys. */
export const JSON_SCHEMA_FILE = 'schema/routing.schema.json';

/**
 * What each key means, for editors. Kept here rather than in ./schema.ts: the functions validate
 * with those schemas, and they would otherwise carry these texts (over a kilobyte) in every
 * deployed bundle (30 KB budget each, bench/).
 */
const LISTS = {
  keywords: 'Answers by first word of the message (any case), instead of the mode.',
  block: 'E.164 numbers, or prefixes ending in * (e.g. "+1900*").',
  allow: 'E.164 numbers, or prefixes ending in * (e.g. "+1900*").',
};
const RULE_FIELDS = {
  to: 'forward: 1 to 10 E.164 numbers to forward to. Left out: FORWARD_TO.',
  template: 'forward: the forwarded text, with {From}, {To} and {Body}. Left out: FORWARD_TEMPLATE.',
  message: 'auto-reply: the reply, with {From}, {To} and (outside hours) {opens}. Left out: AUTO_REPLY_MESSAGE.',
  media: 'auto-reply: URLs of media sent with the reply (an image, a vCard).',
};
const ENTRY = {
  mode: 'What happens to a message: auto-reply, forward or ignore. Left out: DEFAULT_MODE.',
  ...RULE_FIELDS,
  ...LISTS,
  hours: 'Business hours: the entry applies inside them, "outside" applies outside.',
  replyOncePer: 'At most one auto-reply per sender per this long, e.g. "12h" (needs SYNC_SERVICE_SID).',
};
const HOURS = {
  timeZone: 'IANA time zone of the opening hours, e.g. "America/New_York".',
  open: 'Weekly opening windows, e.g. ["Mon-Fri 09:00-17:00", "Sat 10:00-14:00"].',
  closed: 'Local dates closed all day (YYYY-MM-DD).',
  outside: 'What happens outside the opening hours: a mode and its fields.',
};

type Node = { properties?: Record<string, unknown>; additionalProperties?: unknown; description?: string };
const node = (value: unknown): Node => (typeof value === 'object' && value !== null ? (value as Node) : {});
const property = (parent: Node, key: string): Node => node(parent.properties?.[key]);

/** Adds each text as the `description` of the property it names (last, where valibot put it). */
function describe(parent: Node, texts: Readonly<Record<string, string>>): void {
  for (const [key, text] of Object.entries(texts)) {
    const target = parent.properties?.[key];
    if (typeof target === 'object' && target !== null) (target as Node).description = text;
  }
}

/**
 * The routing file's JSON Schema, for editors, from the one schema definition in code.
 * Checks that JSON Schema cannot say (time zones, windows, keywords Twilio reserves, loops)
 * are left to `npm run build`.
 */
export function routingJsonSchema(): object {
  const { $schema: _draft, ...schema } = toJsonSchema(RoutingFile, { errorMode: 'ignore' });
  const root = node(schema);
  describe(root, LISTS);
  const entry = node(property(root, 'numbers').additionalProperties);
  describe(entry, ENTRY);
  const hours = property(entry, 'hours');
  describe(hours, HOURS);
  describe(property(hours, 'outside'), RULE_FIELDS);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'SMS Switchboard routing file (assets/routing.private.json)',
    ...schema,
  };
}

export const routingJsonSchemaText = (): string => `${JSON.stringify(routingJsonSchema(), null, 2)}\n`;
