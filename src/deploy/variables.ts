// Which .env entries become the service's environment variables.

import { TEST_HOOKS } from '../config/delivery-env';
import { LOCAL_ONLY } from '../config/env';

export interface DeployVariables {
  /** Uploaded as the environment's variables. */
  readonly upload: Readonly<Record<string, string>>;
  /** Names kept back because they name credentials (for the message; never their values). */
  readonly withheld: readonly string[];
  /** Names kept back because their value is the auth token or an API secret, whatever the name. */
  readonly withheldSecrets: readonly string[];
  /** Names kept back because only this machine uses them: set by the local commands, or test hooks. */
  readonly localOnly: readonly string[];
}

/**
 * Credentials never leave the machine. The Toolkit withholds only ACCOUNT_SID and AUTH_TOKEN and
 * uploads TWILIO_AUTH_TOKEN, TWILIO_API_SECRET and the like; a deployed service gets its own
 * credentials in `context` anyway (the service is created with IncludeCredentials).
 */
export function isCredentialName(name: string): boolean {
  return /^(ACCOUNT_SID|AUTH_TOKEN)$/i.test(name) || /^TWILIO_/i.test(name);
}

/**
 * The values no variable may carry, whatever its name: the auth token and API secret from the
 * shell and from .env, and the password the deploy itself authenticates with.
 */
export function secretValues(
  env: Readonly<Record<string, string | undefined>>,
  dotenv: Readonly<Record<string, string>>,
  password?: string,
): string[] {
  const names = ['TWILIO_AUTH_TOKEN', 'TWILIO_API_SECRET', 'AUTH_TOKEN'];
  const values = [password, ...names.map((name) => env[name]), ...names.map((name) => dotenv[name])];
  return [...new Set(values.map((v) => v?.trim() ?? '').filter((v) => v !== ''))];
}

/**
 * An empty value counts as unset, as the Toolkit drops empty variables: nothing to upload.
 * `secrets`: see secretValues.
 */
export function deployVariables(
  dotenv: Readonly<Record<string, string>>,
  secrets: readonly string[] = [],
): DeployVariables {
  const upload: Record<string, string> = {};
  const [withheld, withheldSecrets, localOnly]: string[][] = [[], [], []];
  for (const [name, value] of Object.entries(dotenv)) {
    if (isCredentialName(name)) withheld.push(name);
    else if (LOCAL_ONLY.includes(name) || TEST_HOOKS.includes(name)) localOnly.push(name);
    else if (secrets.includes(value.trim())) withheldSecrets.push(name);
    else if (value.trim() !== '') upload[name] = value;
  }
  return { upload, withheld: withheld.sort(), withheldSecrets: withheldSecrets.sort(), localOnly: localOnly.sort() };
}
