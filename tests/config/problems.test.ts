/**
 * What the build says about each mistake, word for word: a user reads these lines, not the code, so
 * each names the place, the problem and the fix. Each case is a mistake a user can make; the
 * expected lines are the whole answer (no other problem, no missing one).
 */
import { readEnv } from '../../src/config/env';
import { checkForBuild } from '../../src/config/load';
import { hasErrors, warning, error } from '../../src/config/problem';

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

const SLACK_PAGE = "copy the https://hooks.slack.com/services/... URL from your Slack app's Incoming Webhooks page";

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
  test.each([`x${SID}`, `${SID}0`, SID.slice(0, -1)])(
    'SYNC_SERVICE_SID %s is refused, saying where to copy it',
    (sid) => {
      expect(build({ SYNC_SERVICE_SID: sid })).toEqual([
        'error: SYNC_SERVICE_SID: is not a Sync service SID (IS followed by 32 hex digits): ' +
          'copy it from Console > Sync > Services',
      ]);
    },
  );

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

describe('a problem list', () => {
  test('has errors only when one of them is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([warning('FORWARD_TO', 'w')])).toBe(false);
    expect(hasErrors([warning('FORWARD_TO', 'w'), error('DEFAULT_MODE', 'e')])).toBe(true);
  });
});
