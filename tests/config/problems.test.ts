/**
 * What the build says about each mistake, word for word: a user reads these lines, not the code, so
 * each names the place, the problem and the fix. Each case is a mistake a user can make; the
 * expected lines are the whole answer (no other problem, no missing one).
 */
import { DEFAULTS, readEnv } from '../../src/config/env';
import { checkForBuild } from '../../src/config/load';
import { hasErrors, warning, error } from '../../src/config/problem';
import { readRouting } from '../../src/config/routing-file';

const FILE = 'assets/routing.private.json';
const N = '+15005550006';
const A = '+15551230001';
const SID = 'IS0123456789abcdef0123456789abcdef';
const SENDGRID = { SENDGRID_API_KEY: 'SG.problem-test-key.0123456789', EMAIL_FROM: 'switchboard@example.com' };

type Env = Readonly<Record<string, string>>;
/** Every line the build prints for this configuration, as `level: where: message`. */
const build = (env: Env, routing?: object): string[] =>
  checkForBuild(env, routing === undefined ? undefined : JSON.stringify(routing)).map(
    (p) => `${p.level}: ${p.where}: ${p.message}`,
  );
const entry = (fields: object) => ({ numbers: { [N]: fields } });

const SENDGRID_FIX =
  'create a SendGrid API key with the Mail Send permission (SendGrid > Settings > API Keys) ' +
  'for SENDGRID_API_KEY, and set EMAIL_FROM to a sender verified in SendGrid ' +
  '(Settings > Sender Authentication); or remove the address';
const SLACK_PAGE = "copy the https://hooks.slack.com/services/... URL from your Slack app's Incoming Webhooks page";

describe('email and Slack targets without their provider', () => {
  test('an email target without SendGrid names both variables and where to get each', () => {
    expect(build({}, entry({ mode: 'forward', to: ['owner@example.com'] }))).toEqual([
      `error: ${FILE}: numbers.${N}.to: forwards by email, but SENDGRID_API_KEY and EMAIL_FROM are not set: ` +
        SENDGRID_FIX,
    ]);
  });

  test('slack without a webhook says how to add one', () => {
    expect(build({ FORWARD_TO: 'slack' })).toEqual([
      'error: FORWARD_TO: forwards to slack, but SLACK_WEBHOOK_URL is not set: add an incoming webhook to the ' +
        'Slack channel (https://api.slack.com/messaging/webhooks) and set SLACK_WEBHOOK_URL to its URL; ' +
        'or remove slack',
    ]);
  });
});

describe('the delivery variables', () => {
  const NOT_HTTPS =
    'is not an https:// URL (http:// only for 127.0.0.1 or localhost, a stand-in): ' +
    `the URL is a secret, never sent in clear text; ${SLACK_PAGE}`;

  test.each([
    ['plain http to another host', 'http://hooks.slack.com/services/T0/B0/secret', NOT_HTTPS],
    ['another protocol to this machine', 'ws://127.0.0.1:8080/services/T0/B0/secret', NOT_HTTPS],
    ['no URL at all', 'hooks.slack.com/services/T0/B0/secret', `is not a URL: ${SLACK_PAGE}`],
  ])('a Slack webhook over %s is refused without quoting it', (_what, url, message) => {
    expect(build({ SLACK_WEBHOOK_URL: url })).toEqual([`error: SLACK_WEBHOOK_URL: ${message}`]);
  });

  test('http to this machine is a stand-in, allowed', () => {
    expect(build({ SLACK_WEBHOOK_URL: 'http://127.0.0.1:3999/services/T0/B0/secret' })).toEqual([]);
  });

  test('EMAIL_FROM that is no address says which sender to write', () => {
    expect(build({ ...SENDGRID, EMAIL_FROM: 'switchboard' })).toEqual([
      'error: EMAIL_FROM: "switchboard" is not an email address: write the address of a sender verified in ' +
        'SendGrid (Settings > Sender Authentication), e.g. switchboard@example.com',
    ]);
  });

  test.each([
    ['a query', 'https://api.example.com/?region=eu'],
    ['a user name', 'https://user@api.example.com'],
    ['a path', 'https://api.example.com/v3'],
  ])('SENDGRID_API_BASE_URL with %s is no origin, and says what to write', (_what, url) => {
    expect(build({ SENDGRID_API_BASE_URL: url })).toEqual([
      `error: SENDGRID_API_BASE_URL: "${url}" is not an origin: write https://host[:port], or ` +
        'http://127.0.0.1:<port> for a stand-in (npm run stand-in), with no path; ' +
        'or leave it unset for https://api.sendgrid.com',
    ]);
  });
});

describe('the environment', () => {
  test('with no variable set, the configuration is DEFAULTS, exactly', () => {
    const expected = {
      autoReplyMessage: 'Thanks for your message. We have received it and will get back to you soon.',
      forwardTo: [],
      forwardTemplate: '{From}: {Body}',
      defaultMode: 'auto-reply',
      autoReplyMedia: [],
      syncTimeoutMs: 2000,
      localMemory: false,
      deliveries: { sendgridApiBaseUrl: 'https://api.sendgrid.com', timeoutMs: 3000, print: false },
    };
    expect(readEnv({}).env).toStrictEqual({
      ...expected,
      autoReplyOncePer: undefined,
      syncServiceSid: undefined,
      deliveries: {
        ...expected.deliveries,
        sendgridApiKey: undefined,
        emailFrom: undefined,
        slackWebhookUrl: undefined,
      },
    });
    expect(DEFAULTS).toStrictEqual(expected);
  });

  test.each([`x${SID}`, `${SID}0`, SID.slice(0, -1)])(
    'SYNC_SERVICE_SID %s is refused, saying where to copy it',
    (sid) => {
      expect(build({ SYNC_SERVICE_SID: sid })).toEqual([
        'error: SYNC_SERVICE_SID: is not a Sync service SID (IS followed by 32 hex digits): ' +
          'copy it from Console > Sync > Services',
      ]);
    },
  );

  test('SYNC_TIMEOUT_MS past 4000 is too long for Sync, saying why', () => {
    expect(build({ SYNC_TIMEOUT_MS: '4001' })).toEqual([
      'error: SYNC_TIMEOUT_MS: "4001" ms is too long: Twilio stops a Function at 10 s (the message is lost), ' +
        'and its answer must leave within 5 s whatever Sync does; write at most 4000, or leave it unset for 2000',
    ]);
  });

  test('exactly 10 FORWARD_TO targets are all used; 11 keep the first 10, saying so', () => {
    const phones = (count: number) => Array.from({ length: count }, (_, n) => `+1555123${String(n).padStart(4, '0')}`);
    expect(readEnv({ FORWARD_TO: phones(10).join(',') })).toEqual({
      env: expect.objectContaining({ forwardTo: phones(10) }),
      problems: [],
    });
    expect(readEnv({ FORWARD_TO: phones(11).join(',') })).toEqual({
      env: expect.objectContaining({ forwardTo: phones(10) }),
      problems: [
        error(
          'FORWARD_TO',
          'has 11 targets: at most 10 (phones, email addresses and slack together); only the first 10 are used',
        ),
      ],
    });
  });

  test.each([
    ['1', true],
    [' 1 ', true],
    ['0', false],
  ])('SWITCHBOARD_PRINT_DELIVERIES=%j prints deliveries: %s', (value, print) => {
    expect(readEnv({ SWITCHBOARD_PRINT_DELIVERIES: value }).env.deliveries.print).toBe(print);
  });

  test('a local-only variable in .env is a warning that says who sets it', () => {
    expect(build({ SWITCHBOARD_LOCAL_MEMORY: '1' })).toEqual([
      'warning: SWITCHBOARD_LOCAL_MEMORY: is set by npm start and npm run dev for the local runtime, and never ' +
        'deployed: remove it from .env (npm start -- --sync and --send turn the local behaviours off)',
    ]);
  });
});

describe('rules that span the environment and the routing file', () => {
  const SYNC_NEEDED =
    'error: SYNC_SERVICE_SID: is not set, but AUTO_REPLY_ONCE_PER or "replyOncePer" needs Twilio Sync to ' +
    'remember who was answered: create a Sync service (Console > Sync > Services) and set SYNC_SERVICE_SID';

  test('AUTO_REPLY_ONCE_PER without Sync, with no routing file at all, asks for a Sync service', () => {
    expect(build({ AUTO_REPLY_ONCE_PER: '12h' })).toEqual([SYNC_NEEDED]);
    expect(build({ AUTO_REPLY_ONCE_PER: '12h', SYNC_SERVICE_SID: SID })).toEqual([]);
  });

  test('"replyOncePer" without Sync asks for a Sync service too', () => {
    expect(build({}, entry({ replyOncePer: '1d' }))).toEqual([SYNC_NEEDED]);
  });

  test("{opens} in an entry's own message is refused at that message: it is known only outside hours", () => {
    expect(build({}, entry({ message: 'We open {opens}' }))).toEqual([
      `error: ${FILE}: numbers.${N}.message: {opens} is only known outside business hours: ` +
        'use it in "hours": { "outside": { "message": ... } }',
    ]);
  });

  test('a field of another mode outside hours names the mode it belongs to, without "(DEFAULT_MODE)"', () => {
    const hours = { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'], outside: { mode: 'auto-reply', to: [A] } };
    expect(build({}, entry({ mode: 'ignore', hours }))).toEqual([
      `error: ${FILE}: numbers.${N}.hours.outside.to: belongs to mode "forward" but the mode here is "auto-reply": ` +
        'remove "to" or set "mode": "forward"',
    ]);
  });

  const TEMPLATE_ONLY =
    'warning: FORWARD_TO: is not set, but FORWARD_TEMPLATE is: /forward would forward nothing; set FORWARD_TO';

  test('FORWARD_TEMPLATE without FORWARD_TO warns, even when the routing file only auto-replies', () => {
    expect(build({ FORWARD_TEMPLATE: '{Body}' }, entry({ mode: 'auto-reply' }))).toEqual([TEMPLATE_ONLY]);
    expect(build({ FORWARD_TEMPLATE: '{Body}' }, entry({ mode: 'ignore' }))).toEqual([TEMPLATE_ONLY]);
  });

  test('DEFAULT_MODE=forward without FORWARD_TO is one error, not also the template warning', () => {
    expect(build({ FORWARD_TEMPLATE: '{Body}', DEFAULT_MODE: 'forward' })).toEqual([
      'error: DEFAULT_MODE: is "forward" but FORWARD_TO is not set: numbers not in the routing file would be ' +
        'forwarded nowhere; set FORWARD_TO',
    ]);
  });
});

describe('the routing file', () => {
  test('a file of `null` is unreadable, said to be no object', () => {
    expect(readRouting('null')).toEqual({
      routing: { numbers: new Map(), unreadable: true, file: undefined },
      problems: [error(FILE, 'must be an object (the routing file), not null')],
    });
  });

  test('numbers that is text, not an object, is unreadable and says what numbers is', () => {
    expect(readRouting(JSON.stringify({ numbers: N }))).toEqual({
      routing: { numbers: new Map(), unreadable: true, file: { keywords: {}, block: [], allow: [] } },
      problems: [
        error(
          `${FILE}: numbers`,
          'must be an object keyed by E.164 number, e.g. { "+15005550006": { "mode": "ignore" } }',
        ),
      ],
    });
  });

  test('keywords written as a list are refused, never read as keyword "0" answering "HOURS"', () => {
    const LIST = 'is a list where an object belongs: write { "HOURS": "Open 9-5, Mon-Fri" }';
    expect(build({}, { keywords: ['HOURS'], numbers: { [N]: { keywords: ['HOURS'] } } })).toEqual([
      `error: ${FILE}: keywords: ${LIST}`,
      `error: ${FILE}: numbers.${N}.keywords: ${LIST}`,
    ]);
    const { routing } = readRouting(JSON.stringify({ keywords: ['HOURS'], numbers: { [N]: { keywords: ['HOURS'] } } }));
    expect([routing.file?.keywords, routing.numbers.get(N)]).toEqual([undefined, null]);
  });

  test('a valid file is read as it is written, with nothing added', () => {
    expect(readRouting(JSON.stringify({ block: ['+1900*'], numbers: { [N]: { mode: 'ignore' } } }))).toEqual({
      routing: { numbers: new Map([[N, { mode: 'ignore' }]]), unreadable: false, file: { block: ['+1900*'] } },
      problems: [],
    });
  });

  test('an invalid global list stays readable: the numbers are kept, the valid lists too', () => {
    const { routing, problems } = readRouting(
      JSON.stringify({ block: '+1900*', keywords: { HOURS: 'Open 9-5' }, numbers: { [N]: { mode: 'ignore' } } }),
    );
    expect(routing).toEqual({
      numbers: new Map([[N, { mode: 'ignore' }]]),
      unreadable: false,
      file: { keywords: { HOURS: 'Open 9-5' }, block: undefined, allow: [] },
    });
    expect(problems).toEqual([
      error(`${FILE}: block`, 'must be a list of numbers or prefixes, e.g. ["+1900*", "+15551230000"]'),
    ]);
  });

  test('with no numbers at all and an invalid list, the file is still readable', () => {
    expect(readRouting(JSON.stringify({ allow: [5] })).routing.unreadable).toBe(false);
  });
});

describe('a problem list', () => {
  test('has errors only when one of them is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([warning('FORWARD_TO', 'w')])).toBe(false);
    expect(hasErrors([warning('FORWARD_TO', 'w'), error('DEFAULT_MODE', 'e')])).toBe(true);
  });
});
