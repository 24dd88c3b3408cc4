/**
 * One deadline for all of a message's reads and writes (src/runtime/deadline.ts). The timer is
 * handed in, so each test fires it when it chooses: no test waits for a clock.
 */
import { MemoryStore, type Store } from '../../src/routing/store';
import { DeadlinePassed, withDeadline, type Timer } from '../../src/runtime/deadline';

/** A timer the test fires by hand, recording each one started. */
function manualTimer() {
  const started: number[] = [];
  let fire: (() => void) | undefined;
  const timer: Timer = (ms, callback) => {
    started.push(ms);
    fire = callback;
  };
  return { timer, started, fire: () => fire?.() };
}

/** A store whose calls never settle, recording them. */
function hangingStore(calls: string[]): Store {
  return {
    get: (key) => (calls.push(`get ${key}`), new Promise(() => undefined)),
    set: (key) => (calls.push(`set ${key}`), new Promise(() => undefined)),
  };
}

test('calls that answer in time pass through, and the timer starts at the first call, once', async () => {
  const clock = manualTimer();
  const store = withDeadline(new MemoryStore(), 1500, clock.timer);
  expect(clock.started).toEqual([]);
  await store.set('a', 'one', 60);
  expect(await store.get('a')).toBe('one');
  expect(await store.get('b')).toBeUndefined();
  expect(clock.started).toEqual([1500]);
});

test("the store's own failure passes through unchanged", async () => {
  const failing: Store = {
    get: () => Promise.reject(new Error('Sync said no')),
    set: () => Promise.reject(new Error('Sync said no')),
  };
  const store = withDeadline(failing, 1500, manualTimer().timer);
  await expect(store.get('a')).rejects.toThrow('Sync said no');
});

test('past the deadline, pending calls reject, and later ones at once, without reaching the store', async () => {
  const clock = manualTimer();
  const calls: string[] = [];
  const store = withDeadline(hangingStore(calls), 800, clock.timer);
  const pending = [store.get('a'), store.set('b', 'x', 60)];
  clock.fire();
  for (const call of pending) await expect(call).rejects.toEqual(new DeadlinePassed(800));
  await expect(store.set('c', 'y', 60)).rejects.toBeInstanceOf(DeadlinePassed);
  await expect(store.get('d')).rejects.toMatchObject({ name: 'DeadlinePassed', ms: 800 });
  expect(calls).toEqual(['get a', 'set b']);
  expect(clock.started).toEqual([800]);
});

test('the error says how long the store was given: "no answer within 800 ms"', async () => {
  const clock = manualTimer();
  const store = withDeadline(hangingStore([]), 800, clock.timer);
  const pending = store.get('a');
  clock.fire();
  await expect(pending).rejects.toThrow(/^no answer within 800 ms$/);
  expect(new DeadlinePassed(2500).message).toBe('no answer within 2500 ms');
});

test('a call made after the first ones answered still races the same, first deadline', async () => {
  const clock = manualTimer();
  const calls: string[] = [];
  const memory = new MemoryStore();
  const store = withDeadline(
    { get: (key) => memory.get(key), set: (key, value, ttl) => hangingStore(calls).set(key, value, ttl) },
    500,
    clock.timer,
  );
  expect(await store.get('a')).toBeUndefined();
  const write = store.set('a', 'x', 60);
  clock.fire();
  await expect(write).rejects.toBeInstanceOf(DeadlinePassed);
  expect(clock.started).toEqual([500]);
});

test('with the real timer, a store that never answers is given up on', async () => {
  const store = withDeadline(hangingStore([]), 20);
  await expect(store.get('a')).rejects.toBeInstanceOf(DeadlinePassed);
});
