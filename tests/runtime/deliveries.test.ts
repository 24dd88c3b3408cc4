/**
 * Email and Slack deliveries from a function (issue 15 point 3), in-process with Node's real fetch
 * against the SendGrid and Slack stand-ins on 127.0.0.1: what each provider receives, one retry on
 * a 5xx or a network error within the deadline, a 429 not retried, a hang cut at the deadline, a
 * refused and a reset connection. A failed or late delivery is one warning and never changes the
 * TwiML answer; the logs hold no key, webhook URL, full number, full address or body.
 */
import { handler as forward } from '../../functions/forward.protected';
import { DELIVERY_DEFAULTS } from '../../src/config/delivery-env';
import type { Delivery } from '../../src/routing/delivery';
import { deliver } from '../../src/runtime/deliver';
import { fixedMode } from '../../src/runtime/endpoints';
import { startSendGridStandIn, sendgridError, type SendGridStandIn } from '../../src/stand-in/sendgrid-api';
import { slackError, startSlackStandIn, type SlackStandIn } from '../../src/stand-in/slack-webhook';
import { fixtures, params, RECEIVER, SENDER } from '../fixtures';
import { freePort } from '../helpers/runtime';
import { contextWith, installRuntime, installTwilio, invoke } from '../helpers/runtime-globals';
import { parseTwiml } from '../helpers/twiml';
import { captureConsole, type Capture } from '../security/log-capture';

const PHONE = '+15551230001';
const OWNER = 'owner@example.com';
const KEY = 'SG.deliveries-test.Zm9vYmFyYmF6cXV4MDEyMzQ1Njc4OQ';
const FROM = 'switchboard@example.com';
const SID = fixtures.mms.MessageSid;
const PICTURES = [fixtures.mms.MediaUrl0, fixtures.mms.MediaUrl1];
const PHONE_MESSAGE = { to: PHONE, body: `${SENDER}: ${fixtures.mms.Body}`, media: PICTURES };

let sendgrid: SendGridStandIn;
let slack: SlackStandIn;
let logs: Capture;

beforeAll(async () => {
  installTwilio();
  installRuntime(() => ({}));
  [sendgrid, slack] = await Promise.all([
    startSendGridStandIn({ apiKey: KEY, verifiedSenders: [FROM] }),
    startSlackStandIn(),
  ]);
});
afterAll(() => Promise.all([sendgrid.close(), slack.close()]));
beforeEach(() => {
  for (const list of [sendgrid.mails, slack.messages, sendgrid.server.requests, slack.server.requests]) list.length = 0;
  sendgrid.server.script.length = 0;
  slack.server.script.length = 0;
  logs = captureConsole();
});
afterEach(() => {
  const text = logs.text();
  logs.stop();
  // Whatever happened, the log never shows a secret, a full number, a full address or the text.
  for (const secret of [KEY, slack.url, new URL(slack.url).pathname, 'standinwebhooksecret', OWNER, SENDER, PHONE])
    expect(text).not.toContain(secret);
  expect(text).not.toContain(fixtures.mms.Body);
});

function env(changes: Record<string, string> = {}): Record<string, string> {
  return {
    FORWARD_TO: `${PHONE},${OWNER},slack`,
    SENDGRID_API_KEY: KEY,
    EMAIL_FROM: FROM,
    SENDGRID_API_BASE_URL: sendgrid.origin,
    SLACK_WEBHOOK_URL: slack.url,
    ...changes,
  };
}

async function send(variables = env(), handler = forward, changes: Record<string, string> = {}) {
  const { error, calls, twiml } = await invoke(handler, params(fixtures.mms, changes), contextWith(variables));
  expect([error, calls]).toEqual([null, 1]);
  return parseTwiml(twiml).messages;
}

const warnings = (): string[] =>
  logs
    .text()
    .split('\n')
    .filter((line) => line.startsWith('warn: '));

describe('a phone, an email and Slack in one forward', () => {
  test('the phone gets TwiML with both pictures; SendGrid and Slack each get one request, as documented', async () => {
    expect(await send()).toEqual([PHONE_MESSAGE]);
    expect(sendgrid.server.requests).toHaveLength(1);
    const [request] = sendgrid.server.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v3/mail/send');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.headers['content-type']).toBe('application/json');
    const [mail] = sendgrid.mails;
    expect(Object.keys(mail).sort()).toEqual(['content', 'from', 'personalizations', 'subject']);
    expect(mail.personalizations).toEqual([{ to: [{ email: OWNER }] }]);
    expect(mail.from).toEqual({ email: FROM });
    expect(mail.subject).toBe(`MMS from ${SENDER} to ${RECEIVER}`);
    expect(mail.content.map((part) => part.type)).toEqual(['text/plain', 'text/html']);
    for (const part of mail.content) for (const url of PICTURES) expect(part.value).toContain(url);
    expect(slack.messages).toHaveLength(1);
    expect(Object.keys(slack.messages[0])).toEqual(['text']);
    expect(slack.messages[0].text).toContain(`*MMS from ${SENDER} to ${RECEIVER}*`);
    expect(slack.server.requests[0].headers['content-type']).toBe('application/json');
    expect(warnings()).toEqual([]);
  });

  test('an opt-out is forwarded to email and Slack too: the owner learns of it', async () => {
    const { twiml } = await invoke(forward, params(fixtures.optOut), contextWith(env()));
    expect(parseTwiml(twiml).messages.map((m) => m.to)).toEqual([PHONE]);
    expect(sendgrid.mails[0].content[0].value).toContain('The sender opted out (STOP)');
    expect(String(slack.messages[0].text)).toContain('The sender opted out (STOP)');
  });
});

describe('failures are warnings, and the answer stays the same', () => {
  test('a 429 is not retried, only logged with its status and SendGrid error', async () => {
    sendgrid.server.script.push(sendgridError(429, 'too many requests'));
    expect(await send()).toEqual([PHONE_MESSAGE]);
    expect(sendgrid.server.requests).toHaveLength(1);
    expect(sendgrid.mails).toEqual([]);
    expect(slack.messages).toHaveLength(1);
    expect(warnings()).toEqual([
      `warn: sms-switchboard ${SID}: email to o***@example.com not delivered: ` +
        'HTTP 429, SendGrid error "too many requests" (rate limited: not retried)',
    ]);
  });

  test('a 500 then success: retried once, delivered, nothing logged', async () => {
    sendgrid.server.script.push(sendgridError(500, 'internal error'));
    slack.server.script.push(slackError(503, 'service_unavailable'));
    expect(await send()).toEqual([PHONE_MESSAGE]);
    expect(sendgrid.server.requests).toHaveLength(2);
    expect(sendgrid.mails).toHaveLength(1);
    expect(slack.server.requests).toHaveLength(2);
    expect(slack.messages).toHaveLength(1);
    expect(warnings()).toEqual([]);
  });

  test('a 500 twice: one retry only, then the warning says so', async () => {
    sendgrid.server.script.push(sendgridError(500, 'internal error'), sendgridError(500, 'internal error'));
    expect(await send()).toEqual([PHONE_MESSAGE]);
    expect(sendgrid.server.requests).toHaveLength(2);
    expect(warnings()).toEqual([
      `warn: sms-switchboard ${SID}: email to o***@example.com not delivered: ` +
        'HTTP 500, SendGrid error "internal error" (after a retry)',
    ]);
  });

  test("a refusal (4xx) is not retried: Slack's own error code is logged, SendGrid's field and message", async () => {
    const hook = 'https://hooks.slack.com/services/T0/B0/gone';
    sendgrid.server.script.push(
      sendgridError(403, 'The from address does not match a verified Sender Identity.', 'from'),
    );
    expect(await send(env({ SLACK_WEBHOOK_URL: `${slack.server.origin}/services/T0/B0/gone` }))).toEqual([
      PHONE_MESSAGE,
    ]);
    expect(sendgrid.server.requests).toHaveLength(1);
    expect(slack.server.requests).toHaveLength(1);
    expect(warnings().sort()).toEqual([
      `warn: sms-switchboard ${SID}: email to o***@example.com not delivered: ` +
        'HTTP 403, SendGrid error "from: The from address does not match a verified Sender Identity."',
      `warn: sms-switchboard ${SID}: slack not delivered: HTTP 404, Slack error "no_service"`,
    ]);
    expect(logs.text()).not.toContain(hook);
  });

  test('a provider that hangs is given up at DELIVERY_TIMEOUT_MS; the other delivery is unaffected', async () => {
    sendgrid.server.script.push('hang');
    expect(await send(env({ DELIVERY_TIMEOUT_MS: '300' }))).toEqual([PHONE_MESSAGE]);
    expect(sendgrid.server.requests).toHaveLength(1);
    expect(slack.messages).toHaveLength(1);
    expect(warnings()).toEqual([
      `warn: sms-switchboard ${SID}: email to o***@example.com not delivered: SendGrid did not answer within 300 ms`,
    ]);
  });

  test('a reset connection is a network error: retried, and delivered the second time', async () => {
    slack.server.script.push('reset');
    expect(await send()).toEqual([PHONE_MESSAGE]);
    expect(slack.server.requests).toHaveLength(2);
    expect(slack.messages).toHaveLength(1);
    expect(warnings()).toEqual([]);
  });

  test('reset twice: the warning names the network error, never the URL', async () => {
    slack.server.script.push('reset', 'reset');
    expect(await send()).toEqual([PHONE_MESSAGE]);
    expect(warnings()).toEqual([
      `warn: sms-switchboard ${SID}: slack not delivered: network error ECONNRESET reaching Slack (after a retry)`,
    ]);
  });

  test('a refused connection (nothing listening): retried once, then one warning', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    expect(await send(env({ SENDGRID_API_BASE_URL: closed }))).toEqual([PHONE_MESSAGE]);
    expect(warnings()).toEqual([
      `warn: sms-switchboard ${SID}: email to o***@example.com not delivered: ` +
        'network error ECONNREFUSED reaching SendGrid (after a retry)',
    ]);
  });

  test("a provider's error quoting the key, the address, a number or the text is logged without them", async () => {
    // The key bare: a `Bearer <key>` would go by the Authorization rule alone, not by the key's value.
    const quoting = `key ${KEY} for ${OWNER} from ${SENDER}: "${fixtures.mms.Body}"`;
    sendgrid.server.script.push(sendgridError(400, quoting, 'content'));
    expect(await send()).toEqual([PHONE_MESSAGE]);
    const [line] = warnings();
    expect(line).toMatch(
      /^warn: sms-switchboard \S+: email to o\*\*\*@example\.com not delivered: HTTP 400, SendGrid error/,
    );
    expect(line).toContain('o***@example.com');
    // The afterEach checks the key, the full address, the number and the text are absent.
  });

  test("Slack's refusal quoting the webhook URL's secret part is logged without it", async () => {
    const secretPart = new URL(slack.url).pathname.split('/').at(-1) ?? '';
    expect(secretPart).toMatch(/^standinwebhooksecret/);
    slack.server.script.push(slackError(403, secretPart));
    expect(await send()).toEqual([PHONE_MESSAGE]);
    expect(warnings()).toEqual([expect.stringMatching(/^warn: sms-switchboard \S+: slack not delivered: HTTP 403/)]);
    // The afterEach checks the URL, its path and its secret part are absent.
  });

  test('a refusal without words (an HTML error page): the status only, no empty provider error', async () => {
    const page = {
      status: 502,
      body: '<html><body>Bad Gateway</body></html>',
      headers: { 'Content-Type': 'text/html' },
    };
    slack.server.script.push(page, page);
    expect(await send()).toEqual([PHONE_MESSAGE]);
    expect(slack.server.requests).toHaveLength(2);
    expect(warnings()).toEqual([`warn: sms-switchboard ${SID}: slack not delivered: HTTP 502 (after a retry)`]);
  });

  test('an email target without SendGrid configured (an older deploy): the phone still gets its message', async () => {
    expect(await send(env({ SENDGRID_API_KEY: '', EMAIL_FROM: '' }))).toEqual([PHONE_MESSAGE]);
    expect(sendgrid.server.requests).toEqual([]);
    expect(warnings()).toEqual([
      `warn: sms-switchboard ${SID}: email to o***@example.com not sent: SENDGRID_API_KEY or EMAIL_FROM is not set`,
    ]);
  });
});

describe('the 4.5 s budget', () => {
  test('the deliveries get what is left of it when that is less than DELIVERY_TIMEOUT_MS', async () => {
    // A clock that says 4.4 s have passed since the handler started: 100 ms are left.
    let reads = 0;
    const clock = () => (reads++ === 0 ? 0 : 4400);
    sendgrid.server.script.push('hang');
    slack.server.script.push('hang');
    const handler = fixedMode('forward', { clock, fetch: (...args) => fetch(...args) });
    expect(await send(env({ DELIVERY_TIMEOUT_MS: '4000' }), handler)).toEqual([PHONE_MESSAGE]);
    expect(warnings().sort()).toEqual([
      `warn: sms-switchboard ${SID}: email to o***@example.com not delivered: SendGrid did not answer within 100 ms`,
      `warn: sms-switchboard ${SID}: slack not delivered: Slack did not answer within 100 ms`,
    ]);
  });

  test.each([4500, 4600])(
    'nothing left of it (%i ms gone): the deliveries are not attempted, and say so',
    async (gone) => {
      let reads = 0;
      const clock = () => (reads++ === 0 ? 0 : gone);
      const handler = fixedMode('forward', { clock, fetch: (...args) => fetch(...args) });
      expect(await send(env(), handler)).toEqual([PHONE_MESSAGE]);
      expect(sendgrid.server.requests).toEqual([]);
      expect(slack.server.requests).toEqual([]);
      const why = 'not sent: no time left before the function must answer';
      expect(warnings().sort()).toEqual([
        `warn: sms-switchboard ${SID}: email to o***@example.com ${why}`,
        `warn: sms-switchboard ${SID}: slack ${why}`,
      ]);
    },
  );
});

describe('a delivery that breaks unexpectedly', () => {
  test('is one error line, without the key or text it quotes; the others still go; deliver() resolves', async () => {
    const settings = {
      ...DELIVERY_DEFAULTS,
      sendgridApiKey: KEY,
      emailFrom: FROM,
      sendgridApiBaseUrl: sendgrid.origin,
      get slackWebhookUrl(): string {
        throw new Error(`settings broke: key ${KEY}, text "${fixtures.mms.Body}"`);
      },
    };
    const email: Delivery = { kind: 'email', to: OWNER, subject: 'SMS', text: 'Hi', html: '<p>Hi</p>' };
    const sending = { sid: SID, body: fixtures.mms.Body, deadlineMs: 1000, secrets: [KEY], fetch: globalThis.fetch };
    await expect(
      deliver([{ kind: 'slack', payload: { text: 'Hi' } }, email], settings, sending),
    ).resolves.toBeUndefined();
    expect(sendgrid.mails).toHaveLength(1);
    expect(logs.text().split('\n')).toEqual([
      `error: sms-switchboard ${SID}: slack failed: Error: settings broke: key (credentials removed), text "…"`,
    ]);
  });
});
