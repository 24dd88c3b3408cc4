/**
 * A concurrency limit that shrinks when Twilio answers 429 and grows back after a run of
 * successes (additive increase, additive decrease). Twilio answers 429 (error 20429) when an
 * account exceeds its allowed concurrency and asks clients to back off and reduce concurrent calls
 * (https://www.twilio.com/docs/api/errors/20429): retrying at the same concurrency would keep
 * hitting the limit, so the pool adapts to it instead.
 */
export class AdaptiveLimiter {
  private limitNow: number;
  private active = 0;
  private successes = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a positive integer, got ${max}`);
    this.limitNow = max;
  }

  /** The current limit (for tests and progress output). */
  get limit(): number {
    return this.limitNow;
  }

  /** Runs `task` when a slot is free. `throttled(error)` tells whether a failure was a 429. */
  async run<T>(task: () => Promise<T>, throttled: (e: unknown) => boolean): Promise<T> {
    await this.acquire();
    try {
      const value = await task();
      this.release(false);
      return value;
    } catch (e) {
      this.release(throttled(e));
      throw e;
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limitNow) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(throttled: boolean): void {
    this.active--;
    if (throttled) {
      this.limitNow = Math.max(1, this.limitNow - 1);
      this.successes = 0;
    } else if (++this.successes >= this.limitNow && this.limitNow < this.max) {
      this.limitNow++;
      this.successes = 0;
    }
    while (this.active < this.limitNow && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()?.();
    }
  }
}
