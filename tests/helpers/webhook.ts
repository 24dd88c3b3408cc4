/**
 * Sends a webhook the way Twilio does: form-encoded POST (or GET with a query string when the
 * number's SmsMethod is GET), signed with X-Twilio-Signature.
 * https://www.twilio.com/docs/usage/security#validating-requests
 */
import twilio from 'twilio';
import type { WebhookParams } from '../fixtures';

/** A made-up auth token: the local runtime does not check signatures, Twilio's cloud does. */
export const TEST_AUTH_TOKEN = '0123456789abcdef0123456789abcdef';

export interface WebhookAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** The X-Twilio-Signature Twilio would send for this request. */
export function signature(url: string, params: WebhookParams, authToken = TEST_AUTH_TOKEN): string {
  const signed = twilio.getExpectedTwilioSignature(authToken, url, { ...params });
  // The helper's own check: a signature that would not validate makes every test using it meaningless.
  if (!twilio.validateRequest(authToken, signed, url, { ...params }))
    throw new Error(`signature for ${url} does not validate`);
  return signed;
}

async function answer(response: Response): Promise<WebhookAnswer> {
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

/** POSTs `params` form-encoded to `url`, signed. */
export async function postWebhook(
  url: string,
  params: WebhookParams,
  authToken = TEST_AUTH_TOKEN,
): Promise<WebhookAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature(url, params, authToken),
      'user-agent': 'TwilioProxy/1.1',
    },
    body: new URLSearchParams({ ...params }).toString(),
  });
  return answer(response);
}

/** GETs `url` with `params` in the query string, signed over the full URL (no POST parameters). */
export async function getWebhook(
  url: string,
  params: WebhookParams,
  authToken = TEST_AUTH_TOKEN,
): Promise<WebhookAnswer> {
  const full = `${url}?${new URLSearchParams({ ...params }).toString()}`;
  const response = await fetch(full, {
    headers: { 'x-twilio-signature': signature(full, {}, authToken), 'user-agent': 'TwilioProxy/1.1' },
  });
  return answer(response);
}
