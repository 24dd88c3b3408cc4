/**
 * Valid configurations, generated: an environment and (maybe) a routing file using every
 * feature (modes, targets, templates, media, keywords, block/allow lists, business hours,
 * replyOncePer). Each is checked with the project's own loadConfig: a generated configuration
 * the build would refuse is a defect of this generator, reported as such.
 */
import fc from 'fast-check';
import { ForwardTemplate, Keyword, ReplyText } from '../../src/config/schema';
import { validate } from '../../src/config/issues';
import { loadConfig, type Config } from '../../src/config/load';
import { formatProblem } from '../../src/config/problem';
import { ANSWERED, INJECTION, POOL, RECEIVING, SYNC_SID, TARGETS } from './numbers';
import { longText, textWith } from './text-arbitraries';

type Mode = 'auto-reply' | 'forward' | 'ignore';

export interface RuleFields {
  mode?: Mode;
  to?: string[];
  template?: string;
  message?: string;
  media?: string[];
}
export interface Entry extends RuleFields {
  keywords?: Record<string, string>;
  block?: string[];
  allow?: string[];
  hours?: { timeZone: string; open: string[]; closed?: string[]; outside: RuleFields & { mode: Mode } };
  replyOncePer?: string;
}
export interface RoutingFileShape {
  $schema?: string;
  keywords?: Record<string, string>;
  block?: string[];
  allow?: string[];
  numbers: Record<string, Entry>;
}

export interface GeneratedConfig {
  /** The environment, every value a string as the runtime hands it over. */
  readonly env: Record<string, string>;
  /** The routing file, when there is one. */
  readonly routing?: RoutingFileShape;
}

const MODES: readonly Mode[] = ['auto-reply', 'forward', 'ignore'];
const mode = fc.constantFrom(...MODES);
const placeholder = (names: readonly string[]) => fc.constantFrom(...names.map((n) => `{${n}}`), INJECTION);
const valid = (schema: typeof ReplyText | typeof ForwardTemplate) => (text: string) =>
  validate(schema, text).problems.length === 0;

/** Configured text may hold anything but what XML can't carry (the build refuses that: tests/security). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const carried = (text: fc.Arbitrary<string>) => text.map((t) => t.replace(FORBIDDEN, ''));

const replyText = (names: readonly string[]) =>
  carried(fc.oneof(textWith(placeholder(names)), longText)).filter(valid(ReplyText));
const entryReply = replyText(['From', 'To']);
const outsideReply = replyText(['From', 'To', 'opens']);
const template = carried(
  fc.oneof(
    textWith(placeholder(['From', 'To', 'Body'])),
    longText,
    fc.constantFrom('{Body}', '{From}: {Body}', '{Body}{Body}{Body}'),
  ),
).filter(valid(ForwardTemplate));

const mediaUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('https://example.com/card.vcf', 'http://example.com/a?b=1&c=<2>', 'https://example.com/"quoted"'),
);
const media = fc.array(mediaUrl, { minLength: 1, maxLength: 10 });
const targets = fc.subarray([...TARGETS], { minLength: 1 });
const patterns = fc.subarray([...POOL, '+1900*', '+1555*', '+44*', '+1*', '+3361234567*']);
const keywordWord = fc
  .oneof(fc.constantFrom(...ANSWERED), fc.stringMatching(/^[A-Za-z0-9]{1,6}$/))
  .filter((w) => validate(Keyword, w).problems.length === 0);
const keywords = fc.dictionary(keywordWord, fc.oneof(entryReply, outsideReply), { maxKeys: 3 });
const duration = fc.constantFrom('1m', '30m', '12h', '7d', '365d');

const day = fc.constantFrom('Sun', 'Mon', 'tue', 'Wed', 'Thu', 'FRI', 'Sat');
const days = fc.oneof(
  day,
  fc.tuple(day, day).map(([a, b]) => `${a}-${b}`),
  fc.constant('Daily'),
  fc.uniqueArray(day, { minLength: 1, maxLength: 3 }).map((d) => d.join(',')),
);
const hhmm = (minute: number) =>
  minute === 1440
    ? '24:00'
    : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const window = fc
  .tuple(days, fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }))
  .map(([d, start, length]) => `${d} ${hhmm(start)}-${hhmm(Math.min(1440, start + length))}`);
const localDate = fc
  .date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function fieldsFor(m: Mode | undefined, reply: fc.Arbitrary<string>): fc.Arbitrary<RuleFields> {
  switch (m) {
    case 'auto-reply':
      return fc.record({ mode: fc.constant(m), message: reply, media }, { requiredKeys: ['mode'] });
    case 'forward':
      return fc.record({ mode: fc.constant(m), to: targets, template }, { requiredKeys: ['mode'] });
    case 'ignore':
      return fc.constant({ mode: m });
    case undefined:
      return fc.constant({});
  }
}

const outside = mode.chain((m) => fieldsFor(m, outsideReply)) as fc.Arbitrary<RuleFields & { mode: Mode }>;
const hours = fc.record(
  {
    timeZone: fc.constantFrom(
      'America/New_York',
      'Europe/London',
      'Asia/Kolkata',
      'UTC',
      'Pacific/Chatham',
      'Australia/Lord_Howe',
    ),
    open: fc.array(window, { minLength: 1, maxLength: 3 }),
    closed: fc.array(localDate, { maxLength: 5 }),
    outside,
  },
  { requiredKeys: ['timeZone', 'open', 'outside'] },
);

/** Present in one case out of `odds`: a block or allow list in every case would silence most messages. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: odds - 1 }, { arbitrary, weight: 1 });

/** Drops the keys whose value is undefined, as JSON would. */
const defined = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const entry: fc.Arbitrary<Entry> = fc
  .tuple(
    fc.option(mode, { nil: undefined }).chain((m) => fieldsFor(m, entryReply)),
    fc.record({
      keywords: sometimes(keywords, 3),
      block: sometimes(patterns, 6),
      allow: sometimes(patterns, 8),
      hours: sometimes(hours, 2),
      replyOncePer: sometimes(duration, 4),
    }),
  )
  .map(([fields, extra]) => defined({ ...fields, ...extra }));

const routingFile: fc.Arbitrary<RoutingFileShape> = fc
  .record({
    $schema: sometimes(fc.constant('../schema/routing.schema.json'), 2),
    keywords: sometimes(keywords, 3),
    block: sometimes(patterns, 6),
    allow: sometimes(patterns, 8),
    numbers: fc.dictionary(fc.constantFrom(...RECEIVING), entry, { maxKeys: 3 }),
  })
  .map(defined);

const envArbitrary = fc.record(
  {
    AUTO_REPLY_MESSAGE: fc.oneof(entryReply, fc.constant('')),
    FORWARD_TO: fc
      .subarray([...TARGETS])
      .chain((list) => fc.constantFrom(list.join(','), list.join(' , '), ` ${list.join(',')},`)),
    FORWARD_TEMPLATE: template,
    DEFAULT_MODE: mode,
    AUTO_REPLY_MEDIA_URL: mediaUrl,
    AUTO_REPLY_ONCE_PER: duration,
    SYNC_SERVICE_SID: fc.constant(SYNC_SID),
    LOG_LEVEL: fc.constantFrom('info', 'warn'),
  },
  { requiredKeys: [] },
);

const forwardsWithoutTargets = (fields: RuleFields, defaultMode: string): boolean =>
  (fields.mode ?? defaultMode) === 'forward' && fields.to === undefined;

/** Adds what the build would otherwise refuse the configuration for: FORWARD_TO, SYNC_SERVICE_SID. */
function repaired(env: Record<string, string>, routing: RoutingFileShape | undefined): GeneratedConfig {
  const fixed: Record<string, string> = { ...env };
  const defaultMode = fixed.DEFAULT_MODE ?? 'auto-reply';
  const entries = Object.values(routing?.numbers ?? {});
  const needsForwardTo =
    defaultMode === 'forward' ||
    entries.some(
      (e) =>
        forwardsWithoutTargets(e, defaultMode) ||
        (e.hours !== undefined && forwardsWithoutTargets(e.hours.outside, defaultMode)),
    );
  if (needsForwardTo && (fixed.FORWARD_TO ?? '').trim().replace(/,/g, '') === '') fixed.FORWARD_TO = TARGETS[0];
  if (fixed.AUTO_REPLY_ONCE_PER !== undefined || entries.some((e) => e.replyOncePer !== undefined))
    fixed.SYNC_SERVICE_SID = SYNC_SID;
  return routing === undefined ? { env: fixed } : { env: fixed, routing };
}

export const configArbitrary: fc.Arbitrary<GeneratedConfig> = fc
  .tuple(envArbitrary, fc.option(routingFile, { nil: undefined, freq: 3 }))
  .map(([env, routing]) => repaired(env, routing));

/** The configuration as the functions read it; throws when the build would refuse it. */
export function load(generated: GeneratedConfig): Config {
  const text = generated.routing === undefined ? undefined : JSON.stringify(generated.routing);
  const { config, problems } = loadConfig(generated.env, text);
  const errors = problems.filter((p) => p.level === 'error');
  if (errors.length > 0)
    throw new Error(`the generator made an invalid configuration:\n${errors.map(formatProblem).join('\n')}`);
  return config;
}

/** Numbers a forward from `to` may send to: FORWARD_TO, and every target its routing entry names. */
export function configuredTargets(generated: GeneratedConfig, receiving: string | undefined): Set<string> {
  const found = new Set(
    (generated.env.FORWARD_TO ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== ''),
  );
  const entry = receiving === undefined ? undefined : generated.routing?.numbers[receiving];
  for (const list of [entry?.to, entry?.hours?.outside.to]) for (const n of list ?? []) found.add(n);
  return found;
}

/** The receiving number is set to ignore, with no keyword answers and no hours: nothing may be sent. */
export function ignores(generated: GeneratedConfig, receiving: string): boolean {
  const entry = generated.routing?.numbers[receiving];
  const mode = entry?.mode ?? generated.env.DEFAULT_MODE ?? 'auto-reply';
  const keywords = { ...generated.routing?.keywords, ...entry?.keywords };
  return mode === 'ignore' && entry?.hours === undefined && Object.keys(keywords).length === 0;
}

/** This service's own numbers as the receiving number sees them: the routing file's keys, and itself. */
export function ownNumbers(generated: GeneratedConfig, receiving: string): Set<string> {
  return new Set([...Object.keys(generated.routing?.numbers ?? {}), receiving]);
}
