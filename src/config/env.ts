import * as v from 'valibot';
import type { Mode } from '../routing/rule';
import { validate } from './issues';
import { error, warning, type Problem } from './problem';
import { Duration, ForwardTemplate, MAX_TARGETS, MediaUrl, ModeName, ReplyText, Target } from './schema';
import { parseDuration } from './duration';
import { DELIVERY_DEFAULTS, DELIVERY_ENV_NAMES, readDeliveryEnv, type DeliverySettings } from './delivery-env';
import { milliseconds } from './milliseconds';

/** The environment variables the functions read: the public interface, names kept exactly. */
export interface EnvConfig {
  readonly autoReplyMessage: string;
  /** Phones (E.164), email addresses and `slack`, at most 10 in all. */
  readonly forwardTo: readonly string[];
  readonly forwardTemplate: string;
  readonly defaultMode: Mode;
  /** Media sent with every auto-reply (AUTO_REPLY_MEDIA_URL). */
  readonly autoReplyMedia: readonly string[];
  /** Seconds during which a sender gets no second auto-reply (AUTO_REPLY_ONCE_PER); needs Sync. */
  readonly autoReplyOncePer?: number;
  /** The Twilio Sync service that remembers last senders and auto-replies (SYNC_SERVICE_SID). */
  readonly syncServiceSid?: string;
  /** How long all of one message's Sync reads and writes may take together, in ms (SYNC_TIMEOUT_MS). */
  readonly syncTimeoutMs: number;
  /**
   * Memory kept in the function's process instead of Sync (SWITCHBOARD_LOCAL_MEMORY=1): set by
   * `npm start` and `npm run dev` for the local runtime, never deployed.
   */
  readonly localMemory: boolean;
  /** Email (SendGrid) and Slack forwards. */
  readonly deliveries: DeliverySettings;
}

export const DEFAULTS: EnvConfig = {
  autoReplyMessage: 'Thanks for your message. We have received it and will get back to you soon.',
  forwardTo: [],
  forwardTemplate: '{From}: {Body}',
  defaultMode: 'auto-reply',
  autoReplyMedia: [],
  syncTimeoutMs: 2000,
  localMemory: false,
  deliveries: DELIVERY_DEFAULTS,
};

/**
 * Twilio stops a Function at 10 s (the message is then lost, error 11200), and its answer should
 * leave within 5 s whatever Sync does: Sync gets 4 s at most, the routing the rest.
 */
export const MAX_SYNC_TIMEOUT_MS = 4000;

/** Every variable the functions read. */
export const ENV_NAMES = [
  'AUTO_REPLY_MESSAGE',
  'AUTO_REPLY_MEDIA_URL',
  'AUTO_REPLY_ONCE_PER',
  'FORWARD_TO',
  'FORWARD_TEMPLATE',
  'DEFAULT_MODE',
  'SYNC_SERVICE_SID',
  'SYNC_TIMEOUT_MS',
  'SWITCHBOARD_LOCAL_MEMORY',
  'SWITCHBOARD_PRINT_DELIVERIES',
  ...DELIVERY_ENV_NAMES,
  'LOG_LEVEL',
] as const;

const SyncServiceSid = v.pipe(
  v.string(),
  v.regex(
    /^IS[0-9a-fA-F]{32}$/,
    'is not a Sync service SID (IS followed by 32 hex digits): copy it from Console > Sync > Services',
  ),
);

/** A duration as its seconds: the check has already refused what does not parse. */
const DurationSeconds = v.pipe(Duration, v.transform(parseDuration));

const SyncTimeout = milliseconds(MAX_SYNC_TIMEOUT_MS, DEFAULTS.syncTimeoutMs, 'Sync');

export type Environment = Readonly<Record<string, unknown>>;

/** A variable's value; an empty value counts as unset: the Toolkit drops empty variables when it deploys. */
export function setting(env: Environment, name: string): string | undefined {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Reads the environment. Each invalid value is reported and replaced by its default (or, for
 * FORWARD_TO, left out), so a function always has a usable configuration.
 */
export function readEnv(env: Environment): { env: EnvConfig; problems: Problem[] } {
  const problems: Problem[] = [];
  function one<S extends v.GenericSchema>(name: string, schema: S, fallback: v.InferOutput<S>): v.InferOutput<S> {
    const raw = setting(env, name);
    if (raw === undefined) return fallback;
    const result = validate(schema, raw, name);
    problems.push(...result.problems);
    return result.output ?? fallback;
  }
  const forwardTo: string[] = [];
  const list = setting(env, 'FORWARD_TO');
  if (list !== undefined) {
    const items = list
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    items.forEach((item, i) => {
      const result = validate(Target, item, `FORWARD_TO[${i}]`);
      problems.push(...result.problems);
      if (result.output !== undefined && !forwardTo.includes(result.output)) forwardTo.push(result.output);
    });
    if (forwardTo.length > MAX_TARGETS) {
      problems.push(
        error(
          'FORWARD_TO',
          `has ${forwardTo.length} targets: at most ${MAX_TARGETS} (phones, email addresses and slack together); ` +
            `only the first ${MAX_TARGETS} are used`,
        ),
      );
      forwardTo.length = MAX_TARGETS;
    }
  }
  return {
    env: {
      autoReplyMessage: one('AUTO_REPLY_MESSAGE', ReplyText, DEFAULTS.autoReplyMessage),
      forwardTo,
      forwardTemplate: one('FORWARD_TEMPLATE', ForwardTemplate, DEFAULTS.forwardTemplate),
      defaultMode: one('DEFAULT_MODE', ModeName, DEFAULTS.defaultMode),
      autoReplyMedia: [one('AUTO_REPLY_MEDIA_URL', MediaUrl, '')].filter((url) => url !== ''),
      autoReplyOncePer: one('AUTO_REPLY_ONCE_PER', DurationSeconds, undefined),
      syncServiceSid: one('SYNC_SERVICE_SID', SyncServiceSid, '') || undefined,
      syncTimeoutMs: one('SYNC_TIMEOUT_MS', SyncTimeout, DEFAULTS.syncTimeoutMs),
      // Set by the local commands only (checkLocalOnly warns when .env sets it): '1' or nothing.
      localMemory: setting(env, LOCAL_MEMORY)?.trim() === '1',
      deliveries: readDeliveryEnv(one, setting(env, PRINT_DELIVERIES)?.trim() === '1'),
    },
    problems,
  };
}

const LogLevel = v.picklist(
  ['warn', 'info', 'debug'],
  (issue) => `${issue.received} is not a log level: use info or debug, or leave it unset (warnings and errors only)`,
);

/**
 * LOG_LEVEL, for the build: src/runtime/log.ts reads it from the context as it is (an unknown
 * level logs warnings and errors only), so the functions have nothing to report about it.
 */
export function checkLogLevel(env: Environment): Problem[] {
  const raw = setting(env, 'LOG_LEVEL');
  return raw === undefined ? [] : validate(LogLevel, raw, 'LOG_LEVEL').problems;
}

/**
 * Set by `npm start` and `npm run dev` in the functions' context, never in .env, never deployed:
 * loaded without them, as deployed, the functions behave as deployed.
 */
export const LOCAL_MEMORY = 'SWITCHBOARD_LOCAL_MEMORY';
export const PRINT_DELIVERIES = 'SWITCHBOARD_PRINT_DELIVERIES';
export const LOCAL_ONLY: readonly string[] = [LOCAL_MEMORY, PRINT_DELIVERIES];

/**
 * For the build: a local-only variable written into `.env` is overridden by npm start and npm run dev, and
 * withheld by npm run deploy, so it does nothing but mislead; the ordinary Toolkit would upload it.
 */
export function checkLocalOnly(env: Environment): Problem[] {
  return LOCAL_ONLY.filter((name) => setting(env, name) !== undefined).map((name) =>
    warning(
      name,
      'is set by npm start and npm run dev for the local runtime, and never deployed: remove it from .env ' +
        '(npm start -- --sync and --send turn the local behaviours off)',
    ),
  );
}
