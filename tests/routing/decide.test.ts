import { RECEIVER, SENDER, fixtures, params, type WebhookParams } from '../fixtures';
import { MAX_MESSAGES, decide, type Decision } from '../../src/routing/decide';
import { readInbound } from '../../src/routing/inbound';
import { HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from '../../src/routing/keywords';
import type { Rule } from '../../src/routing/rule';
import { MAX_BODY } from '../../src/routing/text';

const decideFor = (webhook: WebhookParams, rule: Rule): Decision => decide(readInbound(webhook), rule, new Date());
const sms = (changes: WebhookParams = {}): WebhookParams => params(fixtures.sms, changes);

const REPLY: Rule = { mode: 'auto-reply', message: 'We are closed today.' };
const A = '+15551230001';
const B = '+15551230002';
const forwardTo = (to: readonly string[], template = '{From}: {Body}'): Rule => ({ mode: 'forward', to, template });

describe('ignore', () => {
  test.each(Object.keys(fixtures) as (keyof typeof fixtures)[])('sends nothing for the %s fixture', (name) => {
    expect(decideFor(params(fixtures[name]), { mode: 'ignore' }).messages).toEqual([]);
  });
});

describe('auto-reply', () => {
  test('replies exactly once, to the sender (no `to`), with the configured text', () => {
    expect(decideFor(sms(), REPLY).messages).toEqual([{ body: 'We are closed today.', media: [] }]);
  });

  test('replies to an MMS with text only', () => {
    expect(decideFor(params(fixtures.mms), REPLY).messages).toEqual([{ body: 'We are closed today.', media: [] }]);
  });

  const keywords = [...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS, ...HELP_KEYWORDS];
  test('knows every keyword Twilio answers itself', () => {
    expect([...keywords].sort()).toEqual(
      [
        'STOP',
        'STOPALL',
        'UNSUBSCRIBE',
        'CANCEL',
        'END',
        'QUIT',
        'REVOKE',
        'OPTOUT',
        'START',
        'YES',
        'UNSTOP',
        'HELP',
        'INFO',
      ].sort(),
    );
  });

  const variants = keywords.flatMap((k) => [
    k,
    k.toLowerCase(),
    k[0] + k.slice(1).toLowerCase(),
    `  ${k}\n`,
    `\t${k.toLowerCase()} `,
  ]);
  test.each(variants)('stays silent on the keyword %j', (body) => {
    const decision = decideFor(sms({ Body: body }), REPLY);
    expect(decision.messages).toEqual([]);
    expect(decision.note).toMatch(/keyword/);
  });

  test.each(['STOP', 'HELP', 'START'])('stays silent when OptOutType=%s, whatever the body', (type) => {
    expect(decideFor(sms({ OptOutType: type, Body: 'please stop texting me' }), REPLY).messages).toEqual([]);
  });

  test('stays silent on the opt-out fixture', () => {
    expect(decideFor(params(fixtures.optOut), REPLY).messages).toEqual([]);
  });

  test.each(['STOP please', 'Stop.', 'non-stop', 'yes!', 'helpful'])(
    'replies to %j: not a keyword on its own',
    (body) => {
      expect(decideFor(sms({ Body: body }), REPLY).messages).toHaveLength(1);
    },
  );

  test('sends nothing when the reply text is empty, and says it is a problem', () => {
    expect(decideFor(sms(), { mode: 'auto-reply', message: '' })).toEqual({
      messages: [],
      note: 'reply text is empty',
      problem: true,
    });
  });

  test('an empty reply text with a picture sends the picture alone', () => {
    const picture = 'https://example.com/map.png';
    expect(decideFor(sms(), { mode: 'auto-reply', message: '', media: [picture] }).messages).toEqual([
      { body: '', media: [picture] },
    ]);
  });

  test('{opens} with no business hours to tell it is empty', () => {
    expect(decideFor(sms(), { mode: 'auto-reply', message: 'Back {opens}!' }).messages).toEqual([
      { body: 'Back !', media: [] },
    ]);
  });

  test('sends a reply text of exactly 1600 characters whole, and clips one of 1601 to its first 1600', () => {
    const text = 'x'.repeat(MAX_BODY - 1) + 'y';
    expect(decideFor(sms(), { mode: 'auto-reply', message: text }).messages).toEqual([{ body: text, media: [] }]);
    expect(decideFor(sms(), { mode: 'auto-reply', message: `${text}z` }).messages).toEqual([{ body: text, media: [] }]);
  });
});

describe('forward', () => {
  test('sends one message per target, with the sender shown by the default template', () => {
    expect(decideFor(sms(), forwardTo([A, B])).messages).toEqual([
      { to: A, body: `${SENDER}: Hi, are you open on Saturday?`, media: [] },
      { to: B, body: `${SENDER}: Hi, are you open on Saturday?`, media: [] },
    ]);
  });

  test('fills {From}, {To} and {Body} from the message', () => {
    const [message] = decideFor(sms({ Body: 'hello' }), forwardTo([A], '{Body} (from {From} to {To})')).messages;
    expect(message.body).toBe(`hello (from ${SENDER} to ${RECEIVER})`);
  });

  test('forwards every picture of an MMS to every target', () => {
    const media = [fixtures.mms.MediaUrl0, fixtures.mms.MediaUrl1];
    const messages = decideFor(params(fixtures.mms), forwardTo([A, B])).messages;
    expect(messages.map((m) => [m.to, m.media])).toEqual([
      [A, media],
      [B, media],
    ]);
  });

  test(
    'forwards a WhatsApp message as SMS from the plain number: ' +
      'Twilio refuses a whatsapp: sender to a phone (21910)',
    () => {
      const whatsapp = params(fixtures.whatsapp);
      const receiving = whatsapp.To.replace(/^whatsapp:/, '');
      expect(decideFor(whatsapp, forwardTo([A])).messages).toEqual([
        { to: A, from: receiving, body: `${whatsapp.From}: ${whatsapp.Body}`, media: [] },
      ]);
      expect(decideFor(sms(), forwardTo([A])).messages[0].from).toBeUndefined();
    },
  );

  test('forwards a picture-only MMS (empty body)', () => {
    expect(decideFor(params(fixtures.mms, { Body: '' }), forwardTo([A], '{Body}')).messages).toEqual([
      { to: A, body: '', media: [fixtures.mms.MediaUrl0, fixtures.mms.MediaUrl1] },
    ]);
  });

  test('an empty text with no picture and a "{Body}" template forwards nothing, and says why', () => {
    const decision = decideFor(sms({ Body: '' }), forwardTo([A], '{Body}'));
    expect(decision).toEqual({ messages: [], note: 'nothing to forward: the text is empty and there is no media' });
  });

  test('keeps a long message within 1600 code units and the sender visible', () => {
    const [message] = decideFor(sms({ Body: '😀'.repeat(1000) }), forwardTo([A])).messages;
    // 14 characters of "+12125550143: ", then as many whole emoji as fit before the ellipsis.
    expect(message.body).toBe(`${SENDER}: ${'😀'.repeat(792)}…`);
    expect(message.body).toHaveLength(MAX_BODY - 1);
  });

  test("the forward template's tail (the closing `)`) survives the 1600 cut", () => {
    const template = '{Body} (from {From})';
    const tail = ` (from ${SENDER})`;
    const fits = 'a'.repeat(MAX_BODY - tail.length);
    expect(decideFor(sms({ Body: fits }), forwardTo([A], template)).messages[0].body).toBe(`${fits}${tail}`);
    const [message] = decideFor(sms({ Body: `${fits}b` }), forwardTo([A], template)).messages;
    expect(message.body).toBe(`${fits.slice(0, -1)}…${tail}`);
    expect(message.body).toHaveLength(MAX_BODY);
  });

  test.each<[string, string[], string[], WebhookParams]>([
    ['a target equal to the sender', [SENDER, A], [A], {}],
    ['a target equal to a WhatsApp sender', [SENDER, A], [A], { From: `whatsapp:${SENDER}` }],
    ['a repeated target', [A, A, B], [A, B], {}],
    ['a target that is not E.164', ['5551230001', A, ''], [A], {}],
  ])('skips %s', (_what, targets, expected, changes) => {
    expect(decideFor(sms(changes), forwardTo(targets)).messages.map((m) => m.to)).toEqual(expected);
  });

  test(`sends at most ${MAX_MESSAGES} messages: to exactly 10 targets, and to the first 10 of 11`, () => {
    const targets = Array.from({ length: 11 }, (_, i) => `+1555123${String(i).padStart(4, '0')}`);
    const to = (list: string[]) => decideFor(sms(), forwardTo(list)).messages.map((m) => m.to);
    expect(to(targets.slice(0, 10))).toEqual(targets.slice(0, 10));
    expect(to(targets)).toEqual(targets.slice(0, 10));
  });

  test.each([
    ['the same number', { From: RECEIVER, To: RECEIVER }],
    ['the same number on another channel', { From: `whatsapp:${RECEIVER}`, To: RECEIVER }],
  ])('never forwards when From and To are %s', (_what, changes) => {
    const decision = decideFor(sms(changes), forwardTo([A]));
    expect(decision.messages).toEqual([]);
    expect(decision.note).toMatch(/loop/);
  });

  test('sends nothing, and says why, with no target', () => {
    const decision = decideFor(sms(), forwardTo([]));
    expect(decision.messages).toEqual([]);
    expect(decision.note).toMatch(/FORWARD_TO/);
  });

  test('sends nothing, and says why, when the only target is the sender', () => {
    const decision = decideFor(sms(), forwardTo([SENDER]));
    expect(decision.messages).toEqual([]);
    expect(decision.note).toMatch(/sender/);
  });
});
