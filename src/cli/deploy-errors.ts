// How `npm run deploy` ends when something goes wrong: one message saying what to do, and the exit
// code from the one mapping (./exit.ts).
import { redactUrl } from '../redact/url';
import { apiErrorInfo } from '../twilio/errors';
import { EXIT, exitCodeFor } from './exit';

/** The client's request URLs carry the credentials as user info: a message quoting one must not print them. */
export const redacted = (text: string): string => text.replace(/\bhttps?:\/\/[^\s"'<>]+/g, (url) => redactUrl(url));

/** Prints why the deploy stopped, never a secret, and returns its exit code (2 input, 3 credentials, 1 Twilio). */
export function reportDeployFailure(cause: unknown, err: (line: string) => void): number {
  const code = exitCodeFor(cause);
  if (code !== EXIT.failed) {
    err(`error: ${cause instanceof Error ? cause.message : String(cause)}`);
    return code;
  }
  const failure = apiErrorInfo(cause);
  // waitForSuccessfulBuild rejects with the bare status when Twilio's build fails.
  const what =
    cause === 'failed'
      ? 'Twilio could not build the deployment: check the dependencies in package.json, and the build in the Console'
      : redacted(failure.message);
  const twilioCode =
    failure.code !== undefined && failure.code !== failure.status
      ? ` (Twilio error ${failure.code}${failure.moreInfo ? `, ${redacted(failure.moreInfo)}` : ''})`
      : '';
  err(
    `error: deploy failed: ${what}${twilioCode}. Nothing was recorded; fix the cause and run \`npm run deploy\` again.`,
  );
  return code;
}
