import { checkConfig, checkWarnings } from './check';
import { checkLocalOnly, checkLogLevel, readEnv, type EnvConfig, type Environment } from './env';
import type { Problem } from './problem';
import { readRouting, type RoutingConfig } from './routing-file';

export interface Config {
  readonly env: EnvConfig;
  readonly routing: RoutingConfig;
}

/** Environment + routing file text -> one typed configuration and every problem found. */
export function loadConfig(environment: Environment, routingText?: string): { config: Config; problems: Problem[] } {
  const env = readEnv(environment);
  const routing = readRouting(routingText);
  return {
    config: { env: env.env, routing: routing.routing },
    problems: [
      ...env.problems,
      ...routing.problems,
      // A variable set to a refused value has its own problem: no second one saying it is not set.
      ...checkConfig(env.env, routing.routing, new Set(env.problems.map((p) => p.where))),
    ],
  };
}

/**
 * What the build reports: loadConfig's problems, plus what only the build checks (warnings and
 * LOG_LEVEL): the functions log errors only.
 */
export function checkForBuild(environment: Environment, routingText?: string): Problem[] {
  const { config, problems } = loadConfig(environment, routingText);
  return [
    ...problems,
    ...checkWarnings(environment, config.env, config.routing),
    ...checkLogLevel(environment),
    ...checkLocalOnly(environment),
  ];
}
