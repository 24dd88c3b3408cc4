import { ENV_NAMES, type Environment } from '../config/env';
import { loadConfig, type Config } from '../config/load';
import { formatProblem } from '../config/problem';
import { policiesOf, type Policies } from '../config/resolve';
import { ROUTING_ASSET } from '../config/routing-file';
import { log } from './log';

/** The configuration the functions run with, and the policy of every number, built from it once. */
export interface Configuration {
  readonly config: Config;
  readonly policies: Policies;
}

/** What the configuration is made of: the variables the functions read, and the routing file's text. */
interface Inputs {
  readonly env: Environment;
  readonly routingText: string | undefined;
}

const sameInputs = (inputs: Inputs, env: Environment, routingText: string | undefined): boolean =>
  inputs.routingText === routingText && ENV_NAMES.every((name) => inputs.env[name] === env[name]);

let routingAsset: { readonly path: string; readonly text: string } | undefined;

/**
 * The private asset /routing.json, when it was deployed. Read once per loaded function module and
 * asset path: deployed, assets never change under one path; under twilio-run --live the module is
 * loaded anew for each request, so a local edit is seen at once; without --live, after a restart.
 */
function routingText(): string | undefined {
  const asset = Runtime.getAssets()[ROUTING_ASSET];
  if (asset === undefined) return undefined;
  if (routingAsset?.path !== asset.path) routingAsset = { path: asset.path, text: asset.open() };
  return routingAsset.text;
}

let cached: { readonly inputs: Inputs; readonly configuration: Configuration } | undefined;

/**
 * The environment plus the routing file, parsed once per change of either (parsing per message
 * would cost more than the routing). Problems are logged when the configuration is parsed.
 */
export function configurationFor(env: Environment): Configuration {
  const text = routingText();
  if (cached === undefined || !sameInputs(cached.inputs, env, text)) {
    const inputs = { env: Object.fromEntries(ENV_NAMES.map((name) => [name, env[name]])), routingText: text };
    const { config, problems } = loadConfig(inputs.env, text);
    // loadConfig finds errors only: warnings (a forward template without targets) are the build's.
    for (const problem of problems) log.error('', `configuration ${formatProblem(problem)}`);
    cached = { inputs, configuration: { config, policies: policiesOf(config) } };
  }
  return cached.configuration;
}
