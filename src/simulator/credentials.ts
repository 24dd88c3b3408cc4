import type { Environment } from '../config/env';
import { PLACEHOLDER_ACCOUNT_SID } from './inbound-request';

/** What signs the simulated webhook, and where it came from (a variable name, never the value). */
export interface SigningKey {
  readonly authToken: string;
  readonly accountSid: string;
  /** E.g. `AUTH_TOKEN in .env`; undefined when the placeholder token is used. */
  readonly source: string | undefined;
}

/** Only the local runtime accepts this token: it checks no signature (serverless-toolkit issue #31). */
// Stryker disable next-line StringLiteral: equivalent, any text (even none) signs for a runtime that checks nothing
export const PLACEHOLDER_AUTH_TOKEN = 'placeholder-auth-token';

const TOKEN_NAMES = ['TWILIO_AUTH_TOKEN', 'AUTH_TOKEN'] as const;
const SID_NAMES = ['TWILIO_ACCOUNT_SID', 'ACCOUNT_SID'] as const;

function first(
  names: readonly string[],
  places: readonly (readonly [Environment, string])[],
): { value: string; source: string } | undefined {
  for (const [env, where] of places) {
    for (const name of names) {
      const value = env[name];
      if (typeof value === 'string' && value.trim() !== '') return { value: value.trim(), source: `${name}${where}` };
    }
  }
  return undefined;
}

/**
 * The shell's variables win over `.env` (passed already parsed), so a deployed function of
 * another account can be signed for without editing `.env`. Both names are read in both places:
 * `.env` uses AUTH_TOKEN (what the Functions runtime expects), the shell TWILIO_AUTH_TOKEN.
 */
export function readSigningKey(env: Environment, dotenv: Environment): SigningKey {
  const places = [
    [env, ' in the environment'],
    [dotenv, ' in .env'],
  ] as const;
  const token = first(TOKEN_NAMES, places);
  const sid = first(SID_NAMES, places);
  return {
    authToken: token?.value ?? PLACEHOLDER_AUTH_TOKEN,
    accountSid: sid?.value ?? PLACEHOLDER_ACCOUNT_SID,
    source: token?.source,
  };
}
