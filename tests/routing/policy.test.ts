import { parseWindow, type Window } from '../../src/routing/hours';
import { readInbound } from '../../src/routing/inbound';
import { keys } from '../../src/routing/memory';
import type { Policy } from '../../src/routing/policy';
import { route } from '../../src/routing/route';
import type { Rule } from '../../src/routing/rule';
import { MemoryStore } from '../../src/routing/store';
import { fixtures, params, RECEIVER, SENDER } from '../fixtures';

const OWNER = '+15551230000';
const PARTNER = '+15551239999';
const forward: Rule = { mode: 'forward', to: [OWNER, PARTNER], template: '{From}: {Body}' };
const closedReply: Rule = { mode: 'auto-reply', message: 'Closed, we open {opens}.' };

const policy = (changes: Partial<Policy> = {}): Policy => ({
  block: [],
  allow: [],
  keywords: new Map(),
  rule: forward,
  ownNumbers: new Set([RECEIVER]),
  ...changes,
});
const message = (changes: Record<string, string> = {}) => readInbound(params(fixtures.sms, changes));
const NOON_THURSDAY = new Date('2026-11-26T17:00:00Z'); // 12:00 in New York
const NIGHT_THURSDAY = new Date('2026-11-27T03:00:00Z'); // 22:00 in New York

/** What the store holds before the message: key -> value. */
type Remembered = Readonly<Record<string, string>>;

/** Routes one message with a store holding `remembered`; returns the decision and the store. */
async function decideAt(
  p: Policy,
  changes: Record<string, string> = {},
  remembered: Remembered = {},
  now = NOON_THURSDAY,
) {
  const store = new MemoryStore(() => now.getTime());
  for (const [key, value] of Object.entries(remembered)) await store.set(key, value, 3600);
  const decision = await route(message(changes), p, now, store);
  return { ...decision, store };
}

const window = (text: string): Window => parseWindow(text) as Window;
const hours = {
  schedule: { timeZone: 'America/New_York', windows: [window('Mon-Fri 09:00-17:00')], closed: new Set<string>() },
  outside: closedReply,
};

describe('block and allow lists', () => {
  it.each([
    [['+1212*'], 'a prefix'],
    [[SENDER], 'an exact number'],
  ])('ignores a sender matching %j (%s), even in forward mode', async (block) => {
    const decision = await decideAt(policy({ block }));
    expect(decision.messages).toEqual([]);
    expect(decision.note).toMatch(/block list/);
  });

  it('matches a WhatsApp sender by its number', async () => {
    expect((await decideAt(policy({ block: ['+1212*'] }), { From: `whatsapp:${SENDER}` })).messages).toEqual([]);
  });

  it('answers only allowed senders when an allow list exists', async () => {
    expect((await decideAt(policy({ allow: ['+1646*'] }))).messages).toEqual([]);
    expect((await decideAt(policy({ allow: ['+1212*'] }))).messages).toHaveLength(2);
  });

  it('says why it stays silent, for each list', async () => {
    expect([
      (await decideAt(policy({ block: [SENDER] }))).note,
      (await decideAt(policy({ allow: ['+1646*'] }))).note,
    ]).toEqual(['sender is on the block list', 'sender is not on the allow list']);
  });

  it('lets the block list win over the allow list', async () => {
    expect((await decideAt(policy({ allow: ['+1212*'], block: [SENDER] }))).messages).toEqual([]);
  });
});

describe('keyword answers', () => {
  const keywords = new Map([['HOURS', 'Open 9-5, {To}']]);

  it.each(['HOURS', 'hours', '  Hours? on saturday', 'hours.'])(
    'answers %j by its first word, instead of the mode',
    async (Body) => {
      expect((await decideAt(policy({ keywords }), { Body })).messages).toEqual([
        { body: `Open 9-5, ${RECEIVER}`, media: [] },
      ]);
    },
  );

  it('does not answer a word that only appears later', async () => {
    expect((await decideAt(policy({ keywords }), { Body: 'what are your hours' })).messages).toHaveLength(2);
  });

  it('with no business hours, {opens} is nothing: in a keyword answer and in the auto-reply', async () => {
    const p = policy({ keywords: new Map([['HOURS', 'Next: {opens}.']]), rule: closedReply });
    const answers = [await decideAt(p, { Body: 'hours' }), await decideAt(p, { Body: 'hi' })];
    expect(answers.map((answer) => answer.messages)).toEqual([
      [{ body: 'Next: .', media: [] }],
      [{ body: 'Closed, we open .', media: [] }],
    ]);
  });

  it('never answers a message Twilio answers itself', async () => {
    const stopKeywords = new Map([['STOP', 'bye']]);
    expect((await decideAt(policy({ keywords: stopKeywords, rule: closedReply }), { Body: 'STOP' })).messages).toEqual(
      [],
    );
    const help = await decideAt(policy({ keywords, rule: closedReply }), { Body: 'hours', OptOutType: 'HELP' });
    expect(help.messages).toEqual([]);
  });
});

describe('business hours', () => {
  it('applies the entry inside hours and "outside" outside, with {opens} in the zone', async () => {
    expect((await decideAt(policy({ hours }))).messages.map((m) => m.to)).toEqual([OWNER, PARTNER]);
    expect((await decideAt(policy({ hours }), {}, {}, NIGHT_THURSDAY)).messages).toEqual([
      { body: 'Closed, we open Fri 09:00.', media: [] },
    ]);
  });
});

describe('two-way relay', () => {
  const fromOwner = async (Body: string, extra: Record<string, string> = {}) =>
    decideAt(policy(), { From: OWNER, Body, ...extra });

  it.each([
    [`${SENDER}: see you at 5`, 'see you at 5'],
    [`${SENDER} see you at 5`, 'see you at 5'],
    [`  ${SENDER}:multi\nline`, 'multi\nline'],
  ])('relays %j to the sender, and nothing is forwarded', async (Body, text) => {
    expect((await fromOwner(Body)).messages).toEqual([{ to: SENDER, body: text, media: [] }]);
  });

  it("relays a target's picture too", async () => {
    const decision = await fromOwner(`${SENDER}: look`, { MediaUrl0: 'https://api.twilio.com/x/Media/ME1' });
    expect(decision.messages).toEqual([{ to: SENDER, body: 'look', media: ['https://api.twilio.com/x/Media/ME1'] }]);
  });

  it.each([
    ['hello there', /start with their number/],
    [`${OWNER}: talking to myself`, /your own number/],
    [`${RECEIVER}: loop`, /this Twilio number/],
    ['+1: short', /\+1 is not a possible phone number/],
    [`${SENDER}:   `, /empty/],
  ])('answers %j with a one-line hint or refusal, sending nothing elsewhere', async (Body, hint) => {
    const decision = await fromOwner(Body);
    expect(decision.messages).toHaveLength(1);
    expect(decision.messages[0].to).toBeUndefined();
    expect(decision.messages[0].body).toMatch(hint);
    expect(decision.messages[0].body).not.toContain('\n');
  });

  it('forwards a "+1...:" message from anyone who is not a target as plain text', async () => {
    const decision = await decideAt(policy(), { Body: `${PARTNER}: pretend relay` });
    expect(decision.messages.map((m) => m.to)).toEqual([OWNER, PARTNER]);
    expect(decision.messages[0].body).toBe(`${SENDER}: ${PARTNER}: pretend relay`);
  });

  it("sends a target's plain text to the one sender it talks with, when one is remembered", async () => {
    expect((await fromOwner('on my way')).messages[0].to).toBeUndefined();
    const memory = JSON.stringify({ partners: [{ number: SENDER, at: NOON_THURSDAY.getTime() - 60_000 }] });
    const decision = await decideAt(
      policy(),
      { From: OWNER, Body: 'on my way' },
      { [keys.target(RECEIVER, OWNER)]: memory },
    );
    expect(decision.messages).toEqual([{ to: SENDER, body: 'on my way', media: [] }]);
  });

  it('on WhatsApp, answers the target on its channel and relays as SMS from the bare receiving number', async () => {
    const whatsapp = { From: `whatsapp:${OWNER}`, To: `whatsapp:${RECEIVER}` };
    const hint = await decideAt(policy(), { ...whatsapp, Body: 'hello there' });
    expect(hint.messages).toEqual([{ body: expect.stringMatching(/start with their number/), media: [] }]);
    const relayed = await decideAt(policy(), { ...whatsapp, Body: `${SENDER}: see you` });
    expect(relayed.messages).toEqual([{ to: SENDER, from: RECEIVER, body: 'see you', media: [] }]);
  });

  it('a target that appears only in hours.outside can relay, inside business hours too', async () => {
    const nightOnly = { ...hours, outside: { mode: 'forward', to: [PARTNER], template: '{From}: {Body}' } as Rule };
    const p = policy({ rule: { mode: 'forward', to: [OWNER], template: '{From}: {Body}' }, hours: nightOnly });
    const decision = await decideAt(p, { From: PARTNER, Body: `${SENDER}: we open at 9` });
    expect(decision.messages).toEqual([{ to: SENDER, body: 'we open at 9', media: [] }]);
  });

  it('lets a target relay outside business hours too', async () => {
    const decision = await decideAt(
      policy({ hours }),
      { From: OWNER, Body: `${SENDER}: tomorrow` },
      {},
      NIGHT_THURSDAY,
    );
    expect(decision.messages).toEqual([{ to: SENDER, body: 'tomorrow', media: [] }]);
  });

  it('remembers who was forwarded to, so a target can answer without the number', async () => {
    const { remember, store } = await decideAt(policy());
    expect(remember).toEqual({ forwardedTo: [OWNER, PARTNER] });
    const memory = { partners: [{ number: SENDER, at: NOON_THURSDAY.getTime() }] };
    expect(JSON.parse((await store.get(keys.target(RECEIVER, OWNER))) ?? '')).toEqual(memory);
    expect(JSON.parse((await store.get(keys.target(RECEIVER, PARTNER))) ?? '')).toEqual(memory);
  });
});

describe('auto-reply once per sender', () => {
  const once = policy({ rule: { mode: 'auto-reply', message: 'Hi {From}' }, replyOncePer: 3600 });

  it('replies and remembers; stays silent while the sender was replied to recently', async () => {
    const first = await decideAt(once);
    expect(first.messages).toEqual([{ body: `Hi ${SENDER}`, media: [] }]);
    expect(await first.store.get(keys.replied(RECEIVER, SENDER))).toBe(NOON_THURSDAY.toISOString());
    expect((await decideAt(once, {}, { [keys.replied(RECEIVER, SENDER)]: 'x' })).messages).toEqual([]);
  });

  it('a sender auto-replied at night with replyOncePer is still forwarded the next morning', async () => {
    // Forward in business hours, auto-reply outside them, once a day per sender.
    const shop = policy({ hours, replyOncePer: 24 * 3600 });
    let now = NIGHT_THURSDAY;
    const store = new MemoryStore(() => now.getTime());
    const text = (Body: string) => route(message({ Body }), shop, now, store);

    expect((await text('Are you open?')).messages).toEqual([{ body: 'Closed, we open Fri 09:00.', media: [] }]);
    now = new Date('2026-11-27T04:00:00Z'); // 23:00 in New York: replied to an hour ago, so silent
    expect((await text('Hello?')).messages).toEqual([]);
    now = new Date('2026-11-27T14:00:00Z'); // Friday 09:00 in New York, 11 hours after the reply
    expect((await text('Morning!')).messages).toEqual([
      { to: OWNER, body: `${SENDER}: Morning!`, media: [] },
      { to: PARTNER, body: `${SENDER}: Morning!`, media: [] },
    ]);
  });
});

describe('what it says when it stays silent', () => {
  it('a keyword message from a target, an auto-reply sent recently', async () => {
    const fromTarget = await decideAt(policy(), { From: OWNER, Body: 'STOP' });
    const once = policy({ rule: closedReply, replyOncePer: 3600 });
    const replied = await decideAt(once, {}, { [keys.replied(RECEIVER, SENDER)]: NOON_THURSDAY.toISOString() });
    expect([fromTarget, replied].map(({ messages, note }) => ({ messages, note }))).toEqual([
      { messages: [], note: 'keyword message from a target: Twilio answers it itself' },
      { messages: [], note: 'sender was auto-replied to recently' },
    ]);
  });
});
