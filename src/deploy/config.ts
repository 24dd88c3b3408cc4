// .twilioserverlessrc + package.json + flags -> one validated deploy configuration.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
// json5 is what the Toolkit itself parses .twilioserverlessrc with (twilio-run's json5Loader).
import { parse as parseJson5 } from 'json5';
import { error, type Problem } from '../config/problem';

/** Runtimes that deploy today (node18 no longer does; node24 needs a runtime-handler not on npm). */
export const RUNTIMES = ['node20', 'node22'] as const;
export type Runtime = (typeof RUNTIMES)[number];

export interface DeployFlags {
  /** `--environment`: the domain suffix, or `production` (`--production`) for the environment without one. */
  readonly environment?: string;
}

/** The environment without a domain suffix (`<service>-1234.twil.io`), named as the Toolkit names it. */
export const PRODUCTION = 'production';

/** The domain suffix of an environment named as `--environment` takes it: none for production. */
export const domainSuffixOf = (environment: string): string => (environment === PRODUCTION ? '' : environment);

export interface DeployConfig {
  readonly root: string;
  readonly serviceName: string;
  /**
   * The environment's name, as the Toolkit's `--environment`: its domain suffix (`dev` ->
   * `<service>-1234-dev.twil.io`), or `production` for the one without (`<service>-1234.twil.io`).
   */
  readonly environment: string;
  /** domainSuffixOf(environment): what the API calls it. */
  readonly domainSuffix: string;
  readonly runtime: Runtime;
  /** Relative to root, as the rc says: what `npm run build` writes. */
  readonly functionsFolder: string;
  readonly assetsFolder: string;
  /** Only what the deploy reads: `dependencies` are installed in the deployed build. */
  readonly pkgJson: { readonly name?: string; readonly dependencies: Readonly<Record<string, string>> };
}

export const RC_FILE = '.twilioserverlessrc';
const DEPLOY_DEFAULTS = {
  environment: 'dev',
  runtime: 'node22',
  functionsFolder: 'dist/functions',
  assetsFolder: 'dist/assets',
} as const;

// The service's unique name becomes the first label of its domain; Twilio allows at most 50 characters.
const SERVICE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/;
// The domain suffix becomes part of a host name; Twilio allows at most 16 characters.
const DOMAIN_SUFFIX = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,14}[A-Za-z0-9])?$/;
// Every dependency deploys, installed by Twilio's build: a range would get whatever is newest then.
// (The Toolkit itself refuses a runtime-handler range.)
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function readJson(path: string, parse: (text: string) => unknown): Promise<{ value?: Json; problem?: string }> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  try {
    const value = parse(text);
    return isObject(value) ? { value } : { problem: 'is not an object: it must be one { ... } object' };
  } catch (cause) {
    return { problem: `cannot be parsed (${cause instanceof Error ? cause.message : String(cause)}): fix its syntax` };
  }
}

function stringSetting(source: Json, key: string, where: string, problems: Problem[]): string | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  problems.push(error(`${where} ${key}`, 'must be a string'));
  return undefined;
}

function readDependencies(pkg: Json, problems: Problem[]): Record<string, string> {
  const raw = pkg.dependencies ?? {};
  const dependencies: Record<string, string> = {};
  if (!isObject(raw)) {
    problems.push(error('package.json dependencies', 'must be an object of name -> version'));
    return dependencies;
  }
  for (const [name, version] of Object.entries(raw)) {
    if (typeof version === 'string') dependencies[name] = version;
    else problems.push(error(`package.json dependencies.${name}`, 'must be a version string'));
  }
  for (const [name, version] of Object.entries(dependencies)) {
    if (EXACT_VERSION.test(version)) continue;
    problems.push(
      error(
        `package.json dependencies.${name}`,
        name === '@twilio/runtime-handler'
          ? `is "${version}": Twilio needs an exact version (for example "2.1.0", without ^ or ~)`
          : `is "${version}": Twilio would install whichever version matches when it builds, not the one the ` +
              `tests ran with; pin that exact version (npm ls ${name} shows it), without ^ or ~`,
      ),
    );
  }
  return dependencies;
}

/**
 * Reads the deploy settings, precedence written once: flag, then .twilioserverlessrc, then the
 * Toolkit's default (service name: rc `serviceName`, else package.json `name`). Every problem is
 * returned together; `config` is present only when there is none.
 */
export async function readDeployConfig(
  root: string,
  flags: DeployFlags = {},
): Promise<{ config?: DeployConfig; problems: Problem[] }> {
  const problems: Problem[] = [];
  const rc = await readJson(join(root, RC_FILE), (text) => parseJson5(text));
  if (rc.problem !== undefined) problems.push(error(RC_FILE, rc.problem));
  const pkg = await readJson(join(root, 'package.json'), (text) => JSON.parse(text));
  if (pkg.problem !== undefined) problems.push(error('package.json', pkg.problem));
  const rcValues = rc.value ?? {};
  const pkgValues = pkg.value ?? {};

  const serviceName =
    stringSetting(rcValues, 'serviceName', RC_FILE, problems) ??
    stringSetting(pkgValues, 'name', 'package.json', problems);
  if (serviceName === undefined) {
    problems.push(
      error('serviceName', `is not set: add "serviceName": "<name>" to ${RC_FILE}, or a "name" to package.json`),
    );
  } else if (!SERVICE_NAME.test(serviceName)) {
    problems.push(
      error(
        'serviceName',
        `"${serviceName}" cannot name a Twilio service (it becomes the domain): ` +
          `use letters, digits and inner hyphens, at most 50 characters; set "serviceName" in ${RC_FILE}`,
      ),
    );
  }

  const environment =
    flags.environment ?? stringSetting(rcValues, 'environment', RC_FILE, problems) ?? DEPLOY_DEFAULTS.environment;
  if (!DOMAIN_SUFFIX.test(environment)) {
    problems.push(
      error(
        '--environment',
        `"${environment}" is not a domain suffix: use letters, ` +
          'digits and inner hyphens, at most 16 characters (for example dev or stage)',
      ),
    );
  }

  const runtime = stringSetting(rcValues, 'runtime', RC_FILE, problems) ?? DEPLOY_DEFAULTS.runtime;
  const knownRuntime = RUNTIMES.find((r) => r === runtime);
  if (knownRuntime === undefined) {
    problems.push(error(`${RC_FILE} runtime`, `"${runtime}" does not deploy: set "runtime": "node22"`));
  }

  const functionsFolder =
    stringSetting(rcValues, 'functionsFolder', RC_FILE, problems) ?? DEPLOY_DEFAULTS.functionsFolder;
  const assetsFolder = stringSetting(rcValues, 'assetsFolder', RC_FILE, problems) ?? DEPLOY_DEFAULTS.assetsFolder;
  const dependencies = readDependencies(pkgValues, problems);
  if (problems.length > 0 || serviceName === undefined || knownRuntime === undefined) return { problems };
  const name = typeof pkgValues.name === 'string' ? pkgValues.name : undefined;
  return {
    config: {
      root,
      serviceName,
      environment,
      domainSuffix: domainSuffixOf(environment),
      runtime: knownRuntime,
      functionsFolder,
      assetsFolder,
      pkgJson: { name, dependencies },
    },
    problems,
  };
}
