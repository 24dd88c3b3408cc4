import { backoffDelay, retryOptions, withRetry } from '../../src/numbers/retry';

/** Twilio's errors as the SDK throws them (RestException fields), and a network error as axios throws it. */
const twilioError = (status: number, code: number) =>
  Object.assign(new Error('x'), { status, code, moreInfo: `https://www.twilio.com/docs/errors/${code}` });
const networkError = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

function recorder() {
  const waits: number[] = [];
  return {
    waits,
    options: retryOptions({
      attempts: 5,
      throttledAttempts: 7,
      baseMs: 100,
      capMs: 1000,
      random: () => 0.5,
      sleep: async (ms: number) => void waits.push(ms),
    }),
  };
}

describe('backoffDelay', () => {
  it('doubles up to the cap, scaled by the jitter draw', () => {
    const options = retryOptions({ baseMs: 100, capMs: 1000, random: () => 1 });
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, options))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(3, { ...options, random: () => 0.25 })).toBe(200);
  });
});

describe('withRetry', () => {
  it.each([
    ['429', () => twilioError(429, 20429)],
    ['500', () => twilioError(500, 20500)],
    ['503', () => twilioError(503, 20503)],
    ['a network error', networkError],
  ])('retries %s with growing waits, then succeeds', async (_, make) => {
    const { waits, options } = recorder();
    let calls = 0;
    const value = await withRetry(async () => {
      if (++calls < 4) throw make();
      return 'ok';
    }, options);
    expect(value).toBe('ok');
    expect(calls).toBe(4);
    expect(waits).toEqual([50, 100, 200]);
  });

  it('gives 429s, which Twilio did not process, a larger budget than 5xx', async () => {
    const { waits, options } = recorder();
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw twilioError(429, 20429);
      }, options),
    ).rejects.toMatchObject({ status: 429 });
    expect(calls).toBe(7);
    expect(waits).toHaveLength(6);
  });

  it('429s and 5xx keep separate retry budgets', async () => {
    // attempts 5 for 5xx, throttledAttempts 7 for 429: interleaved, each runs out on its own count.
    const run = async (failures: Array<() => Error>) => {
      const { options } = recorder();
      let calls = 0;
      const result = await withRetry(async () => {
        const failure = failures[calls++];
        if (failure !== undefined) throw failure();
        return 'ok';
      }, options).catch((e: { status: number }) => e.status);
      return { result, calls };
    };
    const e503 = () => twilioError(503, 20503);
    const e429 = () => twilioError(429, 20429);
    // 4 failures of each kind: within both budgets, although 8 failures in all exceed either.
    expect(await run([e503, e429, e503, e429, e503, e429, e503, e429])).toEqual({ result: 'ok', calls: 9 });
    // The fifth 5xx ends it, however few 429s came before.
    expect(await run([e429, e503, e503, e503, e503, e503])).toEqual({ result: 503, calls: 6 });
    // The seventh 429 ends it, however few 5xx came before.
    expect(await run([e503, e429, e429, e429, e429, e429, e429, e429])).toEqual({ result: 429, calls: 8 });
  });

  it('gives up after the last attempt with the last error', async () => {
    const { waits, options } = recorder();
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw twilioError(503, 20503);
      }, options),
    ).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(5);
    expect(waits).toHaveLength(4);
  });

  it.each([
    [400, 21649],
    [401, 20003],
    [404, 20404],
  ])('never retries %i', async (status, code) => {
    const { waits, options } = recorder();
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw twilioError(status, code);
      }, options),
    ).rejects.toMatchObject({ code });
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });
});
