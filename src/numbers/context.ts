import type { PhoneNumberState, Regulatory, RoutingUpdate, ServiceOverride } from './types';
import type { RetryOptions } from './retry';

/**
 * The Twilio account, as these commands use it. The real one is `createNumbersApi` in
 * src/twilio/numbers-api.ts (the twilio SDK); tests point that at src/stand-in/twilio-api.ts.
 */
export interface NumbersApi {
  /** Every IncomingPhoneNumber of the account, all pages (page size 1000), each page retried. */
  listNumbers(): Promise<PhoneNumberState[]>;
  /** PN SID -> the Messaging Service that answers its inbound messages instead of the number's own URL. */
  listServiceOverrides(): Promise<Map<string, ServiceOverride>>;
  /** One POST, no retry (apply.ts retries). */
  updateNumber(sid: string, update: RoutingUpdate & Regulatory): Promise<void>;
}

/** The world a numbers run needs: passed in, so tests and `npm run deploy` bring their own. */
export interface NumbersContext {
  readonly api: NumbersApi;
  /** The account the credentials belong to: recorded in backups, checked on restore. */
  readonly accountSid: string;
  /** Where `.twilioserverless/` is. */
  readonly cwd: string;
  readonly now?: () => Date;
  /** Called once per number when its outcome is final (a progress bar). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly retry?: Partial<RetryOptions>;
}
