// Which .env entries become the service's environment variables.

export interface DeployVariables {
  /** Uploaded as the environment's variables. */
  readonly upload: Readonly<Record<string, string>>;
  /** Names kept back because they hold credentials (for the message; never their values). */
  readonly withheld: readonly string[];
}

/**
 * Credentials never leave the machine. The Toolkit withholds only ACCOUNT_SID and AUTH_TOKEN and
 * uploads TWILIO_AUTH_TOKEN, TWILIO_API_SECRET and the like; a deployed service gets its own
 * credentials in `context` anyway (the service is created with IncludeCredentials).
 */
export function isCredentialName(name: string): boolean {
  return /^(ACCOUNT_SID|AUTH_TOKEN)$/i.test(name) || /^TWILIO_/i.test(name);
}

/** An empty value counts as unset, as the Toolkit drops empty variables: nothing to upload. */
export function deployVariables(dotenv: Readonly<Record<string, string>>): DeployVariables {
  const upload: Record<string, string> = {};
  const withheld: string[] = [];
  for (const [name, value] of Object.entries(dotenv)) {
    if (isCredentialName(name)) withheld.push(name);
    else if (value.trim() !== '') upload[name] = value;
  }
  return { upload, withheld: withheld.sort() };
}
