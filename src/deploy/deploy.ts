// The deploy itself: one deployLocalProject call, its result turned into what we print and record.
import { join } from 'node:path';
import type { StatusUpdate, TwilioServerlessApiClient } from '@twilio-labs/serverless-api';
import type { Credentials } from '../twilio/credentials';
import type { DeployConfig } from './config';
import { withLiveBuild, type DeployRecord } from './record';
import type { Upload } from './files';

export interface DeployRequest {
  readonly config: DeployConfig;
  readonly credentials: Credentials;
  /** An existing service to deploy to; without it a service named config.serviceName is created. */
  readonly serviceSid?: string;
  /** Already filtered: no credential is in here (see variables.ts). */
  readonly variables: Readonly<Record<string, string>>;
}

export interface Deployed {
  readonly serviceSid: string;
  readonly serviceName: string;
  readonly environmentSid: string;
  readonly buildSid: string;
  readonly domain: string;
  readonly functions: readonly (Upload & { readonly url: string })[];
  readonly assets: readonly Upload[];
}

/** A function's URL: the environment's domain and the function's path (Twilio's own rule). */
export const functionUrl = (domain: string, path: string): string => `https://${domain}${path}`;

/**
 * Creates or reuses the service, uploads every function and asset, builds with the package's
 * dependencies on the configured runtime, sets the variables and activates the build in the
 * environment (created if missing). Progress is reported through `onStatus`.
 */
export async function deploy(
  api: TwilioServerlessApiClient,
  request: DeployRequest,
  onStatus: (update: StatusUpdate) => void = () => undefined,
): Promise<Deployed> {
  const { config, credentials } = request;
  api.on('status-update', onStatus);
  try {
    const result = await api.deployLocalProject({
      username: credentials.username,
      password: credentials.password,
      cwd: config.root,
      // Required by the type, unused by deployLocalProject: variables come from `env`.
      envPath: join(config.root, '.env'),
      env: { ...request.variables },
      pkgJson: { name: config.pkgJson.name, dependencies: { ...config.pkgJson.dependencies } },
      serviceName: config.serviceName,
      serviceSid: request.serviceSid,
      // The Toolkit's own convention: an empty suffix is the production environment.
      functionsEnv: config.domainSuffix,
      functionsFolderName: config.functionsFolder,
      assetsFolderName: config.assetsFolder,
      runtime: config.runtime,
    });
    const pick = ({ path, access }: Upload): Upload => ({ path, access });
    const byPath = (a: Upload, b: Upload): number => a.path.localeCompare(b.path);
    return {
      serviceSid: result.serviceSid,
      serviceName: result.serviceName,
      environmentSid: result.environmentSid,
      buildSid: result.buildSid,
      domain: result.domain,
      functions: result.functionResources
        .map(pick)
        .sort(byPath)
        .map((f) => ({ ...f, url: functionUrl(result.domain, f.path) })),
      assets: result.assetResources.map(pick).sort(byPath),
    };
  } finally {
    api.off('status-update', onStatus);
  }
}

/** The environment's record after this deploy: `previous` (its record before, if any) gives the history. */
export function toRecord(
  deployed: Deployed,
  accountSid: string,
  environment: string,
  now: Date,
  previous?: DeployRecord,
): DeployRecord {
  const deployedAt = now.toISOString();
  return {
    accountSid,
    serviceSid: deployed.serviceSid,
    serviceName: deployed.serviceName,
    environment,
    environmentSid: deployed.environmentSid,
    buildSid: deployed.buildSid,
    domain: deployed.domain,
    functions: Object.fromEntries(deployed.functions.map((f) => [f.path, f.url])),
    deployedAt,
    // Another service's builds cannot be activated here: its history starts again.
    builds: withLiveBuild(
      previous?.serviceSid === deployed.serviceSid ? previous : undefined,
      deployed.buildSid,
      deployedAt,
    ),
  };
}
