/**
 * The pure core under generated input: readInbound, then the policy of a valid generated
 * configuration (per number for /sms, the environment alone for the fixed modes), then route
 * with a store holding whatever the memory claims, rendered by the real TwiML builder.
 */
import fc from 'fast-check';
import twilio from 'twilio';
import { policyForMode, policyForNumber } from '../../src/config/resolve';
import { readInbound, type InboundMessage } from '../../src/routing/inbound';
import type { Policy } from '../../src/routing/policy';
import { keys } from '../../src/routing/memory';
import { route } from '../../src/routing/route';
import { MemoryStore } from '../../src/routing/store';
import { renderTwiml } from '../../src/routing/twiml';
import { configArbitrary, configuredTargets, ignores, load, ownNumbers } from './config-arbitrary';
import { eventArbitrary } from './event-arbitrary';
import { POOL } from './numbers';
import { checkAnswer, numberOf, raw, type Expectation } from './oracle';
import { settings } from './settings';
import { fragment } from './text-arbitraries';

const RUNS = 2000;
const now = fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true });
interface GeneratedPartner {
  readonly number: string;
  readonly minutesAgo: number;
}
interface Remembered {
  /** The sender's conversation partners: a list (times relative to the message), or any text at all. */
  readonly partners?: readonly GeneratedPartner[] | string;
  readonly hinted?: boolean;
  readonly repliedRecently?: boolean;
}
const partner: fc.Arbitrary<GeneratedPartner> = fc.record({
  number: fc.oneof(fc.constantFrom(...POOL), fragment, fc.constantFrom('whatsapp:+15551230001', '+0', '')),
  minutesAgo: fc.integer({ min: -2, max: 30 }),
});
/** What the store returns is data from outside: any text, numbers of the pools, the sender's own. */
const remembered: fc.Arbitrary<Remembered> = fc.record(
  {
    partners: fc.oneof(fc.array(partner, { maxLength: 4 }), fragment),
    hinted: fc.boolean(),
    repliedRecently: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Routes `message` with a store that holds what `memory` claims about its sender. */
async function routeWith(message: InboundMessage, policy: Policy, at: Date, memory: Remembered) {
  const store = new MemoryStore(() => at.getTime());
  const { partners = [] } = memory;
  const hintedAt = memory.hinted === true ? at.getTime() : undefined;
  const list = (p: readonly GeneratedPartner[]) =>
    p.map(({ number, minutesAgo }) => ({ number, at: at.getTime() - minutesAgo * 60_000 }));
  const stored = typeof partners === 'string' ? partners : JSON.stringify({ partners: list(partners), hintedAt });
  await store.set(keys.target(message.to, message.from), stored, 600);
  if (memory.repliedRecently === true) await store.set(keys.replied(message.to, message.from), 'yes', 60);
  return route(message, policy, at, store);
}

const render = (decision: Parameters<typeof renderTwiml>[0]): string =>
  renderTwiml(decision, twilio.twiml.MessagingResponse).toString();

describe('/sms core: any event, any valid configuration, any time, any memory', () => {
  test('answers well-formed, bounded TwiML to configured targets only, never to keywords', async () => {
    let forwarded = 0;
    let replied = 0;
    await fc.assert(
      fc.asyncProperty(configArbitrary, eventArbitrary, now, remembered, async (generated, event, at, memory) => {
        const config = load(generated);
        const message = readInbound(event);
        const decision = await routeWith(message, policyForNumber(config, message.to), at, memory);
        const receiving = numberOf(raw(event, 'To'));
        const targets = configuredTargets(generated, receiving);
        const recipients = targets.has(numberOf(raw(event, 'From'))) ? 'any' : targets;
        const expected: Expectation = {
          event,
          recipients,
          silent: ignores(generated, receiving),
          own: ownNumbers(generated, receiving),
        };
        const answer = checkAnswer(render(decision), expected);
        if (answer.messages.some((m) => m.to !== undefined)) forwarded++;
        if (answer.messages.some((m) => m.to === undefined)) replied++;
      }),
      settings(RUNS),
    );
    // Not vacuous: the generated cases forward and reply often.
    expect(Math.min(forwarded, replied)).toBeGreaterThan(settings(RUNS).numRuns / 10);
  });
});

describe.each(['auto-reply', 'forward', 'ignore'] as const)('/%s core: any event, any valid environment', (mode) => {
  test('answers well-formed, bounded TwiML as the mode allows', async () => {
    await fc.assert(
      fc.asyncProperty(configArbitrary, eventArbitrary, now, remembered, async (generated, event, at, memory) => {
        const config = load(generated);
        const decision = await routeWith(readInbound(event), policyForMode(config, mode), at, memory);
        const forwardTo = new Set(config.env.forwardTo);
        const recipients =
          mode !== 'forward' ? new Set<string>() : forwardTo.has(numberOf(raw(event, 'From'))) ? 'any' : forwardTo;
        const own = ownNumbers(generated, numberOf(raw(event, 'To')));
        const answer = checkAnswer(render(decision), { event, recipients, silent: mode === 'ignore', own });
        if (mode === 'auto-reply' && answer.messages.some((m) => m.to !== undefined))
          throw new Error('/auto-reply sent to someone else than the sender');
      }),
      settings(RUNS),
    );
  });
});
