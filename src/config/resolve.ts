import { parseWindow, type Schedule, type Window } from '../routing/hours';
import type { Policy } from '../routing/policy';
import type { Mode, Rule } from '../routing/rule';
import { parseDuration } from './duration';
import type { EnvConfig } from './env';
import type { Config } from './load';
import type { NumberEntry, RoutingFile, RuleFields } from './schema';

/** A rule from the environment, with what an entry (or its `hours.outside`) says on top. */
export function ruleForMode(env: EnvConfig, mode: Mode, fields: Partial<RuleFields> = {}): Rule {
  switch (mode) {
    case 'auto-reply':
      return { mode, message: fields.message ?? env.autoReplyMessage, media: fields.media ?? env.autoReplyMedia };
    case 'forward':
      return { mode, to: fields.to ?? env.forwardTo, template: fields.template ?? env.forwardTemplate };
    case 'ignore':
      return { mode };
  }
}

const IGNORE: Rule = { mode: 'ignore' };

/** This service's numbers: every key of the routing file, valid entry or not. */
const ownNumbersOf = (config: Config): ReadonlySet<string> => new Set(config.routing.numbers.keys());

/**
 * The policy of a fixed-mode endpoint (/auto-reply, /forward, /ignore): the environment decides;
 * the routing file only says which numbers are this service's own.
 */
export function policyForMode(config: Config, mode: Mode, ownNumbers = ownNumbersOf(config)): Policy {
  const { env } = config;
  const once = env.syncServiceSid === undefined ? undefined : env.autoReplyOncePer;
  return { block: [], allow: [], keywords: new Map(), rule: ruleForMode(env, mode), replyOncePer: once, ownNumbers };
}

const upperKeys = (record: Readonly<Record<string, string>> | undefined): [string, string][] =>
  Object.entries(record ?? {}).map(([word, text]) => [word.toUpperCase(), text]);

function schedule(hours: NonNullable<NumberEntry['hours']>): Schedule {
  // The schema has checked every window, so each parses.
  const windows = hours.open.map((text) => parseWindow(text) as Window);
  return { timeZone: hours.timeZone, windows, closed: new Set(hours.closed ?? []) };
}

/**
 * The policy of a routing-file entry: the entry, the file's global lists and keywords, and the
 * environment for what the entry leaves out. No entry (`undefined`): DEFAULT_MODE. An invalid
 * entry (`null`) ignores rather than guesses.
 */
function policyForEntry(
  config: Config,
  entry: NumberEntry | null | undefined,
  ownNumbers: ReadonlySet<string>,
): Policy {
  const { routing, env } = config;
  if (entry === null) return { block: [], allow: [], keywords: new Map(), rule: IGNORE, ownNumbers };
  const file: Partial<RoutingFile> = routing.file ?? {};
  const fields = entry ?? {};
  const once =
    env.syncServiceSid === undefined
      ? undefined
      : fields.replyOncePer !== undefined
        ? parseDuration(fields.replyOncePer)
        : env.autoReplyOncePer;
  return {
    block: [...(file.block ?? []), ...(fields.block ?? [])],
    allow: fields.allow ?? file.allow ?? [],
    keywords: new Map([...upperKeys(file.keywords), ...upperKeys(fields.keywords)]),
    rule: ruleForMode(env, fields.mode ?? env.defaultMode, fields),
    hours:
      fields.hours === undefined
        ? undefined
        : {
            schedule: schedule(fields.hours),
            outside: ruleForMode(env, fields.hours.outside.mode, fields.hours.outside),
          },
    replyOncePer: once,
    ownNumbers,
  };
}

/** The entry of a number; `null` (ignore) for every number when the file could not be read. */
const entryOf = (config: Config, number: string): NumberEntry | null | undefined =>
  config.routing.unreadable ? null : config.routing.numbers.get(number);

/** The policy for a message received by the number `to`; a number not listed gets DEFAULT_MODE. */
export const policyForNumber = (config: Config, to: string, ownNumbers = ownNumbersOf(config)): Policy =>
  policyForEntry(config, entryOf(config, to), ownNumbers);

/** The policies of one configuration, built once when it is loaded rather than per message. */
export interface Policies {
  /** The policy of a receiving number (see policyForNumber). */
  forNumber(number: string): Policy;
  /** The policy of a fixed-mode endpoint (/auto-reply, /forward): see policyForMode. */
  forMode(mode: Mode): Policy;
}

export function policiesOf(config: Config): Policies {
  const own = ownNumbersOf(config);
  const listed = new Map([...own].map((number) => [number, policyForNumber(config, number, own)]));
  // Every number without an entry shares one policy.
  const unlisted = policyForEntry(config, config.routing.unreadable ? null : undefined, own);
  const modes: Record<Mode, Policy> = {
    'auto-reply': policyForMode(config, 'auto-reply', own),
    forward: policyForMode(config, 'forward', own),
    ignore: policyForMode(config, 'ignore', own),
  };
  return { forNumber: (number) => listed.get(number) ?? unlisted, forMode: (mode) => modes[mode] };
}
