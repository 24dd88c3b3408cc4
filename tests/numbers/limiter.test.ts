import { AdaptiveLimiter } from '../../src/numbers/limiter';

/** A task the test finishes by hand, so concurrency is observed without timing. */
function gate() {
  const open: Array<(fail: boolean) => void> = [];
  let running = 0;
  let peak = 0;
  const task = () =>
    new Promise<void>((resolve, reject) => {
      running++;
      peak = Math.max(peak, running);
      open.push((fail) => {
        running--;
        if (fail) reject(Object.assign(new Error('429'), { status: 429 }));
        else resolve();
      });
    });
  return { open, task, peak: () => peak, running: () => running };
}

const throttled = (e: unknown): boolean => (e as { status?: number }).status === 429;
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('AdaptiveLimiter', () => {
  it('never runs more than its limit at once', async () => {
    const limiter = new AdaptiveLimiter(3);
    const g = gate();
    const all = Array.from({ length: 10 }, () => limiter.run(g.task, throttled));
    await settle();
    expect(g.running()).toBe(3);
    while (g.open.length > 0) {
      g.open.shift()?.(false);
      await settle();
      expect(g.running()).toBeLessThanOrEqual(3);
    }
    await Promise.all(all);
    expect(g.peak()).toBe(3);
  });

  it('shrinks by one per 429, not below 1, and grows back after a run of successes', async () => {
    const limiter = new AdaptiveLimiter(4);
    const g = gate();
    const runs = Array.from({ length: 4 }, () => limiter.run(g.task, throttled).catch(() => 'throttled'));
    await settle();
    const limits: number[] = [];
    for (let i = 0; i < 4; i++) {
      g.open.shift()?.(true);
      await settle();
      limits.push(limiter.limit);
    }
    await Promise.all(runs);
    expect(limits).toEqual([3, 2, 1, 1]);
    for (let i = 0; i < 3; i++) {
      const run = limiter.run(g.task, throttled);
      await settle();
      g.open.shift()?.(false);
      await run;
    }
    expect(limiter.limit).toBe(3); // 1 success at limit 1 -> 2; 2 successes at limit 2 -> 3
  });

  it('a 429 starts the run of successes again: growing needs a full run after it', async () => {
    const limiter = new AdaptiveLimiter(4);
    const g = gate();
    const one = async (fail: boolean) => {
      const run = limiter.run(g.task, throttled).catch(() => 'throttled');
      await settle();
      g.open.shift()?.(fail);
      await run;
      return limiter.limit;
    };
    expect(await one(true)).toBe(3);
    // Two successes, one short of a run at limit 3, then a 429: at limit 2 the run starts again.
    expect([await one(false), await one(false), await one(true)]).toEqual([3, 3, 2]);
    expect(await one(false)).toBe(2);
    expect(await one(false)).toBe(3);
    expect([await one(false), await one(false), await one(false)]).toEqual([3, 3, 4]);
    // Never above the maximum.
    for (let i = 0; i < 5; i++) expect(await one(false)).toBe(4);
  });

  it('refuses a limit that is not a positive integer', () => {
    for (const max of [0, -1, 1.5, Number.NaN])
      expect(() => new AdaptiveLimiter(max)).toThrow(`concurrency must be a positive integer, got ${max}`);
    expect(new AdaptiveLimiter(1).limit).toBe(1);
  });
});
