import { join } from 'node:path';
import type { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { coverageEnv } from './child-coverage';
import { REPO } from './project';

/**
 * The environment for running `src/cli/numbers.ts` as a child process against the stand-in:
 * only PATH and HOME from this shell, so no real TWILIO_* credential may reach a run.
 */
export function numbersEnv(api: TwilioApiStandIn, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...coverageEnv(),
    TWILIO_ACCOUNT_SID: api.accountSid,
    TWILIO_AUTH_TOKEN: api.authToken,
    TWILIO_API_BASE_URL: api.url,
    TS_NODE_PROJECT: join(REPO, 'tsconfig.json'),
    NODE_PATH: join(REPO, 'node_modules'),
    ...extra,
  };
}
