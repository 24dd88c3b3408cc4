import type { EnvConfig } from './env';
import { error, warning, type Problem } from './problem';
import { ROUTING_FILE, type RoutingConfig } from './routing-file';
import type { NumberEntry } from './schema';

/** The fields each mode takes; a field of another mode is a mistake worth naming. */
const FIELDS_OF: Record<string, readonly string[]> = {
  'auto-reply': ['message'],
  forward: ['to', 'template'],
  ignore: [],
};
const MODE_FIELDS: readonly (keyof NumberEntry)[] = ['to', 'template', 'message'];

/**
 * Rules that span the environment and the routing file, which no single field can check:
 * loops, targets nowhere, fields of another mode.
 */
export function checkConfig(env: EnvConfig, routing: RoutingConfig): Problem[] {
  const problems: Problem[] = [];
  const routed = new Set(routing.numbers.keys());

  const checkTargets = (where: string, receiving: string | undefined, targets: readonly string[]): void => {
    if (targets.length === 0) return;
    for (const target of targets) {
      if (target === receiving) {
        problems.push(error(where, `${target} is the receiving number itself: forwarding to it would loop; remove it`));
      } else if (routed.has(target)) {
        problems.push(error(where, `${target} is itself a number in ${ROUTING_FILE}: two numbers forwarding to each other loop forever; forward to a phone outside this service`));
      }
    }
  };

  for (const [number, entry] of routing.numbers) {
    if (entry === null) continue;
    const where = `${ROUTING_FILE}: numbers.${number}`;
    const mode = entry.mode ?? env.defaultMode;
    for (const field of MODE_FIELDS) {
      if (entry[field] !== undefined && !FIELDS_OF[mode].includes(field)) {
        const owner = Object.keys(FIELDS_OF).find((m) => FIELDS_OF[m].includes(field));
        problems.push(error(`${where}.${field}`, `belongs to mode "${owner}" but this number's mode is "${mode}"${entry.mode === undefined ? ' (DEFAULT_MODE)' : ''}: remove "${field}" or set "mode": "${owner}"`));
      }
    }
    if (mode !== 'forward') continue;
    const targets = entry.to ?? env.forwardTo;
    if (targets.length === 0) {
      problems.push(error(where, `is routed to forward but has no target: add "to": ["+1..."] to the entry, or set FORWARD_TO`));
    }
    // FORWARD_TO is checked once, below.
    if (entry.to !== undefined) checkTargets(`${where}.to`, number, entry.to);
  }
  checkTargets('FORWARD_TO', undefined, env.forwardTo);

  const forwardToUsedByRouting =
    env.defaultMode === 'forward' || [...routing.numbers.values()].some((e) => e !== null && (e.mode ?? env.defaultMode) === 'forward' && e.to === undefined);
  if (env.forwardTo.length === 0) {
    if (env.defaultMode === 'forward') {
      problems.push(error('DEFAULT_MODE', 'is "forward" but FORWARD_TO is not set: numbers not in the routing file would be forwarded nowhere; set FORWARD_TO'));
    } else if (!forwardToUsedByRouting) {
      problems.push(warning('FORWARD_TO', 'is not set: /forward will answer without forwarding anything; set FORWARD_TO if you use /forward'));
    }
  }
  return problems;
}
