import type { NumbersContext } from './context';
import type { Regulatory, RunReport } from './types';

/** What to attach where, resolved by the caller (`npm run numbers -- attach` or `npm run deploy -- --attach`). */
export interface AttachRequest {
  /** The absolute http(s) URL numbers' SMS will go to (SmsMethod POST). */
  readonly url: string;
  /** Optional fallback URL (SmsFallbackMethod POST). */
  readonly fallbackUrl?: string;
  /** E.164 numbers, PN SIDs, or numbers as people type them; or every number of the account. */
  readonly numbers: readonly string[] | 'all';
  /** Default region (ISO 3166 alpha-2) for numbers typed without a country code; 'US' when left out. */
  readonly country?: string;
  readonly regulatory?: Regulatory;
  /** Updates at once, default 8. */
  readonly concurrency?: number;
  readonly dryRun?: boolean;
  /** Recorded in the backup, e.g. "npm run deploy -- --attach +15551230000". */
  readonly command: string;
}

/**
 * Resolves and validates everything, plans, and unless dryRun backs up then writes.
 * Throws InputError (src/numbers/errors.ts, exit 2) before any write on invalid input, and
 * CredentialsError (src/twilio/credentials.ts, exit 3) when Twilio rejects the credentials.
 */
export async function attachNumbers(ctx: NumbersContext, request: AttachRequest): Promise<RunReport> {
  void ctx;
  void request;
  throw new Error('not implemented yet');
}
