// What a deploy uploads, listed exactly as the client will find it.
import { fsHelpers, type AccessOptions } from '@twilio-labs/serverless-api';
import type { DeployConfig } from './config';

export interface Upload {
  /** The URL path, e.g. `/sms` for `sms.protected.js`, `/routing.json` for `routing.private.json`. */
  readonly path: string;
  readonly access: AccessOptions;
}

export interface Uploads {
  readonly functions: readonly Upload[];
  readonly assets: readonly Upload[];
}

const byPath = (a: Upload, b: Upload): number => a.path.localeCompare(b.path);

/**
 * The same lister deployLocalProject calls, with the same folders; it silently finds nothing in a
 * missing folder, so an empty functions list is the caller's to refuse.
 */
export async function listUploads(config: DeployConfig): Promise<Uploads> {
  const found = await fsHelpers.getListOfFunctionsAndAssets(config.root, {
    functionsFolderNames: [config.functionsFolder],
    assetsFolderNames: [config.assetsFolder],
  });
  const pick = ({ path, access }: Upload): Upload => ({ path, access });
  return { functions: found.functions.map(pick).sort(byPath), assets: found.assets.map(pick).sort(byPath) };
}
