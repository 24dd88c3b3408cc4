/**
 * A webhook URL may carry HTTP basic-auth credentials (https://user:pass@host/, which Twilio
 * supports: https://www.twilio.com/docs/usage/security#http-authentication): never print them.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '' && parsed.username === '') return url;
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//***@');
  }
}

/**
 * Anything that looks like a URL with a scheme, up to white space or a quote (so that a URL inside
 * JSON or a quoted message stops at its closing quote).
 */
const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** Every URL in a line of output (a message, a command line, JSON) with its password hidden. */
export const redactUrlsIn = (text: string): string => text.replace(URL_IN_TEXT, redactUrl);
