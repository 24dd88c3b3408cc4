import { RECEIVER, SENDER, fixtures, params } from '../fixtures';
import { handler } from '../../functions/forward.protected';
import { answerOf, installRuntime, installTwilio } from '../helpers/runtime-globals';
import { quietConsole } from '../helpers/quiet-console';

const A = '+15551230001';
const B = '+15551230002';
const PIC = (n: number) =>
  `https://api.twilio.com/2010-04-01/Accounts/ACa1b2c3d4e5f60718293a4b5c6d7e8f90/Messages/MM0/Media/ME${n}`;

let logged: jest.SpyInstance;
let warned: jest.SpyInstance;
beforeAll(() => {
  installTwilio();
  installRuntime(() => ({}));
});
beforeEach(() => {
  ({ log: logged, warn: warned } = quietConsole());
});
afterEach(() => jest.restoreAllMocks());

const recipients = (messages: readonly { to?: string }[]) => messages.map((m) => m.to);

describe('/forward', () => {
  test('sends one <Message to> per FORWARD_TO number, the sender shown first', async () => {
    const { messages } = await answerOf(handler, params(fixtures.sms), { FORWARD_TO: `${A}, ${B}` });
    expect(messages).toEqual([
      { to: A, body: `${SENDER}: ${fixtures.sms.Body}`, media: [] },
      { to: B, body: `${SENDER}: ${fixtures.sms.Body}`, media: [] },
    ]);
  });

  test('fills FORWARD_TEMPLATE', async () => {
    const { messages } = await answerOf(handler, params(fixtures.sms, { Body: 'hi' }), {
      FORWARD_TO: A,
      FORWARD_TEMPLATE: '[{To}] {Body} -- {From}',
    });
    expect(messages).toEqual([{ to: A, body: `[${RECEIVER}] hi -- ${SENDER}`, media: [] }]);
  });

  test('a body saying "{From}" is forwarded as written', async () => {
    const { messages } = await answerOf(handler, params(fixtures.sms, { Body: 'I am {From} at {To}' }), {
      FORWARD_TO: A,
    });
    expect(messages[0].body).toBe(`${SENDER}: I am {From} at {To}`);
  });

  test('keeps the forwarded text within 1600 code units, the sender visible, no split emoji', async () => {
    const { messages } = await answerOf(handler, params(fixtures.sms, { Body: '😀'.repeat(1600) }), { FORWARD_TO: A });
    // "+12125550143: " then the whole emoji that fit before the ellipsis: 14 + 792 * 2 + 1 = 1599.
    expect(messages).toEqual([{ to: A, body: `${SENDER}: ${'😀'.repeat(792)}…`, media: [] }]);
  });

  test('forwards both pictures of the MMS fixture to every target', async () => {
    const { messages } = await answerOf(handler, params(fixtures.mms), { FORWARD_TO: `${A},${B}` });
    const media = [fixtures.mms.MediaUrl0, fixtures.mms.MediaUrl1];
    expect(messages.map((m) => [m.to, m.media])).toEqual([
      [A, media],
      [B, media],
    ]);
    expect(messages[0].body).toBe(`${SENDER}: ${fixtures.mms.Body}`);
  });

  test('forwards a picture-only MMS', async () => {
    const { messages } = await answerOf(handler, params(fixtures.mms, { Body: '' }), { FORWARD_TO: A });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ to: A, media: [fixtures.mms.MediaUrl0, fixtures.mms.MediaUrl1] });
    expect(messages[0].body).toContain(SENDER);
  });

  test.each(['0', '', '2', 'ten', '-1', '999'])(
    'forwards every MediaUrl0..9 present whatever NumMedia says (%j)',
    async (numMedia) => {
      const pictures: Record<string, string> = {};
      for (let n = 0; n < 10; n++) pictures[`MediaUrl${n}`] = PIC(n);
      const { messages } = await answerOf(handler, params(fixtures.mms, { NumMedia: numMedia, ...pictures }), {
        FORWARD_TO: A,
      });
      expect(messages[0].media).toEqual(Array.from({ length: 10 }, (_, n) => PIC(n)));
    },
  );

  test('forwards a gap-toothed set of pictures (MediaUrl1 and MediaUrl7 only)', async () => {
    const event = params(fixtures.sms, { NumMedia: '1', MediaUrl1: PIC(1), MediaUrl7: PIC(7) });
    expect((await answerOf(handler, event, { FORWARD_TO: A })).messages[0].media).toEqual([PIC(1), PIC(7)]);
  });

  test('never forwards a message back to its sender', async () => {
    const { messages } = await answerOf(handler, params(fixtures.sms), { FORWARD_TO: `${A},${SENDER}` });
    expect(recipients(messages)).not.toContain(SENDER);
  });

  test.each([
    ['From equals To', { From: RECEIVER, To: RECEIVER }],
    ['From equals To on another channel', { From: `whatsapp:${RECEIVER}`, To: RECEIVER }],
  ])('never forwards when %s', async (_what, changes) => {
    expect((await answerOf(handler, params(fixtures.sms, changes), { FORWARD_TO: A })).messages).toEqual([]);
  });

  test('without FORWARD_TO: answers <Response/> and warns why (a configuration to fix), never `to=""`', async () => {
    expect((await answerOf(handler, params(fixtures.sms))).messages).toEqual([]);
    const lines = warned.mock.calls.map((call: unknown[]) => call.join(' '));
    expect(lines.some((line) => line.includes(fixtures.sms.MessageSid) && line.includes('FORWARD_TO'))).toBe(true);
  });

  test(
    'a rule doing its job (a message from the receiving number) ' + 'is logged only at LOG_LEVEL=info or debug',
    async () => {
      const loop = params(fixtures.sms, { From: fixtures.sms.To });
      const noted = () => logged.mock.calls.filter((call: unknown[]) => call.join(' ').includes('would loop')).length;
      await answerOf(handler, loop, { FORWARD_TO: A });
      expect(noted()).toBe(0);
      await answerOf(handler, loop, { FORWARD_TO: A, LOG_LEVEL: 'info' });
      expect(noted()).toBe(1);
      await answerOf(handler, loop, { FORWARD_TO: A, LOG_LEVEL: 'debug' });
      expect(noted()).toBe(2);
      expect(warned).not.toHaveBeenCalled();
    },
  );

  test('an invalid FORWARD_TO item is dropped; the others still get the message', async () => {
    const { messages } = await answerOf(handler, params(fixtures.sms), { FORWARD_TO: `${A},555-1234,+1 555 000,${B}` });
    expect(recipients(messages)).toEqual([A, B]);
  });

  test('a FORWARD_TO with only invalid items answers <Response/>', async () => {
    expect((await answerOf(handler, params(fixtures.sms), { FORWARD_TO: 'nobody,+0' })).messages).toEqual([]);
  });

  test('a FORWARD_TO of 12 numbers forwards to the first 10 (TwiML allows 10 messages)', async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `+1555123${String(i).padStart(4, '0')}`);
    const { messages } = await answerOf(handler, params(fixtures.sms), { FORWARD_TO: twelve.join(',') });
    expect(recipients(messages)).toEqual(twelve.slice(0, 10));
  });

  test('forwards a keyword message too: the targets should know the sender opted out', async () => {
    expect(recipients((await answerOf(handler, params(fixtures.optOut), { FORWARD_TO: A })).messages)).toEqual([A]);
  });
});
