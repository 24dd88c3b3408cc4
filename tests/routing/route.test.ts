import { readInbound } from '../../src/routing/inbound';
import { keys } from '../../src/routing/memory';
import type { Policy } from '../../src/routing/policy';
import { route } from '../../src/routing/route';
import { MemoryStore, type Store } from '../../src/routing/store';
import { fixtures, params, RECEIVER, SENDER } from '../fixtures';

const OWNER = '+15551230000';
const NOW = new Date('2026-11-26T17:00:00Z');
const forwardPolicy: Policy = {
  block: [],
  allow: [],
  keywords: new Map(),
  rule: { mode: 'forward', to: [OWNER], template: '{From}: {Body}' },
  ownNumbers: new Set([RECEIVER]),
};
const oncePolicy: Policy = {
  block: [],
  allow: [],
  keywords: new Map(),
  rule: { mode: 'auto-reply', message: 'Thanks' },
  replyOncePer: 3600,
  ownNumbers: new Set([RECEIVER]),
};
const message = (changes: Record<string, string> = {}) => readInbound(params(fixtures.sms, changes));

describe('route with a store', () => {
  it('lets a target answer the one sender it talks with without typing the number', async () => {
    const store = new MemoryStore(() => NOW.getTime());
    await route(message(), forwardPolicy, NOW, store);
    const memory = JSON.stringify({ partners: [{ number: SENDER, at: NOW.getTime() }] });
    expect(await store.get(keys.target(RECEIVER, OWNER))).toBe(memory);
    const answer = await route(message({ From: OWNER, Body: 'on my way' }), forwardPolicy, NOW, store);
    expect(answer.messages).toEqual([{ to: SENDER, body: 'on my way', media: [] }]);
  });

  it('auto-replies at most once per sender per window, then again after it', async () => {
    let now = NOW.getTime();
    const store = new MemoryStore(() => now);
    const reply = () => route(message(), oncePolicy, new Date(now), store);
    expect((await reply()).messages).toHaveLength(1);
    expect((await reply()).messages).toHaveLength(0);
    expect((await route(message({ From: '+12125550199' }), oncePolicy, new Date(now), store)).messages).toHaveLength(1);
    now += 3601 * 1000;
    expect((await reply()).messages).toHaveLength(1);
  });

  it('decides without memory when the store fails, reports it once, and asks the store nothing more', async () => {
    const asked: string[] = [];
    const broken: Store = {
      get: (key) => (asked.push(`get ${key}`), Promise.reject(new Error('sync down'))),
      set: (key) => (asked.push(`set ${key}`), Promise.reject(new Error('sync down'))),
    };
    const failures: unknown[] = [];
    const answer = await route(message(), oncePolicy, NOW, broken, (cause) => failures.push(cause));
    expect(answer.messages).toEqual([{ body: 'Thanks', media: [] }]);
    expect(failures).toEqual([new Error('sync down')]);
    expect(asked).toEqual([`get ${keys.replied(RECEIVER, SENDER)}`]);
  });

  it('decides from the message alone, at once, when there is no store', () => {
    const answer = route(message({ From: OWNER, Body: 'on my way' }), forwardPolicy, NOW);
    if (answer instanceof Promise) throw new Error('route() waited for nothing');
    expect(answer.messages).toEqual([{ body: expect.stringMatching(/start with their number/), media: [] }]);
  });

  it('never relays to a remembered value that is not a number', async () => {
    const store = new MemoryStore(() => NOW.getTime());
    await store.set(keys.target(RECEIVER, OWNER), '+1</Message>', 60);
    const answer = await route(message({ From: OWNER, Body: 'hi' }), forwardPolicy, NOW, store);
    expect(answer.messages.every((m) => m.to === undefined)).toBe(true);
  });
});
