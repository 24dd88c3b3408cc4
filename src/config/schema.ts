/**
 * The one definition of what configuration is valid: the build, the functions at run time and
 * (later) the exported JSON Schema all read it. Messages say what is wrong and how to fix it.
 */
import * as v from 'valibot';
import { E164 } from '../routing/phone';
import { MODES } from '../routing/rule';
import { MAX_BODY, placeholdersIn, xmlSafe } from '../routing/text';
import { MAX_MESSAGES } from '../routing/decide';
import { isTimeZone, parseWindow } from '../routing/hours';
import { MAX_MEDIA } from '../routing/inbound';
import { isReservedKeyword } from '../routing/keywords';
import { PATTERN } from '../routing/patterns';
import { MAX_EMAIL, TARGET, normalTarget } from '../routing/targets';
import { parseDuration } from './duration';

export const FORWARD_PLACEHOLDERS = ['From', 'To', 'Body'];

/**
 * valibot's object and record schemas read a list as an object keyed "0", "1"...: `"+15005550006": []`
 * would pass as an empty entry, `"keywords": ["HOURS"]` answer "HOURS" to a text "0". Put before one.
 */
const notAList = (message: string) => v.check((input: unknown) => !Array.isArray(input), message);

/** A strict object (lists refused) whose unknown-key error lists the keys it takes. */
function strictObject<const T extends v.ObjectEntries>(entries: T, what: string) {
  const keys = Object.keys(entries).join(', ');
  return v.pipe(
    v.unknown(),
    notAList(`must be an object (${what}), not a list`),
    v.strictObject(entries, (issue) => {
      if (issue.expected === 'never') return `unknown key ${issue.received}: ${what} takes only ${keys}`;
      if (issue.expected === 'Object') return `must be an object (${what}), not ${issue.received}`;
      // What is left is a required key that is absent, reported at the key itself (expected: `"timeZone"`).
      return `is missing: ${what} needs ${issue.expected}`;
    }),
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

/** A key of `numbers` (so always a string) that must be an E.164 number. */
export const PhoneNumber = v.pipe(
  v.string(),
  v.regex(
    E164,
    (issue) =>
      `${issue.received} is not an E.164 number: ` +
      'write + country code and number, no spaces or dashes (e.g. +15551230000)',
  ),
);

export const ModeName = v.picklist(
  MODES,
  (issue) => `${issue.received} is not a mode: use "auto-reply", "forward" or "ignore"`,
);

/** Phones, email addresses and Slack together: TwiML sends at most 10 messages per answer (14109). */
export const MAX_TARGETS = MAX_MESSAGES;

/** What a target that is none says: the fix depends on what it looks like. */
function targetProblem(received: string, input: string): string {
  if (/^\s*[+(\d]/.test(input))
    return (
      `${received} is not an E.164 number: ` +
      'write + country code and number, no spaces or dashes (e.g. +15551230000)'
    );
  if (input.includes('@')) return `${received} is not an email address: write it as name@example.com`;
  return (
    `${received} is not a target: write an E.164 number (+15551230000), ` +
    'an email address (owner@example.com) or slack'
  );
}

/** A forwarding target: an E.164 number, an email address, or `slack` in any case (read as `slack`). */
export const Target = v.pipe(
  v.string('must be a target in quotes: a phone number, an email address or "slack"'),
  v.regex(TARGET, (issue) => targetProblem(issue.received, String(issue.input))),
  v.check(
    // The pipe goes on after a refused target: only an address is measured (a number has at most 15 digits).
    (text: string) => !text.includes('@') || text.length <= MAX_EMAIL,
    `is longer than ${MAX_EMAIL} characters: no email address is`,
  ),
  v.transform(normalTarget),
);

export const Targets = v.pipe(
  v.array(Target, 'must be a list of targets, e.g. ["+15551230000", "owner@example.com", "slack"]'),
  v.minLength(1, 'is empty: list at least one target, or leave it out to use FORWARD_TO'),
  v.maxLength(
    MAX_TARGETS,
    (issue) =>
      `has ${issue.received} targets: at most ${MAX_TARGETS} ` +
      '(phones, email addresses and slack together); split them across Twilio numbers',
  ),
);

/**
 * The TwiML builder throws on characters XML 1.0 forbids (NUL, most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF): a configured text holding one would silence every answer.
 */
const xmlText = (what: string) =>
  v.check(
    (text: string) => xmlSafe(text) === text,
    'contains a control character or another character XML cannot carry, ' +
      `so it could never be sent: remove it from the ${what}`,
  );

const text = (what: string) =>
  v.pipe(
    v.string(`must be text in quotes (${what})`),
    v.nonEmpty(`is empty: write the ${what}, or leave it out for the default`),
    xmlText(what),
    v.maxLength(
      MAX_BODY,
      (issue) => `is ${issue.received} characters long: an SMS body holds at most ${MAX_BODY}; shorten it`,
    ),
  );

export const REPLY_PLACEHOLDERS = ['From', 'To', 'opens'];

export const ReplyText = v.pipe(text('reply text'), placeholders(REPLY_PLACEHOLDERS));
export const ForwardTemplate = v.pipe(text('forward template'), placeholders(FORWARD_PLACEHOLDERS));

export const MediaUrl = v.pipe(
  v.string('must be a URL in quotes'),
  xmlText('URL'),
  v.regex(
    /^https?:\/\/[^\s]+$/,
    (issue) =>
      `${issue.received} is not an http(s) URL: give the full public address of the image or vCard, e.g. "https://example.com/card.vcf"`,
  ),
);
export const MediaList = v.pipe(
  v.array(MediaUrl, 'must be a list of URLs, e.g. ["https://example.com/card.vcf"]'),
  v.maxLength(MAX_MEDIA, `has more than ${MAX_MEDIA} URLs: a message carries at most ${MAX_MEDIA} media`),
);

export const Keyword = v.pipe(
  v.string(),
  v.regex(
    /^[A-Za-z0-9]+$/,
    (issue) => `keyword ${issue.received} is not one word: use letters and digits only, e.g. "HOURS"`,
  ),
  v.check(
    (word: string) => !isReservedKeyword(word),
    (issue) =>
      `keyword "${String(issue.input)}" is an opt-out, opt-in or help keyword that Twilio answers itself: ` +
      'a second answer would double-reply; choose another word',
  ),
);
export const Keywords = v.pipe(
  v.unknown(),
  notAList('is a list where an object belongs: write { "HOURS": "Open 9-5, Mon-Fri" }'),
  v.record(Keyword, ReplyText, 'must be an object of keyword to reply text, e.g. { "HOURS": "Open 9-5, Mon-Fri" }'),
  v.description('Answers by first word of the message (any case), instead of the mode.'),
);

export const Patterns = v.pipe(
  v.array(
    v.pipe(
      v.string(),
      v.regex(
        PATTERN,
        (issue) => `${issue.received} is neither an E.164 number nor a prefix: write e.g. "+15551230000" or "+1900*"`,
      ),
    ),
    'must be a list of numbers or prefixes, e.g. ["+1900*", "+15551230000"]',
  ),
  v.description('E.164 numbers, or prefixes ending in * (e.g. "+1900*").'),
);

export const Duration = v.pipe(
  v.string('must be a duration in quotes, e.g. "12h"'),
  v.check(
    (text: string) => parseDuration(text) !== undefined,
    (issue) =>
      `${JSON.stringify(issue.input)} is not a duration: write a number and m, h or d, from 1m to 365d, e.g. "12h"`,
  ),
);

const Window = v.pipe(
  v.string('must be a window in quotes, e.g. "Mon-Fri 09:00-17:00"'),
  v.check(
    (text: string) => typeof parseWindow(text) !== 'string',
    (issue) => `${JSON.stringify(issue.input)}: ${String(parseWindow(String(issue.input)))}`,
  ),
);

const LocalDate = v.pipe(
  v.string(),
  v.isoDate((issue) => `${issue.received} is not a date: write YYYY-MM-DD, e.g. "2026-12-25"`),
);

const TimeZone = v.pipe(
  v.string('must be an IANA time zone in quotes, e.g. "America/New_York"'),
  v.check(
    (zone: string) => isTimeZone(zone),
    (issue) =>
      `${JSON.stringify(issue.input)} is not an IANA time zone: use e.g. "America/New_York" or "Europe/London"`,
  ),
);

/** A schema with what it means, for editors (the exported JSON Schema's `description`). */
const described = <S extends v.GenericSchema>(schema: S, text: string) => v.pipe(schema, v.description(text));

/** The fields that say what a mode does: an entry's own, and those for outside business hours. */
const ruleFields = {
  mode: v.optional(
    described(ModeName, 'What happens to a message: auto-reply, forward or ignore. Left out: DEFAULT_MODE.'),
  ),
  to: v.optional(
    described(
      Targets,
      'forward: 1 to 10 targets: E.164 numbers, email addresses (sent with SendGrid) or "slack" ' +
        '(SLACK_WEBHOOK_URL). Left out: FORWARD_TO.',
    ),
  ),
  template: v.optional(
    described(
      ForwardTemplate,
      'forward: the forwarded text, with {From}, {To} and {Body}. Left out: FORWARD_TEMPLATE.',
    ),
  ),
  message: v.optional(
    described(
      ReplyText,
      'auto-reply: the reply, with {From}, {To} and (outside hours) {opens}. Left out: AUTO_REPLY_MESSAGE.',
    ),
  ),
  media: v.optional(described(MediaList, 'auto-reply: URLs of media sent with the reply (an image, a vCard).')),
};

export const OutsideHours = strictObject({ ...ruleFields, mode: ModeName }, 'hours.outside');

export const Hours = strictObject(
  {
    timeZone: described(TimeZone, 'IANA time zone of the opening hours, e.g. "America/New_York".'),
    open: v.pipe(
      v.array(Window, 'must be a list of windows, e.g. ["Mon-Fri 09:00-17:00", "Sat 10:00-14:00"]'),
      v.minLength(1, 'is empty: list at least one window'),
      v.description('Weekly opening windows, e.g. ["Mon-Fri 09:00-17:00", "Sat 10:00-14:00"].'),
    ),
    closed: v.optional(
      described(
        v.array(LocalDate, 'must be a list of dates, e.g. ["2026-12-25"]'),
        'Local dates closed all day (YYYY-MM-DD).',
      ),
    ),
    outside: described(OutsideHours, 'What happens outside the opening hours: a mode and its fields.'),
  },
  'hours',
);

export const NumberEntry = strictObject(
  {
    ...ruleFields,
    keywords: v.optional(Keywords),
    block: v.optional(Patterns),
    allow: v.optional(Patterns),
    hours: v.optional(described(Hours, 'Business hours: the entry applies inside them, "outside" applies outside.')),
    replyOncePer: v.optional(
      described(Duration, 'At most one auto-reply per sender per this long, e.g. "12h" (needs SYNC_SERVICE_SID).'),
    ),
  },
  'a number entry',
);

export const RoutingFile = strictObject(
  {
    $schema: v.optional(v.string('must be the path or URL of a JSON Schema')),
    keywords: v.optional(Keywords),
    block: v.optional(Patterns),
    allow: v.optional(Patterns),
    numbers: v.optional(
      v.pipe(
        v.unknown(),
        notAList('is a list where an object belongs: write { "+15005550006": { "mode": "ignore" } }'),
        v.record(
          PhoneNumber,
          NumberEntry,
          'must be an object keyed by E.164 number, e.g. { "+15005550006": { "mode": "ignore" } }',
        ),
      ),
      {},
    ),
  },
  'the routing file',
);

export type RuleFields = v.InferOutput<typeof OutsideHours> | v.InferOutput<typeof NumberEntry>;
export type NumberEntry = v.InferOutput<typeof NumberEntry>;
export type RoutingFile = v.InferOutput<typeof RoutingFile>;
