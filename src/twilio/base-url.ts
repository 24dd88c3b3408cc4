// TWILIO_API_BASE_URL, the documented test hook: every request of the numbers commands goes to
// that origin, path unchanged. Kept apart from client.ts so reading it does not load the SDK.

/**
 * The hosts the numbers commands call: the REST API (api.twilio.com, or a regional
 * api.<edge>.<region>.twilio.com when TWILIO_REGION/TWILIO_EDGE are set) and the Messaging API.
 */
const NUMBERS_HOST = /^(api|messaging)(\.[a-z0-9-]+)*\.twilio\.com$/i;

/** TWILIO_API_BASE_URL: an origin such as http://127.0.0.1:4010 (the test hook), or a problem. */
export function parseBaseUrl(value: string | undefined): { origin?: string } | { problem: string } {
  if (value === undefined || value.trim() === '') return {};
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return {
      problem: `TWILIO_API_BASE_URL ${JSON.stringify(value)} is not a URL: use an origin such as http://127.0.0.1:4010.`,
    };
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.username !== ''
  ) {
    return {
      problem: `TWILIO_API_BASE_URL must be an http(s) origin without path or credentials, such as http://127.0.0.1:4010.`,
    };
  }
  return { origin: url.origin };
}

/** The same URL on `origin`, path and query unchanged. Another host with a base URL set is refused, not sent out. */
export function rewriteUri(uri: string, origin: string | undefined): string {
  if (origin === undefined) return uri;
  const url = new URL(uri);
  if (!NUMBERS_HOST.test(url.hostname))
    throw new Error(`TWILIO_API_BASE_URL is set, and a request went to ${url.hostname}, which it does not cover.`);
  return `${origin}${url.pathname}${url.search}`;
}
