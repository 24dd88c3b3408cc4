// How `npm run deploy` ends when something goes wrong: the exit code and one message saying what to do.
import { DeployInputError } from '../deploy/service';
import { redactUrl } from '../redact/url';
import { CredentialsError } from '../twilio/credentials';
import { apiErrorInfo } from '../twilio/errors';

/** Exit code 2: found before anything was sent to Twilio. */
export class Refused extends Error {}
/** Exit code 3: Twilio answered 401 / 20003 to these credentials. */
export class Rejected extends Error {}

/** The client's request URLs carry the credentials as user info: a message quoting one must not print them. */
export const redacted = (text: string): string => text.replace(/\bhttps?:\/\/[^\s"'<>]+/g, (url) => redactUrl(url));

/** 2 invalid input (nothing written), 3 credentials missing or rejected, 1 anything else. Never prints a secret. */
export function exitCodeOf(cause: unknown, err: (line: string) => void): number {
  if (cause instanceof Refused || cause instanceof DeployInputError) {
    err(`error: ${cause.message}`);
    return 2;
  }
  if (cause instanceof CredentialsError || cause instanceof Rejected) {
    err(`error: ${cause.message}`);
    return 3;
  }
  const failure = apiErrorInfo(cause);
  // waitForSuccessfulBuild rejects with the bare status when Twilio's build fails.
  const what =
    cause === 'failed'
      ? 'Twilio could not build the deployment: check the dependencies in package.json, and the build in the Console'
      : redacted(failure.message);
  const code =
    failure.code !== undefined && failure.code !== failure.status
      ? ` (Twilio error ${failure.code}${failure.moreInfo ? `, ${redacted(failure.moreInfo)}` : ''})`
      : '';
  err(`error: deploy failed: ${what}${code}. Nothing was recorded; fix the cause and run \`npm run deploy\` again.`);
  return 1;
}
