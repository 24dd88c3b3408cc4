/** Checks of flag values, each returning a problem that names the flag, or undefined. */
import { redactUrl } from '../redact/url';
import { isSid, sidShape } from '../twilio/sid';

export function checkUrl(flag: string, value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${flag} ${JSON.stringify(redactUrl(value))} is not a URL: give an absolute URL such as https://example.com/sms.`;
  }
  // No check of the host: the URL parser refuses an http(s) URL without one ("https://" throws).
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `${flag} must be an http(s) URL, not ${url.protocol}.`;
  return undefined;
}

/** Hosts on this machine: a stand-in or an emulator, where plain http is expected. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Plain http to another host: Twilio would send each message's phone numbers and text
 * unencrypted, with an X-Twilio-Signature anyone on the way can read. A warning: it still works.
 */
export function plainHttpWarning(flag: string, value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' || LOOPBACK.test(url.hostname)) return undefined;
  return (
    `Warning: ${flag} ${redactUrl(value)} is plain http: ` +
    "Twilio will send every message's phone numbers and text unencrypted. Use https unless this is a test."
  );
}

export function checkSid(flag: string, prefix: string, value: string | undefined): string | undefined {
  if (value === undefined || isSid(prefix, value)) return undefined;
  return `${flag} must be ${sidShape(prefix)}.`;
}

export const MAX_CONCURRENCY = 32;

export function checkConcurrency(value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Number.isInteger(value) && value >= 1 && value <= MAX_CONCURRENCY
    ? undefined
    : `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.`;
}
