import type { Environment } from '../config/env';
import { credentialForms } from './redact';

/** A variable's text; nothing when it is not one, or reading it throws (this runs in the last-resort path). */
function text(env: Environment, name: string): string {
  try {
    const value = env[name];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

/**
 * The secrets among a function's variables, in every form a log line could quote them: the auth
 * token (and its Basic-auth string), SendGrid's API key, and the Slack webhook URL, whose path is
 * its only credential (quoted whole, as a path, or as its last part).
 */
export function secretsIn(env: Environment): string[] {
  // Trimmed, as they are used (src/config/delivery-env.ts); the token as the SDK sends it.
  const slack = text(env, 'SLACK_WEBHOOK_URL').trim();
  const path = URL.canParse(slack) ? new URL(slack).pathname : '';
  return [
    ...credentialForms(text(env, 'ACCOUNT_SID'), text(env, 'AUTH_TOKEN')),
    text(env, 'SENDGRID_API_KEY').trim(),
    slack,
    path,
    path.slice(path.lastIndexOf('/') + 1),
  ].filter((secret) => secret.length >= 8);
}
