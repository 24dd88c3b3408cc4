/**
 * Each built function, as the runtime runs it, under generated webhooks and valid generated
 * configurations (routing file as the private asset, Sync as a stand-in holding whatever the
 * memory claims): it calls back exactly once, without an error, with TwiML every rule allows,
 * and never needs its catch-all (console.error stays silent).
 */
import fc from 'fast-check';
import { keys } from '../../src/routing/memory';
import { clientFor, startSyncStandIn, type SyncStandIn } from '../../src/stand-in/sync-api';
import { contextWith, invoke } from '../helpers/runtime-globals';
import { ENDPOINTS, loadBuilt, type Built } from './built';
import { configArbitrary, configuredTargets, ignores, ownNumbers, type GeneratedConfig } from './config-arbitrary';
import { paramsArbitrary } from './event-arbitrary';
import { POOL, SYNC_SID } from './numbers';
import { checkAnswer, numberOf, raw } from './oracle';
import { settings } from './settings';
import { fragment } from './text-arbitraries';
import { quietConsole } from '../helpers/quiet-console';

const RUNS = 600;
const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'property-test-token';

let built: Built;
let sync: SyncStandIn;
let errors: jest.SpyInstance;

beforeAll(async () => {
  built = await loadBuilt();
  sync = await startSyncStandIn(ACCOUNT, TOKEN, SYNC_SID);
}, 120_000);
afterAll(async () => {
  await sync?.close();
  await built?.project.remove();
});
beforeEach(() => {
  errors = quietConsole().error;
});
afterEach(() => jest.restoreAllMocks());

/**
 * What Sync remembers as this sender's conversation partners: one number of the pools (just now),
 * any text, nothing.
 */
const remembered = fc.option(
  fc.oneof(
    fc
      .constantFrom(...POOL, 'whatsapp:+15551230001')
      .map((number) => JSON.stringify({ partners: [{ number, at: Date.now() }] })),
    fragment,
  ),
  { nil: undefined },
);

function forwardTo(generated: GeneratedConfig): Set<string> {
  return configuredTargets(generated, undefined);
}

describe.each(ENDPOINTS)('dist/functions/%s.protected.js', (endpoint) => {
  test('answers every webhook with TwiML the rules allow, calling back once, never failing', async () => {
    const client = clientFor(sync.origin, ACCOUNT, TOKEN);
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(configArbitrary, paramsArbitrary, remembered, async (generated, params, partners) => {
        errors.mockClear();
        await built.serveRouting(generated.routing === undefined ? undefined : JSON.stringify(generated.routing));
        sync.documents.clear();
        if (partners !== undefined) {
          const key = keys.target(raw(params, 'To'), raw(params, 'From'));
          sync.documents.set(key, { uniqueName: key, data: { value: partners } });
        }
        const context = Object.assign(contextWith(generated.env, `/${endpoint}`), { getTwilioClient: () => client });
        const { error, twiml, calls } = await invoke(built.handler(endpoint), params, context);
        if (error !== null) throw new Error(`called back with an error: ${String(error)}`);
        if (calls !== 1) throw new Error(`called back ${calls} times`);

        const sender = numberOf(raw(params, 'From'));
        const targets =
          endpoint === 'sms'
            ? configuredTargets(generated, numberOf(raw(params, 'To')))
            : endpoint === 'forward'
              ? forwardTo(generated)
              : new Set<string>();
        const silent = endpoint === 'ignore' || (endpoint === 'sms' && ignores(generated, numberOf(raw(params, 'To'))));
        const own = ownNumbers(generated, numberOf(raw(params, 'To')));
        const recipients = targets.has(sender) ? 'any' : targets;
        const answer = checkAnswer(twiml, { event: params, recipients, silent, own });
        if (endpoint === 'auto-reply' && answer.messages.some((m) => m.to !== undefined))
          throw new Error('/auto-reply sent to someone else than the sender');
        if (answer.messages.length > 0) answered++;
        if (errors.mock.calls.length > 0)
          throw new Error(
            `the catch-all was needed: ${errors.mock.calls.map((c: unknown[]) => c.map(String).join(' ')).join('\n')}`,
          );
      }),
      settings(RUNS),
    );
    // Not vacuous: most generated webhooks get an answer that sends something.
    if (endpoint !== 'ignore') expect(answered).toBeGreaterThan(settings(RUNS).numRuns / 5);
  });
});

test('the build wrote exactly the four functions', () => {
  expect([...built.files].sort()).toEqual(ENDPOINTS.map((e) => `${e}.protected.js`));
});
