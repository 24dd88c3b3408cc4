import { withoutChannel } from '../routing/phone';
import type { Mode, Rule } from '../routing/rule';
import type { EnvConfig } from './env';
import type { Config } from './load';
import type { NumberEntry } from './schema';

/** The rule for a fixed-mode endpoint: the environment alone. */
export function ruleForMode(env: EnvConfig, mode: Mode, entry: NumberEntry = {}): Rule {
  switch (mode) {
    case 'auto-reply':
      return { mode, message: entry.message ?? env.autoReplyMessage };
    case 'forward':
      return { mode, to: entry.to ?? env.forwardTo, template: entry.template ?? env.forwardTemplate };
    case 'ignore':
      return { mode };
  }
}

const IGNORE: Rule = { mode: 'ignore' };

/**
 * The rule for a message received by `to` (channel prefix ignored): its routing entry with the
 * environment filling what the entry leaves out, or DEFAULT_MODE for a number not listed.
 * An invalid entry, or an unreadable file, ignores rather than guesses.
 */
export function ruleForNumber(config: Config, to: string): Rule {
  const { routing, env } = config;
  if (routing.unreadable) return IGNORE;
  const entry = routing.numbers.get(withoutChannel(to));
  if (entry === null) return IGNORE;
  if (entry === undefined) return ruleForMode(env, env.defaultMode);
  return ruleForMode(env, entry.mode ?? env.defaultMode, entry);
}
