// The test hooks: TWILIO_API_BASE_URL sends every request of the numbers commands to one origin,
// path unchanged; TWILIO_SERVERLESS_BASE_URL does the same for a deploy (src/deploy/base-url.ts).
// Kept apart from client.ts so reading them does not load the SDK.

/**
 * The hosts the numbers commands call: the REST API (api.twilio.com, or a regional
 * api.<edge>.<region>.twilio.com when TWILIO_REGION/TWILIO_EDGE are set) and the Messaging API.
 */
const NUMBERS_HOST = /^(api|messaging)(\.[a-z0-9-]+)*\.twilio\.com$/i;

/** A test hook: the variable, and an origin to show in messages (the one `npm run stand-in` uses). */
export interface BaseUrlHook {
  readonly name: string;
  readonly example: string;
}

export const API_BASE_URL: BaseUrlHook = { name: 'TWILIO_API_BASE_URL', example: 'http://127.0.0.1:4010' };
export const SERVERLESS_BASE_URL: BaseUrlHook = {
  name: 'TWILIO_SERVERLESS_BASE_URL',
  example: 'http://127.0.0.1:4011',
};

/** The hook's value: unset, an http(s) origin to send every request to, or a problem saying what is wrong. */
export function parseBaseUrl(hook: BaseUrlHook, value: string | undefined): { origin?: URL; problem?: string } {
  if (value === undefined || value.trim() === '') return {};
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return {
      problem:
        `${hook.name} ${JSON.stringify(value)} is not a URL: ` +
        `set it to an origin such as ${hook.example}, or unset it.`,
    };
  }
  const bare =
    url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  if (!(url.protocol === 'http:' || url.protocol === 'https:') || !bare)
    return { problem: `${hook.name} must be an http(s) origin with no path or credentials, such as ${hook.example}.` };
  return { origin: new URL(url.origin) };
}

/** The same URL on `origin`, path and query unchanged. Another host with a base URL set is refused, not sent out. */
export function rewriteUri(uri: string, origin: string | undefined): string {
  if (origin === undefined) return uri;
  const url = new URL(uri);
  if (!NUMBERS_HOST.test(url.hostname))
    throw new Error(`${API_BASE_URL.name} is set, and a request went to ${url.hostname}, which it does not cover.`);
  return `${origin}${url.pathname}${url.search}`;
}
