/**
 * The one reader of errors from outside our code: the twilio SDK's RestException (status, code,
 * moreInfo: https://www.twilio.com/docs/api/errors), the Serverless client's errors (got's
 * HTTPError with Twilio's error body, its ClientApiError with that body as `details`), and network
 * errors (ECONNREFUSED, ENOTFOUND, ECONNRESET, timeouts). The HTTP libraries' errors carry the whole
 * request (the Authorization header, the form body with phone numbers) and the SDK's keep the
 * response: printing the object would print those, so only a few named fields are ever read, each
 * only when it is a plain string or number. No imports: the functions bundle this file too.
 */

/** A Twilio error as the commands print it: never a URL with credentials, never a header. */
export interface ApiErrorInfo {
  readonly status?: number;
  readonly code?: number;
  readonly message: string;
  readonly moreInfo?: string;
}

/** One property, if it is a primitive; a getter that throws counts as absent. */
function field(from: object, key: string): string | number | undefined {
  try {
    const value: unknown = Reflect.get(from, key);
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** One property, if it is an object or a function. */
function nested(from: object | undefined, key: string): object | undefined {
  if (from === undefined) return undefined;
  try {
    const value: unknown = Reflect.get(from, key);
    return (typeof value === 'object' && value !== null) || typeof value === 'function' ? value : undefined;
  } catch {
    return undefined;
  }
}

const asObject = (value: unknown): object | undefined =>
  typeof value === 'object' && value !== null ? value : undefined;
const number = (value: string | number | undefined): number | undefined =>
  typeof value === 'number' ? value : undefined;
const text = (value: string | number | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Its class's name, when `name` is the generic `Error` (the SDK's RestException sets none). */
function nameOf(error: object): string {
  const name = field(error, 'name');
  if (typeof name === 'string' && name !== '' && name !== 'Error') return name;
  const prototype = nested(error, '__proto__');
  const constructor = nested(prototype, 'constructor');
  const className = constructor && field(constructor, 'name');
  return typeof className === 'string' && className !== '' && className !== 'Object' ? className : 'Error';
}

/** An HTTP status: the SDK's `status`, got's `statusCode`, or axios' `response.status`. */
function statusOf(error: object): number | undefined {
  const response = nested(error, 'response');
  for (const value of [
    field(error, 'status'),
    field(error, 'statusCode'),
    response && field(response, 'status'),
    response && field(response, 'statusCode'),
  ])
    if (typeof value === 'number') return value;
  return undefined;
}

/**
 * What a network failure was, as the system names it (ECONNREFUSED, ENOTFOUND, ECONNRESET): on the
 * error, or on its `cause` where fetch puts it (`TypeError: fetch failed`); else the error's name.
 * Never the message: it may quote the URL, and a Slack webhook's URL is a secret.
 */
export function networkCode(cause: unknown): string {
  const error = asObject(cause);
  if (error === undefined) return 'unknown';
  for (const candidate of [nested(error, 'cause'), error]) {
    const code = candidate && field(candidate, 'code');
    if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
  }
  return nameOf(error);
}

/** Enough for any error message Twilio or Node writes; a longer one is quoting something. */
const MAX_MESSAGE = 300;
const clip = (message: string): string =>
  message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;

/**
 * In one line, for logs: `AxiosError ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9`,
 * `RestException (HTTP 503, Twilio error 20500): Service Unavailable`. It reads name, code, status
 * and message only. The text may still quote anything the remote end said: the functions redact
 * it before printing (src/runtime/redact.ts).
 */
export function describeError(cause: unknown): string {
  if (typeof cause === 'string') return clip(cause);
  if (typeof cause !== 'object' || cause === null) return `a thrown ${typeof cause}`;
  // A string code is the system's or the HTTP library's (ECONNRESET); a number is Twilio's (20404).
  const code = field(cause, 'code');
  const status = statusOf(cause);
  const where = [
    ...(status === undefined ? [] : [`HTTP ${status}`]),
    ...(typeof code === 'number' ? [`Twilio error ${code}`] : []),
  ];
  const message = field(cause, 'message');
  return (
    nameOf(cause) +
    (typeof code === 'string' ? ` ${code}` : '') +
    (where.length > 0 ? ` (${where.join(', ')})` : '') +
    `: ${message === undefined || message === '' ? '(no message)' : clip(String(message))}`
  );
}

/** Twilio's error body `{code, message, more_info, status}`: the Serverless client's `details`, or got's body. */
function twilioBody(error: object): object | undefined {
  const details = nested(error, 'details');
  if (details !== undefined) return details;
  const response = nested(error, 'response');
  const body = response && field(response, 'body');
  if (typeof body !== 'string') return nested(response, 'body');
  try {
    return asObject(JSON.parse(body));
  } catch {
    return undefined;
  }
}

/** The fields the commands print and decide on; a network error's code (ECONNRESET) goes into the message. */
export function apiErrorInfo(cause: unknown): ApiErrorInfo {
  const error = asObject(cause);
  if (error === undefined) return { message: String(cause) };
  const body = twilioBody(error);
  const systemCode = field(error, 'code');
  const status = statusOf(error) ?? number(body && field(body, 'status'));
  const code = number(systemCode) ?? number(body && field(body, 'code'));
  let message = text(body && field(body, 'message')) ?? text(field(error, 'message')) ?? describeError(error);
  // A network error's code says what happened (got's HTTPError has one too, ERR_NON_2XX_3XX_RESPONSE: noise).
  if (typeof systemCode === 'string' && status === undefined && !message.includes(systemCode))
    message = `${systemCode}: ${message}`;
  const moreInfo = text(field(error, 'moreInfo')) ?? text(body && field(body, 'more_info'));
  return {
    ...(status !== undefined ? { status } : {}),
    ...(code !== undefined ? { code } : {}),
    message,
    ...(moreInfo !== undefined ? { moreInfo } : {}),
  };
}

/** 401 / 20003: the credentials were rejected. https://www.twilio.com/docs/errors/20003 */
export function isAuthRejected(cause: unknown): boolean {
  const { status, code } = apiErrorInfo(cause);
  return status === 401 || code === 20003;
}

/** 404 / 20404: no such resource. https://www.twilio.com/docs/errors/20404 */
export function isNotFound(cause: unknown): boolean {
  const { status, code } = apiErrorInfo(cause);
  return status === 404 || code === 20404;
}

/** 429 / 20429: too many requests at once. https://www.twilio.com/docs/errors/20429 */
export const isThrottled = (cause: unknown): boolean => apiErrorInfo(cause).status === 429;

/**
 * Worth retrying: 429, any 5xx, and network failures (no status, a system code such as
 * ECONNRESET or ETIMEDOUT). Updates set absolute values, so repeating one that may have landed is
 * harmless. 4xx other than 429 never succeed on retry.
 */
export function isRetryable(cause: unknown): boolean {
  const error = asObject(cause);
  const status = error && statusOf(error);
  if (status === undefined) return error !== undefined && typeof field(error, 'code') === 'string';
  return status === 429 || status >= 500;
}
