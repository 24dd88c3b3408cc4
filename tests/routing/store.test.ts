import { MemoryStore } from '../../src/routing/store';

test('MemoryStore keeps a value for its time to live: to the last millisecond before, not at the end', async () => {
  let now = 1_000_000;
  const store = new MemoryStore(() => now);
  await store.set('k', 'v', 10);
  now += 9_999;
  const before = await store.get('k');
  now += 1;
  expect([before, await store.get('k'), await store.get('other')]).toEqual(['v', undefined, undefined]);
});
