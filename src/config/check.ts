import { placeholdersIn } from '../routing/text';
import { deliveryProblems } from './check-deliveries';
import { setting, type EnvConfig, type Environment } from './env';
import { error, warning, type Problem } from './problem';
import { ROUTING_FILE, type RoutingConfig } from './routing-file';
import type { RuleFields } from './schema';

/** The fields each mode takes; a field of another mode is a mistake worth naming. */
const FIELDS_OF: Record<string, readonly string[]> = {
  'auto-reply': ['message', 'media'],
  forward: ['to', 'template'],
  ignore: [],
};
const MODE_FIELDS = ['to', 'template', 'message', 'media'] as const;

/**
 * Rules that span the environment and the routing file, which no single field can check:
 * loops, targets nowhere, fields of another mode, memory without Sync.
 */
export function checkConfig(
  env: EnvConfig,
  routing: RoutingConfig,
  refused: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  const routed = new Set(routing.numbers.keys());

  const checkTargets = (where: string, receiving: string | undefined, targets: readonly string[]): void => {
    problems.push(...deliveryProblems(where, env, targets, refused));
    for (const target of targets) {
      if (target === receiving) {
        problems.push(error(where, `${target} is the receiving number itself: forwarding to it would loop; remove it`));
      } else if (routed.has(target)) {
        problems.push(
          error(
            where,
            `${target} is itself a number in ${ROUTING_FILE}: ` +
              'two numbers forwarding to each other loop forever; forward to a phone outside this service',
          ),
        );
      }
    }
  };

  /** One set of mode fields: an entry, or its hours.outside. */
  const checkRule = (
    where: string,
    number: string,
    fields: RuleFields,
    mode: string,
    modeFrom: string,
    outside: boolean,
  ): void => {
    for (const field of MODE_FIELDS) {
      if (fields[field] !== undefined && !FIELDS_OF[mode].includes(field)) {
        const owner = Object.keys(FIELDS_OF).find((m) => FIELDS_OF[m].includes(field));
        problems.push(
          error(
            `${where}.${field}`,
            `belongs to mode "${owner}" but the mode here is "${mode}"${modeFrom}: ` +
              `remove "${field}" or set "mode": "${owner}"`,
          ),
        );
      }
    }
    if (!outside && fields.message !== undefined && placeholdersIn(fields.message).includes('opens')) {
      problems.push(
        error(
          `${where}.message`,
          '{opens} is only known outside business hours: use it in "hours": { "outside": { "message": ... } }',
        ),
      );
    }
    if (mode !== 'forward') return;
    const targets = fields.to ?? env.forwardTo;
    if (targets.length === 0) {
      problems.push(error(where, `is routed to forward but has no target: add "to": ["+1..."], or set FORWARD_TO`));
    }
    // FORWARD_TO is checked once, below.
    if (fields.to !== undefined) checkTargets(`${where}.to`, number, fields.to);
  };

  let usesMemory = env.autoReplyOncePer !== undefined;
  for (const [number, entry] of routing.numbers) {
    if (entry === null) continue;
    const where = `${ROUTING_FILE}: numbers.${number}`;
    const mode = entry.mode ?? env.defaultMode;
    checkRule(where, number, entry, mode, entry.mode === undefined ? ' (DEFAULT_MODE)' : '', false);
    if (entry.hours !== undefined)
      checkRule(`${where}.hours.outside`, number, entry.hours.outside, entry.hours.outside.mode, '', true);
    if (entry.replyOncePer !== undefined) usesMemory = true;
  }
  checkTargets('FORWARD_TO', undefined, env.forwardTo);

  if (usesMemory && env.syncServiceSid === undefined) {
    problems.push(
      error(
        'SYNC_SERVICE_SID',
        'is not set, but AUTO_REPLY_ONCE_PER or "replyOncePer" needs Twilio Sync to remember who was answered: ' +
          'create a Sync service (Console > Sync > Services) and set SYNC_SERVICE_SID',
      ),
    );
  }
  if (env.forwardTo.length === 0 && env.defaultMode === 'forward') {
    problems.push(
      error(
        'DEFAULT_MODE',
        'is "forward" but FORWARD_TO is not set: ' +
          'numbers not in the routing file would be forwarded nowhere; set FORWARD_TO',
      ),
    );
  }
  return problems;
}

/** Some number of the routing file forwards, inside or outside business hours. */
function routingForwards(routing: RoutingConfig, defaultMode: string): boolean {
  for (const entry of routing.numbers.values()) {
    if (entry === null) continue;
    if ((entry.mode ?? defaultMode) === 'forward' || entry.hours?.outside.mode === 'forward') return true;
  }
  return false;
}

/**
 * For the build only (the functions log errors, never warnings): a forward set up without
 * targets. A number of the routing file, or DEFAULT_MODE, forwarding nowhere is an error; what is
 * left is /forward's own FORWARD_TEMPLATE without FORWARD_TO. With no configuration at all, no
 * warning: /forward may simply be unused.
 */
export function checkWarnings(environment: Environment, env: EnvConfig, routing: RoutingConfig): Problem[] {
  const templateOnly =
    setting(environment, 'FORWARD_TEMPLATE') !== undefined &&
    env.forwardTo.length === 0 &&
    env.defaultMode !== 'forward' &&
    !routingForwards(routing, env.defaultMode);
  if (!templateOnly) return [];
  return [warning('FORWARD_TO', 'is not set, but FORWARD_TEMPLATE is: /forward would forward nothing; set FORWARD_TO')];
}
