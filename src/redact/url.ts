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
