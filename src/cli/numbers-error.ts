import type { ApiErrorInfo } from '../twilio/errors';

/** A Twilio error in one line: its message, code (or HTTP status) and link; never the error object. */
export function formatError(error: ApiErrorInfo): string {
  const code =
    error.code !== undefined ? `error ${error.code}` : error.status !== undefined ? `HTTP ${error.status}` : undefined;
  return [error.message, code, error.moreInfo].filter((part) => part !== undefined).join(' | ');
}
