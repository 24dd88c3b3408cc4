/**
 * The one definition of what configuration is valid: the build, the functions at run time and
 * (later) the exported JSON Schema all read it. Messages say what is wrong and how to fix it.
 */
import * as v from 'valibot';
import { E164 } from '../routing/phone';
import { MODES } from '../routing/rule';
import { MAX_BODY, placeholdersIn } from '../routing/text';
import { MAX_MESSAGES } from '../routing/decide';

export const FORWARD_PLACEHOLDERS = ['From', 'To', 'Body'];

/** A strict object whose unknown-key error lists the keys it takes. */
function strictObject<const T extends v.ObjectEntries>(entries: T, what: string) {
  const keys = Object.keys(entries).join(', ');
  return v.strictObject(entries, (issue) =>
    issue.expected === 'never'
      ? `unknown key ${issue.received}: ${what} takes only ${keys}`
      : `must be an object (${what}), not ${issue.received}`,
  );
}

function placeholders(allowed: readonly string[]) {
  const list = allowed.map((name) => `{${name}}`).join(', ');
  return v.check(
    (text: string) => placeholdersIn(text).every((name) => allowed.includes(name)),
    (issue: v.CheckIssue<string>) => {
      const unknown = placeholdersIn(String(issue.input)).filter((name) => !allowed.includes(name));
      return `unknown placeholder {${unknown[0]}}: use ${list}`;
    },
  );
}

export const PhoneNumber = v.pipe(
  v.string('must be a phone number in quotes, e.g. "+15551230000"'),
  v.regex(E164, (issue) => `${issue.received} is not an E.164 number: write + country code and number, no spaces or dashes (e.g. +15551230000)`),
);

export const ModeName = v.picklist(MODES, (issue) => `${issue.received} is not a mode: use "auto-reply", "forward" or "ignore"`);

export const Targets = v.pipe(
  v.array(PhoneNumber, 'must be a list of numbers, e.g. ["+15551230000"]'),
  v.minLength(1, 'is empty: list at least one number, or leave it out to use FORWARD_TO'),
  v.maxLength(MAX_MESSAGES, (issue) => `has ${issue.received.replace(/\D/g, '')} numbers: at most ${MAX_MESSAGES} (TwiML sends at most ${MAX_MESSAGES} messages per answer); split them across Twilio numbers`),
);

const text = (what: string) =>
  v.pipe(
    v.string(`must be text in quotes (${what})`),
    v.nonEmpty(`is empty: write the ${what}, or leave it out for the default`),
    v.maxLength(MAX_BODY, (issue) => `is ${issue.received.replace(/\D/g, '')} characters long: an SMS body holds at most ${MAX_BODY}; shorten it`),
  );

export const ReplyText = text('reply text');
export const ForwardTemplate = v.pipe(text('forward template'), placeholders(FORWARD_PLACEHOLDERS));

export const NumberEntry = strictObject(
  {
    mode: v.optional(ModeName),
    to: v.optional(Targets),
    template: v.optional(ForwardTemplate),
    message: v.optional(ReplyText),
  },
  'a number entry',
);

export const RoutingFile = strictObject(
  {
    $schema: v.optional(v.string('must be the path or URL of a JSON Schema')),
    numbers: v.optional(v.record(PhoneNumber, NumberEntry, 'must be an object keyed by E.164 number, e.g. { "+15005550006": { "mode": "ignore" } }'), {}),
  },
  'the routing file',
);

export type NumberEntry = v.InferOutput<typeof NumberEntry>;
export type RoutingFile = v.InferOutput<typeof RoutingFile>;
