/**
 * The pure core under generated input: readInbound, then the policy of a valid generated
 * configuration (per number for /sms, the environment alone for the fixed modes), then
 * decideWithPolicy with whatever the memory claims, rendered by the real TwiML builder.
 */
import fc from 'fast-check';
import twilio from 'twilio';
import { policyForMode, policyForNumber } from '../../src/config/resolve';
import { readInbound } from '../../src/routing/inbound';
import { decideWithPolicy, type Facts } from '../../src/routing/policy';
import { renderTwiml } from '../../src/routing/twiml';
import { configArbitrary, configuredTargets, ignores, load } from './config-arbitrary';
import { eventArbitrary } from './event-arbitrary';
import { POOL } from './numbers';
import { checkAnswer, numberOf, raw, type Expectation } from './oracle';
import { settings } from './settings';
import { fragment } from './text-arbitraries';

const RUNS = 2000;
const now = fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true });
/** What the store returns is data from outside: any text, a number of the pools, the sender's own. */
const facts: fc.Arbitrary<Facts> = fc.record(
  {
    lastSender: fc.oneof(fc.constantFrom(...POOL), fragment, fc.constantFrom('whatsapp:+15551230001', '+0', '')),
    repliedRecently: fc.boolean(),
  },
  { requiredKeys: [] },
);

const render = (decision: Parameters<typeof renderTwiml>[0]): string =>
  renderTwiml(decision, twilio.twiml.MessagingResponse).toString();

describe('/sms core: any event, any valid configuration, any time, any memory', () => {
  test('answers well-formed, bounded TwiML to configured targets only, never to keywords', () => {
    let forwarded = 0;
    let replied = 0;
    fc.assert(
      fc.property(configArbitrary, eventArbitrary, now, facts, (generated, event, at, remembered) => {
        const config = load(generated);
        const message = readInbound(event);
        const decision = decideWithPolicy(message, policyForNumber(config, message.to), at, remembered);
        const receiving = numberOf(raw(event, 'To'));
        const targets = configuredTargets(generated, receiving);
        const recipients = targets.has(numberOf(raw(event, 'From'))) ? 'any' : targets;
        const expected: Expectation = { event, recipients, silent: ignores(generated, receiving) };
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
  test('answers well-formed, bounded TwiML as the mode allows', () => {
    fc.assert(
      fc.property(configArbitrary, eventArbitrary, now, facts, (generated, event, at, remembered) => {
        const config = load(generated);
        const decision = decideWithPolicy(readInbound(event), policyForMode(config.env, mode), at, remembered);
        const forwardTo = new Set(config.env.forwardTo);
        const recipients =
          mode !== 'forward' ? new Set<string>() : forwardTo.has(numberOf(raw(event, 'From'))) ? 'any' : forwardTo;
        const answer = checkAnswer(render(decision), { event, recipients, silent: mode === 'ignore' });
        if (mode === 'auto-reply' && answer.messages.some((m) => m.to !== undefined))
          throw new Error('/auto-reply sent to someone else than the sender');
      }),
      settings(RUNS),
    );
  });
});
