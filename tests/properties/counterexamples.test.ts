/**
 * The shrunk counterexamples the properties found, kept as examples so each bug stays fixed
 * whatever the generators later produce.
 */
import twilio from 'twilio';
import { loadConfig } from '../../src/config/load';
import { policyForMode, policyForNumber } from '../../src/config/resolve';
import { readInbound } from '../../src/routing/inbound';
import { keys } from '../../src/routing/memory';
import { route } from '../../src/routing/route';
import { MemoryStore } from '../../src/routing/store';
import { renderTwiml } from '../../src/routing/twiml';
import { parseTwiml, type ParsedTwiml } from '../helpers/twiml';

const NOW = new Date('2024-01-01T00:00:00Z');
const MEDIA = 'https://api.twilio.com/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/MM0a/Media/ME0a';

/** The answer to `event`, with a store that remembers `partner` as its sender's only partner, if given. */
async function answer(
  env: Record<string, string>,
  event: Record<string, string>,
  mode?: 'forward',
  partner?: string,
): Promise<ParsedTwiml> {
  const { config } = loadConfig(env);
  const message = readInbound(event);
  const policy = mode === undefined ? policyForNumber(config, message.to) : policyForMode(config, mode);
  const store = new MemoryStore(() => NOW.getTime());
  if (partner !== undefined) {
    const memory = JSON.stringify({ partners: [{ number: partner, at: NOW.getTime() }] });
    await store.set(keys.target(message.to, message.from), memory, 600);
  }
  const decision = await route(message, policy, NOW, store);
  return parseTwiml(renderTwiml(decision, twilio.twiml.MessagingResponse).toString());
}

test.each([
  ['FORWARD_TEMPLATE', '\u0000'],
  ['AUTO_REPLY_MESSAGE', '\uD800'],
  ['AUTO_REPLY_MEDIA_URL', 'https://example.com/\u0001'],
])(
  'a configured %s holding a character XML forbids is refused (the builder would throw on every answer)',
  (name, value) => {
    const { config, problems } = loadConfig({ [name]: value, FORWARD_TO: '+15551230001' });
    expect(problems).toEqual([
      expect.objectContaining({ level: 'error', where: name, message: expect.stringContaining('XML cannot carry') }),
    ]);
    // At run time the default is used instead, so the function still answers.
    expect(config.env.forwardTemplate + config.env.autoReplyMessage + config.env.autoReplyMedia.join('')).not.toMatch(
      // eslint-disable-next-line no-control-regex -- the characters XML forbids must not reach the answer
      /[\u0000-\u0008\uD800]/,
    );
  },
);

test('a FORWARD_TO target that is the receiving number is skipped (Twilio refuses a message to itself)', async () => {
  const env = { DEFAULT_MODE: 'forward', FORWARD_TO: '+15551230001,+15551230002' };
  expect(
    (await answer(env, { From: '+12125550143', To: 'whatsapp:+15551230001', Body: 'hi' })).messages.map((m) => m.to),
  ).toEqual(['+15551230002']);
  const rcs = { From: '+12125550143', To: 'rcs:+15551230001', Body: 'hi' };
  expect((await answer({ FORWARD_TO: '+15551230001' }, rcs, 'forward')).messages).toEqual([]);
});

test('a remembered partner that is the Twilio number or the target itself gets only the hint', async () => {
  const env = { DEFAULT_MODE: 'forward', FORWARD_TO: '+15551230001' };
  const event = { From: '+15551230001', To: '+15005550008', Body: 'on my way', MediaUrl9: MEDIA };
  for (const partner of ['+15005550008', '+15551230001']) {
    const { messages } = await answer(env, event, undefined, partner);
    expect(messages).toHaveLength(1);
    expect(messages[0].to).toBeUndefined();
    expect(messages[0].body).toMatch(/^Not sent/);
  }
  expect((await answer(env, event, undefined, '+12125550143')).messages).toEqual([
    { to: '+12125550143', body: 'on my way', media: [MEDIA] },
  ]);
});

test('a "{Body}" template and an empty message without media forwards nothing (an empty <Message> fails)', async () => {
  const env = { FORWARD_TO: '+447700900123', FORWARD_TEMPLATE: '{Body}' };
  expect((await answer(env, {}, 'forward')).messages).toEqual([]);
  expect((await answer(env, { From: '+12125550143', MediaUrl0: MEDIA }, 'forward')).messages).toEqual([
    { to: '+447700900123', body: '', media: [MEDIA] },
  ]);
});
