import { ENV_NAMES, readEnv, type EnvConfig, type Environment } from '../config/env';
import { loadConfig, type Config } from '../config/load';
import { formatProblem, type Problem } from '../config/problem';
import { ROUTING_ASSET } from '../config/routing-file';
import { log } from './log';
import { loads } from './reloads';

/**
 * Parsing per request would cost more than the routing itself. Keyed by its inputs (the variables,
 * and the routing file's text), the cache is always current, deployed or under twilio-run --live.
 */
function memo<T>(compute: (env: Environment, key: string) => { value: T; problems: Problem[] }) {
  let cached: { inputs: unknown[]; value: T } | undefined;
  // Compared value by value, not joined into one string key: this runs on every call.
  const same = (inputs: readonly unknown[], env: Environment, extraKey: string): boolean => {
    if (inputs[ENV_NAMES.length] !== extraKey) return false;
    for (let i = 0; i < ENV_NAMES.length; i++) if (inputs[i] !== env[ENV_NAMES[i]]) return false;
    return true;
  };
  return (env: Environment, extraKey = ''): T => {
    if (cached !== undefined && same(cached.inputs, env, extraKey)) return cached.value;
    const { value, problems } = compute(env, extraKey);
    for (const problem of problems)
      if (problem.level === 'error') log.error('', `configuration ${formatProblem(problem)}`);
    cached = { inputs: [...ENV_NAMES.map((name) => env[name]), extraKey], value };
    return value;
  };
}

// /* @__PURE__ */ lets esbuild drop a cache no function of the bundle reads: the fixed-mode
// functions then leave out the routing file's validation (a 30 KB budget each, see bench/).
const envOnly = /* @__PURE__ */ memo<EnvConfig>((env) => {
  const { env: value, problems } = readEnv(env);
  return { value, problems };
});

/** The environment alone: the fixed-mode endpoints' configuration. */
export const envConfig = (env: Environment): EnvConfig => envOnly(env);

const NO_ASSET = '\0none';

const routed = /* @__PURE__ */ memo<Config>((env, text) => {
  const { config, problems } = loadConfig(env, text === NO_ASSET ? undefined : text);
  return { value: config, problems };
});

let asset: { path: string; loads: number; text: string } | undefined;

/**
 * The routing file's text, read once per path; again after a function file was loaded anew
 * (./reloads.ts), which deployed is never and under twilio-run --live is every request, so an edit
 * of the local file is live at once there.
 */
function routingText(): string {
  const current = Runtime.getAssets()[ROUTING_ASSET];
  if (current === undefined) return NO_ASSET;
  const count = loads();
  if (asset?.path !== current.path || asset.loads !== count)
    asset = { path: current.path, loads: count, text: current.open() };
  return asset.text;
}

/** The environment plus the private asset /routing.json, when it was deployed: the router's configuration. */
export function routedConfig(env: Environment): Config {
  return routed(env, routingText());
}
