// The test hook TWILIO_SERVERLESS_BASE_URL (read by src/twilio/base-url.ts): every request of a
// deploy goes to one local origin.
import type { TwilioServerlessApiClient } from '@twilio-labs/serverless-api';
import { SERVERLESS_BASE_URL } from '../twilio/base-url';

/** The hosts the client calls: the API, the upload host, and their regional (edge/region) forms. */
const SERVERLESS_HOST = /^serverless(-upload)?(\.[a-z0-9-]+)*\.twilio\.com$/i;

/** The part of got's request options the hook touches (got's own type is not a direct dependency). */
interface RequestOptions {
  url: URL;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The client builds every URL itself (prefixUrl https://serverless.twilio.com/v1, uploads with
 * prefixUrl https://serverless-upload.twilio.com/v1, next pages as absolute URLs) and has no
 * base-URL option, so its private got client is replaced by one whose hook moves each request
 * to `origin`, path and query unchanged. Basic auth travels in the URL's user info (got puts it
 * there), so it is copied over; the Host header keeps the original host, so a stand-in can tell
 * the API host from the upload host the way Twilio's front end does.
 */
export function redirectRequests(api: TwilioServerlessApiClient, origin: URL): void {
  const hook = (options: RequestOptions): void => {
    const original = options.url;
    if (!SERVERLESS_HOST.test(original.hostname)) {
      throw new Error(
        `${SERVERLESS_BASE_URL.name} is set, and a request went to ${original.hostname}, which it does not cover.`,
      );
    }
    const target = new URL(`${original.pathname}${original.search}`, origin);
    target.username = original.username;
    target.password = original.password;
    options.headers.host = original.host;
    options.url = target;
  };
  const redirected = api.getClient().extend({ hooks: { beforeRequest: [hook] } });
  // `client` is private and has no setter; getClient() and every API call read this property.
  Reflect.set(api, 'client', redirected);
}
