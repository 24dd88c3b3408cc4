import { apiErrorInfo, isThrottled, type ApiErrorInfo } from '../twilio/errors';
import type { NumbersApi } from './context';
import { AdaptiveLimiter } from './limiter';
import { retryOptions, withRetry, type RetryOptions } from './retry';
import { inboundOf } from './fields';
import type { Change, NumberResult, Regulatory, ServiceChange, ServiceResult } from './types';

export const DEFAULT_CONCURRENCY = 8;

export interface ApplyOptions {
  /** Updates at once at most; fewer after 429s (see limiter.ts). */
  readonly concurrency?: number;
  readonly retry?: Partial<RetryOptions>;
  /** Sent with every write: some countries refuse an update without them. */
  readonly regulatory?: Regulatory;
  readonly onProgress?: (done: number, total: number) => void;
  /** Services whose update failed: a number that requires one is not written (see Change.requires). */
  readonly failedServices?: ReadonlyMap<string, ApiErrorInfo>;
}

/** A number that needs its service's update, which failed: it would stay unreachable. */
const serviceFailed = (sid: string, error: ApiErrorInfo): ApiErrorInfo => ({
  ...error,
  message: `not written: its Messaging Service ${sid} could not be updated (${error.message})`,
});

/**
 * Writes each planned update, concurrently, each retried on 429, 5xx and network errors; never
 * throws for one number: every change ends changed, unchanged, skipped or failed, in plan order.
 */
export async function applyChanges(
  changes: readonly Change[],
  write: NumbersApi['updateNumber'],
  options: ApplyOptions = {},
): Promise<NumberResult[]> {
  const retry = retryOptions(options.retry);
  const limiter = new AdaptiveLimiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  const regulatory = options.regulatory ?? {};
  let done = 0;
  const finish = (result: NumberResult): NumberResult => {
    options.onProgress?.(++done, changes.length);
    return result;
  };
  return Promise.all(
    changes.map(async (change): Promise<NumberResult> => {
      const base = { sid: change.number.sid, phoneNumber: change.number.phoneNumber };
      if (change.skipped !== undefined) return finish({ ...base, outcome: 'skipped', warning: change.skipped });
      if (change.requires !== undefined) {
        const blocked = options.failedServices?.get(change.requires);
        if (blocked !== undefined)
          return finish({ ...base, outcome: 'failed', error: serviceFailed(change.requires, blocked) });
      }
      const update = change.update;
      if (update === null) return finish({ ...base, outcome: 'unchanged' });
      try {
        // The limiter slot is held for one attempt only: backoff sleeps do not block other numbers.
        await withRetry(
          () => limiter.run(() => write(change.number.sid, { ...update, ...regulatory }), isThrottled),
          retry,
        );
        return finish({ ...base, outcome: 'changed' });
      } catch (e) {
        return finish({ ...base, outcome: 'failed', error: apiErrorInfo(e) });
      }
    }),
  );
}

/** Writes each service's update (there are few), each retried like a number's. */
export async function applyServiceChanges(
  changes: readonly ServiceChange[],
  write: NumbersApi['updateService'],
  options: Pick<ApplyOptions, 'retry'> = {},
): Promise<ServiceResult[]> {
  const retry = retryOptions(options.retry);
  return Promise.all(
    changes.map(async ({ service, update, after }): Promise<ServiceResult> => {
      const base = { sid: service.sid, friendlyName: service.friendlyName, now: inboundOf(service), after };
      if (update === null) return { ...base, outcome: 'unchanged' };
      try {
        await withRetry(() => write(service.sid, update), retry);
        return { ...base, outcome: 'changed' };
      } catch (e) {
        return { ...base, outcome: 'failed', error: apiErrorInfo(e) };
      }
    }),
  );
}
