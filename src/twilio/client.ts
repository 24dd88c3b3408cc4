import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import { rewriteUri } from './base-url';
import type { Credentials } from './credentials';

/**
 * twilio-node has no base-URL setting; a custom httpClient is its documented extension point.
 * autoRetry stays off: with a custom httpClient the client-level option is ignored anyway, and its
 * built-in retry covers 429 only. src/numbers/apply.ts retries 429 and 5xx itself, with backoff.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly origin: string | undefined) {
    super({ autoRetry: false, keepAlive: true });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request({ ...opts, uri: rewriteUri(opts.uri, this.origin) });
  }
}

/** The SDK client for these credentials; `origin` from TWILIO_API_BASE_URL (parseBaseUrl). */
export function createTwilioClient(credentials: Credentials, origin?: string): twilio.Twilio {
  return twilio(credentials.username, credentials.password, {
    accountSid: credentials.accountSid,
    httpClient: new BaseUrlRequestClient(origin),
  });
}
