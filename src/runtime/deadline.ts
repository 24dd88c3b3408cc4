import type { Store } from '../routing/store';

/** The message's memory did not answer in time: it is routed without what it would have read. */
export class DeadlinePassed extends Error {
  override readonly name = 'DeadlinePassed';
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** Calls `fire` once, `ms` from now. */
export type Timer = (ms: number, fire: () => void) => void;

// unref: a deadline that nothing waits for any more must not keep a process alive.
const afterMs: Timer = (ms, fire) => void setTimeout(fire, ms).unref();

/**
 * `store` for one message, with one deadline for all of its reads and writes together: the timer
 * starts at the first call; once it has fired, pending calls reject and later ones reject at once,
 * without reaching `store`. Twilio stops a Function at 10 s and the message is then lost (error
 * 11200), while the SDK waits 30 s by default: this bounds the whole Sync phase, however many calls
 * a message needs, so the routing (which treats a failed call as "not known") answers in time.
 */
export function withDeadline(store: Store, ms: number, timer: Timer = afterMs): Store {
  let expired: Promise<never> | undefined;
  let passed = false;
  const race = <T>(work: () => Promise<T>): Promise<T> => {
    if (passed) return Promise.reject(new DeadlinePassed(ms));
    // Started by the first call, shared by every later one; Promise.race handles its rejection.
    expired ??= new Promise<never>((_, reject) =>
      timer(ms, () => {
        passed = true;
        reject(new DeadlinePassed(ms));
      }),
    );
    return Promise.race([work(), expired]);
  };
  return {
    get: (key) => race(() => store.get(key)),
    set: (key, value, ttlSeconds) => race(() => store.set(key, value, ttlSeconds)),
  };
}
