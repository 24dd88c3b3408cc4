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

/** A store that lists each call it gets, and fails the calls `fails` says. */
function recording(fails: (call: string) => boolean = () => false) {
  const calls: string[] = [];
  const memory = new MemoryStore(() => NOW.getTime());
  const failing = (call: string) => (calls.push(call), fails(call));
  const store: Store = {
    get: (key) => (failing(`get ${key}`) ? Promise.reject(new Error(`get ${key}`)) : memory.get(key)),
    set: (key, value, ttl) =>
      failing(`set ${key}`) ? Promise.reject(new Error(`set ${key}`)) : memory.set(key, value, ttl),
  };
  return { calls, store };
}

describe('what each message asks of the store, and nothing more', () => {
  const relayKey = keys.target(RECEIVER, OWNER);
  const repliedKey = keys.replied(RECEIVER, SENDER);

  it("a forwarded sender: the target's list is read, then written with the sender in it", async () => {
    const { calls, store } = recording();
    await route(message(), forwardPolicy, NOW, store);
    expect(calls).toEqual([`get ${relayKey}`, `set ${relayKey}`]);
  });

  it("a target's message: its own memory, read then written (the hint's time)", async () => {
    const { calls, store } = recording();
    await route(message({ From: OWNER, Body: 'hi' }), forwardPolicy, NOW, store);
    expect(calls).toEqual([`get ${relayKey}`, `set ${relayKey}`]);
  });

  it("an auto-reply once per sender: only that sender's key", async () => {
    const { calls, store } = recording();
    await route(message(), oncePolicy, NOW, store);
    expect(calls).toEqual([`get ${repliedKey}`, `set ${repliedKey}`]);
  });

  it("a sender that is no phone number (a short code) is forwarded, and becomes nobody's partner", async () => {
    const { calls, store } = recording();
    const answer = await route(message({ From: '22395' }), forwardPolicy, NOW, store);
    expect(answer.messages).toEqual([{ to: OWNER, body: `22395: ${fixtures.sms.Body}`, media: [] }]);
    expect(calls).toEqual([]);
  });

  it('a failed read of who was auto-replied to: the forward goes on, and the store is asked nothing more', async () => {
    const { calls, store } = recording((call) => call.startsWith('get'));
    const failures: unknown[] = [];
    const policy: Policy = { ...forwardPolicy, replyOncePer: 3600 };
    const answer = await route(message(), policy, NOW, store, (cause) => failures.push(cause));
    expect(answer.messages).toHaveLength(1);
    expect(calls).toEqual([`get ${repliedKey}`]);
    expect(failures).toEqual([new Error(`get ${repliedKey}`)]);
  });

  it('two reads failing at once are reported once, and nothing is written', async () => {
    const { calls, store } = recording((call) => call.startsWith('get'));
    const failures: unknown[] = [];
    const second = '+15551230002';
    const policy: Policy = { ...forwardPolicy, rule: { mode: 'forward', to: [OWNER, second], template: '{Body}' } };
    await route(message(), policy, NOW, store, (cause) => failures.push(cause));
    expect(calls).toEqual([`get ${relayKey}`, `get ${keys.target(RECEIVER, second)}`]);
    expect(failures).toEqual([new Error(`get ${relayKey}`)]);
  });

  it('a failed write is reported, and the message is answered all the same', async () => {
    const { calls, store } = recording((call) => call.startsWith('set'));
    const failures: unknown[] = [];
    const answer = await route(message(), oncePolicy, NOW, store, (cause) => failures.push(cause));
    expect(answer.messages).toEqual([{ body: 'Thanks', media: [] }]);
    expect(calls).toEqual([`get ${repliedKey}`, `set ${repliedKey}`]);
    expect(failures).toEqual([new Error(`set ${repliedKey}`)]);
  });
});
