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

/** The policy of a fixed-mode endpoint (/auto-reply, /forward, /ignore): the environment alone. */
export function policyForMode(env: EnvConfig, mode: Mode): Policy {
  const once = env.syncServiceSid === undefined ? undefined : env.autoReplyOncePer;
  return { block: [], allow: [], keywords: new Map(), rule: ruleForMode(env, mode), replyOncePer: once };
}

const upperKeys = (record: Readonly<Record<string, string>> | undefined): [string, string][] =>
  Object.entries(record ?? {}).map(([word, text]) => [word.toUpperCase(), text]);

function schedule(hours: NonNullable<NumberEntry['hours']>): Schedule {
  // The schema has checked every window, so each parses.
  const windows = hours.open.map(parseWindow).filter((w): w is Window => typeof w !== 'string');
  return { timeZone: hours.timeZone, windows, closed: new Set(hours.closed ?? []) };
}

/**
 * The policy for a message received by the number `to`: the routing file's entry,
 * its global lists and keywords, and the environment for what the entry leaves out; a number not
 * listed gets DEFAULT_MODE. An invalid entry, or an unreadable file, ignores rather than guesses.
 */
export function policyForNumber(config: Config, to: string): Policy {
  const { routing, env } = config;
  const file: Partial<RoutingFile> = routing.file ?? {};
  const entry = routing.unreadable ? null : routing.numbers.get(to);
  if (entry === null) return { block: [], allow: [], keywords: new Map(), rule: IGNORE };
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
  };
}
