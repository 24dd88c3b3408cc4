/**
 * The worst case of issue 15: Twilio Sync and both providers accept the connection and never
 * answer, each deadline at its most (4000 ms). The function still answers, with the TwiML it would
 * have sent anyway, because the deliveries get only what is left of the 4.5 s budget after the
 * Sync phase. Asserted on the answer arriving and on the deadlines the warnings name, never on a
 * measured duration.
 */
import type { ClientOpts } from 'twilio';
import { handler as forward } from '../../functions/forward.protected';
import { startSendGridStandIn, type SendGridStandIn } from '../../src/stand-in/sendgrid-api';
import { startSlackStandIn, type SlackStandIn } from '../../src/stand-in/slack-webhook';
import { clientFor, startSyncStandIn, type SyncStandIn } from '../../src/stand-in/sync-api';
import { fixtures, params, SENDER } from '../fixtures';
import { quietConsole, type QuietConsole } from '../helpers/quiet-console';
import { contextWith, installRuntime, installTwilio, invoke } from '../helpers/runtime-globals';
import { parseTwiml } from '../helpers/twiml';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'worst-case-token-0123456789abcdef';
const SERVICE = 'IS0123456789abcdef0123456789abcdef';
const KEY = 'SG.worst-case-key.0123456789';
const PHONE = '+15551230001';
const SID = fixtures.mms.MessageSid;

let sync: SyncStandIn;
let sendgrid: SendGridStandIn;
let slack: SlackStandIn;
let console_: QuietConsole;

beforeAll(async () => {
  installTwilio();
  installRuntime(() => ({}));
  [sync, sendgrid, slack] = await Promise.all([
    startSyncStandIn(ACCOUNT, TOKEN, SERVICE),
    startSendGridStandIn({ apiKey: KEY }),
    startSlackStandIn(),
  ]);
});
afterAll(() => Promise.all([sync.close(), sendgrid.close(), slack.close()]));
beforeEach(() => {
  console_ = quietConsole();
});
afterEach(() => jest.restoreAllMocks());

test('Sync and both providers hanging, every deadline at 4000 ms: answered, the deliveries cut short', async () => {
  sync.hang = true;
  sendgrid.server.script.push('hang', 'hang');
  slack.server.script.push('hang', 'hang');
  const client = clientFor(sync.origin, ACCOUNT, TOKEN);
  const context = Object.assign(
    contextWith({
      SYNC_SERVICE_SID: SERVICE,
      SYNC_TIMEOUT_MS: '4000',
      DELIVERY_TIMEOUT_MS: '4000',
      FORWARD_TO: `${PHONE},owner@example.com,slack`,
      SENDGRID_API_KEY: KEY,
      EMAIL_FROM: 'switchboard@example.com',
      SENDGRID_API_BASE_URL: sendgrid.origin,
      SLACK_WEBHOOK_URL: slack.url,
    }),
    { getTwilioClient: (_options?: ClientOpts) => client },
  );

  const { error, calls, twiml } = await invoke(forward, params(fixtures.mms), context);

  expect([error, calls]).toEqual([null, 1]);
  expect(parseTwiml(twiml).messages).toEqual([
    { to: PHONE, body: `${SENDER}: ${fixtures.mms.Body}`, media: [fixtures.mms.MediaUrl0, fixtures.mms.MediaUrl1] },
  ]);
  expect(sync.calls.length).toBeGreaterThan(0);
  // Late is not retried: the deadline covers the retry too.
  expect(sendgrid.server.requests.length).toBeLessThanOrEqual(1);
  expect(slack.server.requests.length).toBeLessThanOrEqual(1);
  const warnings = console_.warn.mock.calls.map((args) => String(args[0]));
  expect(warnings[0]).toBe(`sms-switchboard ${SID}: Twilio Sync did not answer within 4000 ms: routed without memory`);
  // Sync took its 4000 ms: whatever else passed, at most 500 ms of the 4.5 s budget were left (on a very
  // slow machine, none: then the deliveries are not even tried, and say so).
  const deliveries = warnings.slice(1);
  expect(deliveries).toHaveLength(2);
  for (const line of deliveries) {
    const late = / not delivered: (?:SendGrid|Slack) did not answer within (\d+) ms$/.exec(line);
    if (late !== null) expect(Number(late[1])).toBeLessThanOrEqual(500);
    else expect(line).toMatch(/ not sent: no time left before the function must answer$/);
  }
  expect(console_.error).not.toHaveBeenCalled();
});
