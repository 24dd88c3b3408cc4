/**
 * Issue 15's done-criterion, end to end: one routing entry forwards an MMS with two pictures to a
 * phone, an email address and Slack, through the real local runtime (twilio-run) with the built
 * functions, against the SendGrid and Slack stand-ins on 127.0.0.1. A hanging provider does not
 * keep the TwiML answer past its deadline. With SWITCHBOARD_PRINT_DELIVERIES=1 (what `npm start`
 * sets), nothing is sent: the runtime prints the deliveries and `npm run sms` shows them.
 */
import { join } from 'node:path';
import { DELIVERIES_HEADER } from '../../src/runtime/print-deliveries';
import { startSendGridStandIn, type SendGridStandIn } from '../../src/stand-in/sendgrid-api';
import { startSlackStandIn, type SlackStandIn } from '../../src/stand-in/slack-webhook';
import { fixtures, params, RECEIVER, SENDER } from '../fixtures';
import { cleanEnv, runCli } from '../cli/sms-project';
import { buildOnce, servedProject, type TempProject } from '../helpers/project';
import { startRuntime, type LocalRuntime } from '../helpers/runtime';
import { parseTwiml } from '../helpers/twiml';
import { twimlOf } from '../helpers/webhook-answer';
import { postWebhook } from '../helpers/webhook';

const PHONE = '+15551230001';
const OWNER = 'owner@example.com';
const KEY = 'SG.end-to-end.c2VjcmV0LWtleS1mb3ItdGVzdHM';
const FROM = 'switchboard@example.com';
const PICTURES = [fixtures.mms.MediaUrl0, fixtures.mms.MediaUrl1];
const ROUTING = { numbers: { [RECEIVER]: { mode: 'forward', to: [PHONE, OWNER, 'slack'] } } };

interface Served {
  readonly project: TempProject;
  readonly runtime: LocalRuntime;
}

let built: TempProject;
let sendgrid: SendGridStandIn;
let slack: SlackStandIn;
let sending: Served;
let printing: Served;

async function serve(extra: Record<string, string>): Promise<Served> {
  const env = {
    SENDGRID_API_KEY: KEY,
    EMAIL_FROM: FROM,
    SENDGRID_API_BASE_URL: sendgrid.origin,
    SLACK_WEBHOOK_URL: slack.url,
    ...extra,
  };
  const project = await servedProject(built, { env, routing: ROUTING });
  return { project, runtime: await startRuntime(project.dir) };
}

beforeAll(async () => {
  [built, sendgrid, slack] = await Promise.all([
    buildOnce(),
    startSendGridStandIn({ apiKey: KEY, verifiedSenders: [FROM] }),
    startSlackStandIn(),
  ]);
  [sending, printing] = await Promise.all([serve({}), serve({ SWITCHBOARD_PRINT_DELIVERIES: '1' })]);
}, 180_000);
afterAll(async () => {
  for (const served of [sending, printing]) {
    await served?.runtime.stop();
    await served?.project.remove();
  }
  await Promise.all([sendgrid?.close(), slack?.close(), built?.remove()]);
});
beforeEach(() => {
  for (const list of [sendgrid.mails, slack.messages, sendgrid.server.requests, slack.server.requests]) list.length = 0;
});

const mms = (changes: Record<string, string> = {}) => params(fixtures.mms, changes);

describe('deployed behaviour: the functions send', () => {
  test('one entry: the phone in TwiML with both pictures, the email to SendGrid, the message to Slack', async () => {
    const answer = await postWebhook(sending.runtime.url('/sms'), mms());
    expect(twimlOf(answer).messages).toEqual([{ to: PHONE, body: `${SENDER}: ${fixtures.mms.Body}`, media: PICTURES }]);
    // Deployed, the answer carries no delivery header.
    expect(answer.status).toBe(200);

    expect(sendgrid.mails).toHaveLength(1);
    const [mail] = sendgrid.mails;
    expect(mail.personalizations).toEqual([{ to: [{ email: OWNER }] }]);
    expect(mail.from).toEqual({ email: FROM });
    expect(mail.reply_to).toBeUndefined();
    expect(mail.subject).toBe(`MMS from ${SENDER} to ${RECEIVER}`);
    const [plain, html] = mail.content;
    expect(plain.type).toBe('text/plain');
    expect(plain.value).toMatch(
      new RegExp(`^MMS from \\${SENDER} to \\${RECEIVER}\nReceived: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\n`),
    );
    expect(plain.value).toContain(`\n${fixtures.mms.Body}\n\nPictures:\n${PICTURES.join('\n')}\n`);
    expect(html.type).toBe('text/html');
    for (const url of PICTURES) expect(html.value).toContain(`<a href="${url}">`);
    expect(sendgrid.server.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);

    expect(slack.messages).toHaveLength(1);
    const text = String(slack.messages[0].text);
    expect(text.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^\\*MMS from \\${SENDER} to \\${RECEIVER}\\* \\(.+ UTC\\)$`)),
      fixtures.mms.Body,
      'Pictures:',
      ...PICTURES,
    ]);
  });

  test('HTML in the text is escaped in the email, and reaches Slack as text', async () => {
    await postWebhook(sending.runtime.url('/sms'), mms({ Body: '<img src=x onerror=alert(1)> & <!here>' }));
    const html = sendgrid.mails[0].content[1].value;
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;!here&gt;');
    expect(html).not.toContain('<img');
    expect(String(slack.messages[0].text)).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;!here&gt;');
  });

  test('both providers hanging: the TwiML answer still comes, each delivery is a warning', async () => {
    sendgrid.server.script.push('hang');
    slack.server.script.push('hang');
    const answer = await postWebhook(sending.runtime.url('/sms'), mms());
    expect(twimlOf(answer).messages.map((m) => m.to)).toEqual([PHONE]);
    const output = await sending.runtime.outputMatching(/slack not delivered/);
    expect(output).toContain('email to o***@example.com not delivered: SendGrid did not answer within 3000 ms');
    expect(output).toContain('slack not delivered: Slack did not answer within 3000 ms');
    // The runtime's whole output: no key, no webhook URL, no full number, no address, no text.
    for (const secret of [KEY, slack.url, 'standinwebhooksecret', OWNER, SENDER, PHONE, fixtures.mms.Body])
      expect(output).not.toContain(secret);
  });
});

describe('npm start behaviour (SWITCHBOARD_PRINT_DELIVERIES=1): printed, shown, never sent', () => {
  test('the answer is the same TwiML, with the deliveries in a header; the providers get nothing', async () => {
    const answer = await fetch(printing.runtime.url('/sms'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(mms()).toString(),
    });
    expect(answer.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(parseTwiml(await answer.text()).messages.map((m) => m.to)).toEqual([PHONE]);
    const shown: unknown = JSON.parse(
      Buffer.from(answer.headers.get(DELIVERIES_HEADER) ?? '', 'base64').toString('utf8'),
    );
    expect(shown).toEqual([
      {
        kind: 'email',
        to: OWNER,
        subject: `MMS from ${SENDER} to ${RECEIVER}`,
        text: expect.stringContaining('Pictures:'),
      },
      { kind: 'slack', text: expect.stringContaining(`*MMS from ${SENDER} to ${RECEIVER}*`) },
    ]);
    expect(sendgrid.server.requests).toEqual([]);
    expect(slack.server.requests).toEqual([]);
    const output = await printing.runtime.outputMatching(/Slack \(printed, not sent/);
    expect(output).toContain(`email to ${OWNER} (printed, not sent: start with --send to send it)`);
    expect(output).toContain(`    Subject: MMS from ${SENDER} to ${RECEIVER}`);
  });

  test('npm run sms shows the email and the Slack message in its conversation view', async () => {
    const run = await runCli(
      'sms',
      ['--url', printing.runtime.url('/sms'), '--from', '+12125550199', '--to', RECEIVER, ...mediaArgs(), 'Hello'],
      printing.project.dir,
      cleanEnv({ TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') }),
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const email = lines.indexOf(`Email to ${OWNER}:`);
    expect(email).toBeGreaterThan(0);
    expect(lines[email + 1]).toBe(`    Subject: MMS from +12125550199 to ${RECEIVER}`);
    expect(lines.slice(email + 2)).toEqual(
      expect.arrayContaining(['    Hello', ...PICTURES.map((url) => `    ${url}`)]),
    );
    const slackAt = lines.indexOf('Slack:');
    expect(slackAt).toBeGreaterThan(email);
    expect(lines[slackAt + 1]).toMatch(new RegExp(`^    \\*MMS from \\+12125550199 to \\${RECEIVER}\\*`));
    expect(sendgrid.server.requests).toEqual([]);
  });
});

const mediaArgs = (): string[] => PICTURES.flatMap((url) => ['--media', url ?? '']);
