// The one place a Serverless API client is made, and its errors are read.
import { TwilioServerlessApiClient } from '@twilio-labs/serverless-api';
import type { Credentials } from '../twilio/credentials';
import { redirectRequests } from './base-url';

export function createServerlessClient(credentials: Credentials, origin?: URL): TwilioServerlessApiClient {
  const api = new TwilioServerlessApiClient({ username: credentials.username, password: credentials.password });
  if (origin !== undefined) redirectRequests(api, origin);
  return api;
}

/** What a failed call said: Twilio's error code and HTTP status, when it got that far. */
export interface ApiFailure {
  readonly status?: number;
  readonly code?: number;
  readonly message: string;
  readonly moreInfo?: string;
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
const asNumber = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Reads got's HTTPError (`response.statusCode`, `response.body`) and the client's ClientApiError
 * (`code`, `details` = Twilio's error body). Twilio's body is `{code, message, more_info, status}`.
 */
export function apiFailure(cause: unknown): ApiFailure {
  const response = field(cause, 'response');
  const rawBody = field(response, 'body');
  let body: unknown = rawBody;
  if (typeof rawBody === 'string') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
  }
  const details = field(cause, 'details') ?? body;
  const status = asNumber(field(response, 'statusCode')) ?? asNumber(field(details, 'status'));
  const code = asNumber(field(details, 'code')) ?? asNumber(field(cause, 'code'));
  const message = asString(field(details, 'message')) ?? (cause instanceof Error ? cause.message : String(cause));
  return { status, code, message, moreInfo: asString(field(details, 'more_info')) };
}

/** HTTP 401 / Twilio 20003: the credentials are wrong (or lack access to Serverless). */
export const isRejection = (failure: ApiFailure): boolean => failure.status === 401 || failure.code === 20003;
export const isNotFound = (failure: ApiFailure): boolean => failure.status === 404 || failure.code === 20404;
