import type { NumbersFs } from './fs';
import type { LockProcess } from './lock';
import type { RetryOptions } from './retry';
import type { PhoneNumberState, Regulatory, RoutingUpdate, ServiceState, ServiceUpdate } from './types';

/**
 * The Twilio account, as these commands use it. The real one is `createNumbersApi` in
 * ./numbers-api.ts (the twilio SDK); tests point that at src/stand-in/twilio-api.ts.
 */
export interface NumbersApi {
  /** Every IncomingPhoneNumber of the account, all pages (page size 1000), each page retried. */
  listNumbers(): Promise<PhoneNumberState[]>;
  /** Every Messaging Service of the account, with its numbers' SIDs, all pages, each page retried. */
  listServices(): Promise<ServiceState[]>;
  /** Toll-free number's PN SID -> the statuses of its toll-free verifications (TWILIO_APPROVED...). */
  listTollfreeVerifications(): Promise<Map<string, string[]>>;
  /** One POST, no retry (apply.ts retries). */
  updateNumber(sid: string, update: RoutingUpdate & Regulatory): Promise<void>;
  /** One POST to the Messaging Service, no retry (apply.ts retries). */
  updateService(sid: string, update: ServiceUpdate): Promise<void>;
}

/** What a numbers run needs (an account, the project folder, the clock...): passed in, so tests bring their own. */
export interface NumbersContext {
  readonly api: NumbersApi;
  /** The account the credentials belong to: recorded in backups, checked on restore. */
  readonly accountSid: string;
  /** The project folder, where `.twilioserverless/` is (CommandWorld's root). */
  readonly root: string;
  readonly now?: () => Date;
  /** Called once per number when its outcome is final (a progress bar). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly retry?: Partial<RetryOptions>;
  /** Backups and the run lock go through this; the real file system when left out. */
  readonly fs?: NumbersFs;
  /** This process for the run lock (src/numbers/lock.ts); the real one when left out. */
  readonly lockProcess?: LockProcess;
  /** Called once the backup is on disk, before the first write (to say what to restore if cut short). */
  readonly onBackup?: (path: string) => void;
  /** A note for the person running the command, printed on stderr (a stale lock taken over). */
  readonly warn?: (line: string) => void;
}
