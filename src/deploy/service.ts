// Before anything is written: which service and environment this deploy goes to (read calls only).
import { api as calls, type TwilioServerlessApiClient } from '@twilio-labs/serverless-api';
import { InputError } from '../errors/input-error';
import { isNotFound } from '../twilio/errors';

export type ServiceTarget =
  | { readonly kind: 'existing'; readonly serviceSid: string; readonly uniqueName: string; readonly source: string }
  | { readonly kind: 'new'; readonly uniqueName: string };

export interface KnownService {
  readonly serviceSid: string;
  /** Where the SID came from, for messages: `--service-sid`, `.twilioserverless/deploy.json`... */
  readonly source: string;
}

async function fetchService(api: TwilioServerlessApiClient, sid: string): Promise<{ unique_name: string } | undefined> {
  try {
    return await calls.getService(sid, api);
  } catch (cause) {
    if (isNotFound(cause)) return undefined;
    throw cause;
  }
}

/**
 * An explicit `--service-sid` must exist. A recorded SID whose service was deleted is forgotten (a
 * new service is created). Without a SID, a service that already carries this name is someone
 * else's until the user says otherwise: the Toolkit refuses it too (`conflicting-servicename`).
 */
export async function resolveService(
  api: TwilioServerlessApiClient,
  serviceName: string,
  known: { explicit?: KnownService; recorded?: KnownService },
): Promise<{ target: ServiceTarget; notes: string[] }> {
  const notes: string[] = [];
  if (known.explicit !== undefined) {
    const service = await fetchService(api, known.explicit.serviceSid);
    if (service === undefined) {
      throw new InputError([
        `Service ${known.explicit.serviceSid} (${known.explicit.source}) ` +
          'does not exist in this account: check the SID, or leave --service-sid out.',
      ]);
    }
    return {
      target: {
        kind: 'existing',
        serviceSid: known.explicit.serviceSid,
        uniqueName: service.unique_name,
        source: known.explicit.source,
      },
      notes,
    };
  }
  if (known.recorded !== undefined) {
    const service = await fetchService(api, known.recorded.serviceSid);
    if (service !== undefined) {
      if (service.unique_name !== serviceName) {
        notes.push(
          `Deploying to ${known.recorded.serviceSid} ("${service.unique_name}", from ${known.recorded.source}): ` +
            `a service's name cannot change, so serviceName "${serviceName}" is not used.`,
        );
      }
      return {
        target: {
          kind: 'existing',
          serviceSid: known.recorded.serviceSid,
          uniqueName: service.unique_name,
          source: known.recorded.source,
        },
        notes,
      };
    }
    notes.push(
      `Service ${known.recorded.serviceSid} (from ${known.recorded.source}) ` +
        'no longer exists: a new service is created.',
    );
  }
  const sameName = await calls.findServiceSid(serviceName, api);
  if (sameName !== undefined) {
    throw new InputError([
      `A service named "${serviceName}" already exists in this account (${sameName}), ` +
        'and this project has no record of deploying it. ' +
        `If it is this project's, rerun with --service-sid ${sameName}; ` +
        'otherwise set another "serviceName" in .twilioserverlessrc.',
    ]);
  }
  return { target: { kind: 'new', uniqueName: serviceName }, notes };
}

/** The environment's domain if it exists already (a first deploy learns it only when it creates it). */
export async function findEnvironmentDomain(
  api: TwilioServerlessApiClient,
  serviceSid: string,
  suffix: string,
): Promise<string | undefined> {
  const environments = await calls.listEnvironments(serviceSid, api);
  // Production has no suffix: Twilio answers null.
  return environments.find((environment) => (environment.domain_suffix ?? '') === suffix)?.domain_name;
}
