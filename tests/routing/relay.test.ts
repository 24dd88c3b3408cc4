/**
 * Relay safety (issue 11): where a target's relay may go, what answers it gets, and how the
 * memory keeps a stranger from collecting an answer meant for someone else. Every test runs
 * route() with an in-memory store and a clock it moves by hand.
 */
import { parseWindow, type Window } from '../../src/routing/hours';
import { readInbound } from '../../src/routing/inbound';
import { keys } from '../../src/routing/memory';
import type { Policy } from '../../src/routing/policy';
import { route } from '../../src/routing/route';
import { MemoryStore, type Store } from '../../src/routing/store';
import { fixtures, params, RECEIVER, SENDER } from '../fixtures';

const OTHER_NUMBER = '+15005550007'; // another number of this service (a routing-file key)
const TARGET = '+15551230000';
const NIGHT_TARGET = '+15551239999'; // a target outside business hours only
const STRANGER = '+14155550199';
const BLOCKED = '+19005550100';
const MINUTE = 60_000;
const START = new Date('2026-11-26T17:00:00Z').getTime();

const PHOTO = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1';

const HOW = 'start with their number: +15551230000: your text';
const HINT = `Not sent. To answer someone, ${HOW}`;

const policy = (changes: Partial<Policy> = {}): Policy => ({
  block: ['+1900*'],
  allow: [],
  keywords: new Map([['HOURS', 'Open every day']]),
  rule: { mode: 'forward', to: [TARGET], template: '{From}: {Body}' },
  hours: {
    schedule: { timeZone: 'UTC', windows: [parseWindow('Daily 00:00-24:00') as Window], closed: new Set() },
    outside: { mode: 'forward', to: [NIGHT_TARGET], template: '{From}: {Body}' },
  },
  ownNumbers: new Set([RECEIVER, OTHER_NUMBER]),
  ...changes,
});

/** One Twilio number's traffic, with a store and a clock (minutes after START). */
function world(store?: Store, p: Policy = policy()) {
  let now = START;
  const memory = store ?? new MemoryStore(() => now);
  return {
    store: memory,
    at(minutes: number) {
      now = START + minutes * MINUTE;
    },
    async text(From: string, Body: string, To = RECEIVER) {
      return route(readInbound(params(fixtures.sms, { From, To, Body })), p, new Date(now), memory);
    },
    /** An MMS of one photo, with `Body` beside it ('' for a photo alone). */
    async photo(From: string, Body = '') {
      const mms = { From, To: RECEIVER, Body, NumMedia: '1', MediaUrl0: PHOTO, MediaContentType0: 'image/jpeg' };
      return route(readInbound(params(fixtures.sms, mms)), p, new Date(now), memory);
    },
  };
}

describe('a relay is refused, with a one-line reason, every time', () => {
  test.each([
    ['+1555', 'Not sent: +1555 is not a possible phone number.'],
    ['+999999999', 'Not sent: +999999999 is not a possible phone number.'],
    [TARGET, `Not sent: ${TARGET} is your own number.`],
    [RECEIVER, `Not sent: ${RECEIVER} is this Twilio number.`],
    [OTHER_NUMBER, `Not sent: ${OTHER_NUMBER} is another number of this service.`],
    [NIGHT_TARGET, `Not sent: ${NIGHT_TARGET} is a forwarding target of this number.`],
    [BLOCKED, `Not sent: ${BLOCKED} is on the block list.`],
  ])('to %s', async (to, reason) => {
    const { text, at } = world();
    for (const minute of [0, 1, 2]) {
      at(minute);
      expect((await text(TARGET, `${to}: hello`)).messages).toEqual([{ body: reason, media: [] }]);
    }
  });

  test('a target outside business hours is refused the same way', async () => {
    const { text } = world();
    expect((await text(NIGHT_TARGET, `${TARGET}: hi`)).messages).toEqual([
      { body: `Not sent: ${TARGET} is a forwarding target of this number.`, media: [] },
    ]);
  });

  test('a possible number that is none of these gets the relay', async () => {
    const { text } = world();
    expect((await text(TARGET, `${STRANGER}: hello`)).messages).toEqual([{ to: STRANGER, body: 'hello', media: [] }]);
  });
});

describe("this service's own numbers get no auto-reply, hint or keyword answer", () => {
  const autoReply = policy({ rule: { mode: 'auto-reply', message: 'Thanks' }, hours: undefined });

  test.each([
    ['another number of this service', OTHER_NUMBER],
    ['the receiving number itself', RECEIVER],
  ])('%s gets no auto-reply and no keyword answer', async (_what, from) => {
    const { text } = world(undefined, autoReply);
    for (const body of ['hello', 'HOURS?']) {
      const decision = await text(from, body);
      expect(decision.messages).toEqual([]);
      expect(decision.note).toMatch(/one of this service's numbers/);
    }
    // Control: anyone else gets both.
    expect((await text(SENDER, 'hello')).messages).toEqual([{ body: 'Thanks', media: [] }]);
    expect((await text(SENDER, 'HOURS?')).messages).toEqual([{ body: 'Open every day', media: [] }]);
  });

  test('a number of this service listed as a target gets no hint', async () => {
    const { text } = world(undefined, policy({ rule: { mode: 'forward', to: [OTHER_NUMBER], template: '{Body}' } }));
    expect((await text(OTHER_NUMBER, 'hello')).messages).toEqual([]);
  });

  test('a message from another number of this service is still forwarded (nothing answers it)', async () => {
    const { text } = world();
    expect((await text(OTHER_NUMBER, 'hello')).messages).toEqual([
      { to: TARGET, body: `${OTHER_NUMBER}: hello`, media: [] },
    ]);
  });
});

describe('the hint goes to a target at most once per 10 minutes', () => {
  test('at 0, not at 9:59.999, again at 10:00', async () => {
    const { text, at } = world();
    at(0);
    expect((await text(TARGET, 'thanks!')).messages).toEqual([{ body: HINT, media: [] }]);
    at(10 - 1 / MINUTE);
    const quiet = await text(TARGET, 'thanks again');
    expect(quiet.messages).toEqual([]);
    expect(quiet.note).toMatch(/hint was sent less than 10 minutes ago/);
    at(10);
    expect((await text(TARGET, 'still there?')).messages).toEqual([{ body: HINT, media: [] }]);
  });

  test('per target and per Twilio number', async () => {
    const { text, at } = world();
    expect((await text(TARGET, 'a')).messages).toHaveLength(1);
    at(1);
    expect((await text(NIGHT_TARGET, 'b')).messages).toEqual([{ body: HINT, media: [] }]);
    expect((await text(TARGET, 'c', OTHER_NUMBER)).messages).toEqual([{ body: HINT, media: [] }]);
    expect((await text(TARGET, 'd')).messages).toEqual([]);
  });

  test('a refusal is no hint: it answers every time, even right after a hint', async () => {
    const { text } = world();
    expect((await text(TARGET, 'thanks!')).messages).toEqual([{ body: HINT, media: [] }]);
    expect((await text(TARGET, '+1555: hi')).messages).toEqual([
      { body: 'Not sent: +1555 is not a possible phone number.', media: [] },
    ]);
  });

  test('without a store, every time (nothing can be remembered)', async () => {
    const decide = () => route(readInbound(params(fixtures.sms, { From: TARGET, Body: 'ok' })), policy(), new Date());
    expect(decide()).toEqual(expect.objectContaining({ messages: [{ body: HINT, media: [] }] }));
    expect(decide()).toEqual(expect.objectContaining({ messages: [{ body: HINT, media: [] }] }));
  });
});

describe('a reply without a number', () => {
  test('goes to the one person who wrote in the last 10 minutes: at 9:59.999, not at 10:00', async () => {
    const first = world();
    await first.text(SENDER, 'are you open?');
    first.at(10 - 1 / MINUTE);
    expect((await first.text(TARGET, 'yes until 5')).messages).toEqual([
      { to: SENDER, body: 'yes until 5', media: [] },
    ]);

    const second = world();
    await second.text(SENDER, 'are you open?');
    second.at(10);
    expect((await second.text(TARGET, 'yes until 5')).messages).toEqual([{ body: HINT, media: [] }]);
  });

  test('one person writing twice is still one person', async () => {
    const { text, at } = world();
    await text(SENDER, 'hello');
    at(1);
    await text(SENDER, 'anyone?');
    at(2);
    expect((await text(TARGET, 'sure')).messages).toEqual([{ to: SENDER, body: 'sure', media: [] }]);
  });

  test('with two people in the last 10 minutes: the hint names both by their last 4 digits, nobody gets', async () => {
    const { text, at } = world();
    await text(SENDER, 'hello');
    at(1);
    await text(STRANGER, 'hi there');
    at(2);
    expect((await text(TARGET, 'sure')).messages).toEqual([
      { body: `Not sent: who is it for? In the last 10 minutes: …0143, …0199. To answer, ${HOW}`, media: [] },
    ]);
  });
});

describe('what a target sends is relayed as it means it', () => {
  test('a photo-only reply from a target to the remembered sender is relayed', async () => {
    const { text, photo, at } = world();
    await text(SENDER, 'what does it look like?');
    at(1);
    expect((await photo(TARGET)).messages).toEqual([{ to: SENDER, body: '', media: [PHOTO] }]);
  });

  test('"+1…:" with only a photo is relayed', async () => {
    const { photo } = world();
    for (const command of [`${SENDER}:`, `${SENDER}: `, `${SENDER} `])
      expect((await photo(TARGET, command)).messages).toEqual([{ to: SENDER, body: '', media: [PHOTO] }]);
  });

  test('"+1…:" with neither text nor photo is refused, saying the text is empty', async () => {
    const { text } = world();
    expect((await text(TARGET, `${SENDER}: \n `)).messages).toEqual([
      { body: `Not sent: the text after ${SENDER} is empty.`, media: [] },
    ]);
  });

  test('relayed text is trimmed, with or without the number', async () => {
    const { text, at } = world();
    expect((await text(TARGET, `  ${SENDER}:  see you at 5 \n `)).messages).toEqual([
      { to: SENDER, body: 'see you at 5', media: [] },
    ]);
    at(1);
    expect((await text(TARGET, ' \n on my way  \t')).messages).toEqual([{ to: SENDER, body: 'on my way', media: [] }]);
  });

  test('a relayed text is cut at 1600 characters: exactly 1600 go whole, 1601 lose the last', async () => {
    const { text } = world();
    const full = 'a'.repeat(1599) + 'b';
    expect((await text(TARGET, `${SENDER}: ${full}`)).messages).toEqual([{ to: SENDER, body: full, media: [] }]);
    expect((await text(TARGET, `${SENDER}: ${full}c`)).messages).toEqual([{ to: SENDER, body: full, media: [] }]);
  });

  test('a number inside the text, or with letters before the colon, is no command: to the partner', async () => {
    const { text, at } = world();
    await text(SENDER, 'hello');
    for (const [minute, body] of [
      [1, `call me on ${STRANGER} today`],
      [2, `${STRANGER}x: today`],
    ] as const) {
      at(minute);
      expect((await text(TARGET, body)).messages).toEqual([{ to: SENDER, body, media: [] }]);
    }
  });

  test('a bare answer of only spaces gets the hint naming the partner, not an empty message', async () => {
    const { text, at } = world();
    await text(SENDER, 'hello');
    at(1);
    expect((await text(TARGET, '  \n ')).messages).toEqual([
      { body: `Not sent: who is it for? In the last 10 minutes: …0143. To answer, ${HOW}`, media: [] },
    ]);
  });
});

describe("after a relay, a stranger's text in between cannot take the target's next answer", () => {
  test('customer writes, target answers, stranger writes, target answers again: the hint, no stranger', async () => {
    const { text, at } = world();
    at(0);
    expect((await text(SENDER, 'is my bike ready?')).messages).toEqual([
      { to: TARGET, body: `${SENDER}: is my bike ready?`, media: [] },
    ]);
    at(1);
    expect((await text(TARGET, 'checking')).messages).toEqual([{ to: SENDER, body: 'checking', media: [] }]);
    at(2);
    expect((await text(STRANGER, 'hey')).messages).toEqual([{ to: TARGET, body: `${STRANGER}: hey`, media: [] }]);
    at(3);
    const next = await text(TARGET, 'yes, pick it up at 5');
    expect(next.messages).toEqual([
      { body: `Not sent: who is it for? In the last 10 minutes: …0143, …0199. To answer, ${HOW}`, media: [] },
    ]);
  });

  test("a relay makes its destination the target's partner, long after that person last wrote", async () => {
    const { text, at } = world();
    await text(SENDER, 'is my bike ready?');
    at(30);
    expect((await text(TARGET, `${SENDER}: yes, ready`)).messages).toEqual([
      { to: SENDER, body: 'yes, ready', media: [] },
    ]);
    at(31);
    await text(STRANGER, 'hey');
    at(32);
    expect((await text(TARGET, 'open till 5')).messages).toEqual([
      { body: expect.stringContaining('…0143, …0199'), media: [] },
    ]);
  });
});

describe('what the store holds is checked before use', () => {
  const remembered = async (value: string) => {
    const { text, store } = world();
    await store.set(keys.target(RECEIVER, TARGET), value, 600);
    return (await text(TARGET, 'on my way')).messages;
  };

  test.each([
    ['not JSON', '+1</Message>'],
    ['not an object', JSON.stringify([{ number: SENDER, at: START }])],
    ['partners that are not a list', JSON.stringify({ partners: { number: SENDER, at: START } })],
    ['a number that is not E.164', JSON.stringify({ partners: [{ number: '+1 212 555 0143', at: START }] })],
    ['a time that is not a number', JSON.stringify({ partners: [{ number: SENDER, at: 'now' }] })],
    ['a time from long ago', JSON.stringify({ partners: [{ number: SENDER, at: START - 60 * MINUTE }] })],
  ])('%s: ignored, the hint instead', async (_what, value) => {
    expect(await remembered(value)).toEqual([{ body: HINT, media: [] }]);
  });

  test('a remembered partner the relay would refuse is not used', async () => {
    for (const number of [RECEIVER, OTHER_NUMBER, NIGHT_TARGET, BLOCKED, TARGET, '+1555']) {
      const memory = JSON.stringify({ partners: [{ number, at: START }] });
      expect(await remembered(memory)).toEqual([{ body: HINT, media: [] }]);
    }
  });

  test('a hint time that is not a time does not silence the hint', async () => {
    const { text, store } = world();
    await store.set(keys.target(RECEIVER, TARGET), JSON.stringify({ partners: [], hintedAt: 'soon' }), 600);
    expect((await text(TARGET, 'ok')).messages).toEqual([{ body: HINT, media: [] }]);
  });
});

describe('with a failing store', () => {
  test('refusals and hints still answer; nothing is relayed on a guess', async () => {
    const failing: Store = {
      get: () => Promise.reject(new Error('Sync did not answer')),
      set: () => Promise.reject(new Error('Sync did not answer')),
    };
    const failures: unknown[] = [];
    const decide = (Body: string) =>
      route(readInbound(params(fixtures.sms, { From: TARGET, Body })), policy(), new Date(START), failing, (cause) =>
        failures.push(cause),
      );
    expect((await decide('on my way')).messages).toEqual([{ body: HINT, media: [] }]);
    expect((await decide('+1555: hi')).messages).toEqual([
      { body: 'Not sent: +1555 is not a possible phone number.', media: [] },
    ]);
    // One failure per message: its first call fails, and it asks the store nothing more.
    expect(failures).toEqual([new Error('Sync did not answer'), new Error('Sync did not answer')]);
  });

  test("a forward whose read of the target's list fails leaves the list as it was", async () => {
    let now = START;
    const memory = new MemoryStore(() => now);
    let failReads = false;
    const flaky: Store = {
      get: (key) => (failReads ? Promise.reject(new Error('reset')) : memory.get(key)),
      set: (key, value, ttl) => memory.set(key, value, ttl),
    };
    const { text, at } = world(flaky);
    await text(SENDER, 'hello');
    at(1);
    failReads = true;
    now = START + MINUTE;
    await text(STRANGER, 'hi');
    expect(JSON.parse((await memory.get(keys.target(RECEIVER, TARGET))) ?? '')).toEqual({
      partners: [{ number: SENDER, at: START }],
    });
  });
});
