import type { Environment } from '../config/env';
import { isSid, sidShape } from './sid';

/** How the commands authenticate: Basic auth with an auth token or an API key. */
export interface Credentials {
  readonly accountSid: string;
  /** The auth token's account SID, or the API key SID (SK...). */
  readonly username: string;
  /** The auth token or API secret. Never printed. */
  readonly password: string;
  /** Which variables they came from, for messages. */
  readonly source: string;
}

export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
}

const value = (env: Environment, name: string): string | undefined => {
  const v = env[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

const HOW_TO =
  'Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET with TWILIO_ACCOUNT_SID) ' +
  'in the shell, or ACCOUNT_SID and AUTH_TOKEN in .env. Find them at https://console.twilio.com (Account Info).';

/**
 * Credentials, in this order: TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN; TWILIO_API_KEY +
 * TWILIO_API_SECRET with TWILIO_ACCOUNT_SID; else ACCOUNT_SID + AUTH_TOKEN from `.env`
 * (passed as `dotenv`). Messages name variables, never values.
 */
export function readCredentials(env: Environment, dotenv: Environment = {}): Credentials {
  const accountSid = value(env, 'TWILIO_ACCOUNT_SID');
  const apiKey = value(env, 'TWILIO_API_KEY');
  const apiSecret = value(env, 'TWILIO_API_SECRET');
  const authToken = value(env, 'TWILIO_AUTH_TOKEN');
  let found: Credentials | undefined;
  if (accountSid !== undefined && authToken !== undefined) {
    found = {
      accountSid,
      username: accountSid,
      password: authToken,
      source: 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN',
    };
  } else if (accountSid !== undefined && apiKey !== undefined && apiSecret !== undefined) {
    found = { accountSid, username: apiKey, password: apiSecret, source: 'TWILIO_API_KEY and TWILIO_API_SECRET' };
  } else {
    const sid = value(dotenv, 'ACCOUNT_SID');
    const token = value(dotenv, 'AUTH_TOKEN');
    if (sid !== undefined && token !== undefined) {
      found = { accountSid: sid, username: sid, password: token, source: 'ACCOUNT_SID and AUTH_TOKEN in .env' };
    }
  }
  if (found === undefined) throw new CredentialsError(`Twilio credentials are missing. ${HOW_TO}`);
  if (!isSid('AC', found.accountSid)) {
    throw new CredentialsError(
      `The account SID from ${found.source} is not an account SID (${sidShape('AC')}). ${HOW_TO}`,
    );
  }
  if (found.username !== found.accountSid && !isSid('SK', found.username)) {
    throw new CredentialsError(
      `TWILIO_API_KEY is not an API key SID (${sidShape('SK')}). Create one at https://console.twilio.com/us1/account/keys-credentials/api-keys.`,
    );
  }
  return found;
}

/** The message for credentials Twilio rejected (HTTP 401, error 20003). */
export const REJECTED = (source: string): string =>
  `Twilio rejected the credentials from ${source} (error 20003). Check them, or create new ones. ${HOW_TO}`;
