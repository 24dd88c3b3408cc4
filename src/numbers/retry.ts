import { isRetryable, isThrottled } from '../twilio/errors';

/**
 * Exponential backoff with full jitter: attempt n waits random(0, min(cap, base * 2^n)).
 * Full jitter spreads retries of many concurrent updates instead of bunching them.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export interface RetryOptions {
  /** Total tries, the first included, when failures are 5xx or network errors. */
  readonly attempts: number;
  /**
   * Total tries when failures are 429s: a 429 request was not processed and is safe to retry after
   * backing off (https://www.twilio.com/docs/api/errors/20429), so they get a larger budget.
   */
  readonly throttledAttempts: number;
  readonly baseMs: number;
  readonly capMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 8,
  throttledAttempts: 20,
  baseMs: 100,
  capMs: 5000,
  random: Math.random,
  sleep,
};

export const retryOptions = (partial: Partial<RetryOptions> = {}): RetryOptions => ({ ...DEFAULT_RETRY, ...partial });

/** The wait before retry number `retry` (0 for the first retry). */
export function backoffDelay(retry: number, options: RetryOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** retry);
  return Math.floor(options.random() * ceiling);
}

/** Runs `attempt` until it succeeds, fails with an error not worth retrying, or runs out of attempts. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: RetryOptions,
  retryable = isRetryable,
): Promise<T> {
  let failed = 0;
  let throttled = 0;
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (e) {
      if (!retryable(e)) throw e;
      if (isThrottled(e) ? ++throttled >= options.throttledAttempts : ++failed >= options.attempts) throw e;
      await options.sleep(backoffDelay(retry, options));
    }
  }
}
