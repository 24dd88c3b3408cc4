import type { ApiErrorInfo } from '../numbers/types';

/**
 * Reading errors of the twilio SDK without printing them whole: a RestException carries
 * status, code and more_info (https://www.twilio.com/docs/api/errors); a network error is an
 * AxiosError whose `config` holds the Authorization header, so only its message and code are read.
 */
interface Fields {
  readonly status?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly moreInfo?: unknown;
}

const fields = (e: unknown): Fields => (typeof e === 'object' && e !== null ? (e as Fields) : {});

/** HTTP status of a Twilio answer; undefined for network errors. */
export function statusOf(e: unknown): number | undefined {
  const { status } = fields(e);
  return typeof status === 'number' ? status : undefined;
}

export function apiErrorInfo(e: unknown): ApiErrorInfo {
  const f = fields(e);
  const status = statusOf(e);
  const code = typeof f.code === 'number' ? f.code : undefined;
  let message = typeof f.message === 'string' && f.message !== '' ? f.message : String(e);
  // Network errors carry a string code (ECONNRESET...): keep it in the message, not as a Twilio code.
  if (typeof f.code === 'string' && !message.includes(f.code)) message = `${f.code}: ${message}`;
  const moreInfo = typeof f.moreInfo === 'string' && f.moreInfo !== '' ? f.moreInfo : undefined;
  return {
    ...(status !== undefined ? { status } : {}),
    ...(code !== undefined ? { code } : {}),
    message,
    ...(moreInfo !== undefined ? { moreInfo } : {}),
  };
}

/** 401 / 20003: the credentials were rejected. https://www.twilio.com/docs/errors/20003 */
export const isAuthRejected = (e: unknown): boolean => statusOf(e) === 401 || fields(e).code === 20003;

/** 429 / 20429: too many requests at once. https://www.twilio.com/docs/errors/20429 */
export const isThrottled = (e: unknown): boolean => statusOf(e) === 429;

/**
 * Worth retrying: 429, any 5xx, and network failures (no status). Updates set absolute values,
 * so repeating one that may have landed is harmless. 4xx other than 429 never succeed on retry.
 */
export function isRetryable(e: unknown): boolean {
  const status = statusOf(e);
  if (status === undefined) return typeof fields(e).code === 'string'; // ECONNRESET, ETIMEDOUT, ...
  return status === 429 || status >= 500;
}
