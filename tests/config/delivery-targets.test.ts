/**
 * Email and Slack targets beside phones (issue 15): what a target may be, what each needs configured,
 * and the build refusing each mistake with its fix, without ever quoting a secret.
 */
import { readEnv } from '../../src/config/env';
import { checkForBuild, loadConfig } from '../../src/config/load';
import type { Problem } from '../../src/config/problem';

const FILE = 'assets/routing.private.json';
const N = '+15005550006';
const A = '+15551230001';
const KEY = 'SG.delivery-test-key.0123456789abcdefghijklmnopqrstuvwxyz';
const HOOK = 'https://hooks.slack.com/services/T0DELIVER/B0DELIVER/secretsecretsecret0123';
const SENDGRID = { SENDGRID_API_KEY: KEY, EMAIL_FROM: 'switchboard@example.com' };
const SLACK = { SLACK_WEBHOOK_URL: HOOK };

type Env = Readonly<Record<string, string>>;
const errorsOf = (env: Env, routing?: object): Problem[] =>
  checkForBuild(env, routing === undefined ? undefined : JSON.stringify(routing)).filter((p) => p.level === 'error');
const forwardEntry = (to: readonly string[]) => ({ numbers: { [N]: { mode: 'forward', to } } });

describe('a target is a phone, an email address or slack', () => {
  test('mixed in FORWARD_TO: read in order, `Slack` in any case read as slack, duplicates once', () => {
    const { env, problems } = readEnv({
      ...SENDGRID,
      ...SLACK,
      FORWARD_TO: ` ${A}, owner@example.com ,SLACK, slack,${A}`,
    });
    expect(problems).toEqual([]);
    expect(env.forwardTo).toEqual([A, 'owner@example.com', 'slack']);
  });

  test('mixed in a routing entry and outside hours, with both providers configured: no problem', () => {
    const routing = {
      numbers: {
        [N]: {
          mode: 'forward',
          to: [A, 'Owner.Name+sms@mail.example.co.uk', 'Slack'],
          hours: { timeZone: 'UTC', open: ['Daily 09:00-17:00'], outside: { mode: 'forward', to: ['slack'] } },
        },
      },
    };
    expect(errorsOf({ ...SENDGRID, ...SLACK }, routing)).toEqual([]);
    const entry = loadConfig({ ...SENDGRID, ...SLACK }, JSON.stringify(routing)).config.routing.numbers.get(N);
    expect(entry?.to).toEqual([A, 'Owner.Name+sms@mail.example.co.uk', 'slack']);
  });

  test.each([
    ['555-1234', /"555-1234" is not an E\.164 number/],
    ['owner@example', /"owner@example" is not an email address: write it as name@example\.com/],
    ['owner@@example.com', /is not an email address/],
    ['<owner@example.com>', /"<owner@example\.com>" is not an email address/],
    ['owner at example.com', /is not a target: write an E\.164 number \(\+15551230000\), an email address .* or slack/],
    ['slack-channel', /"slack-channel" is not a target/],
    ['#general', /is not a target/],
  ])('%j is refused, saying what to write', (target, message) => {
    expect(errorsOf({ ...SENDGRID, ...SLACK }, forwardEntry([target]))).toEqual([
      { level: 'error', where: `${FILE}: numbers.${N}.to[0]`, message: expect.stringMatching(message) },
    ]);
    expect(errorsOf({ ...SENDGRID, ...SLACK, FORWARD_TO: target })).toEqual([
      { level: 'error', where: 'FORWARD_TO[0]', message: expect.stringMatching(message) },
    ]);
  });

  const ten = [...Array.from({ length: 8 }, (_, i) => `+1555123000${i}`), 'owner@example.com', 'slack'];
  test('10 targets of all kinds are the most: at 10 none refused, at 11 the build says so', () => {
    expect(errorsOf({ ...SENDGRID, ...SLACK }, forwardEntry(ten))).toEqual([]);
    expect(readEnv({ ...SENDGRID, ...SLACK, FORWARD_TO: ten.join(',') })).toEqual({
      env: expect.objectContaining({ forwardTo: ten }),
      problems: [],
    });
    expect(errorsOf({ ...SENDGRID, ...SLACK }, forwardEntry([...ten, 'other@example.com']))).toEqual([
      {
        level: 'error',
        where: `${FILE}: numbers.${N}.to`,
        message:
          'has 11 targets: at most 10 (phones, email addresses and slack together); split them across Twilio numbers',
      },
    ]);
    const { env, problems } = readEnv({ ...SENDGRID, ...SLACK, FORWARD_TO: [...ten, 'other@example.com'].join(',') });
    expect(problems).toEqual([
      {
        level: 'error',
        where: 'FORWARD_TO',
        message: 'has 11 targets: at most 10 (phones, email addresses and slack together); only the first 10 are used',
      },
    ]);
    expect(env.forwardTo).toEqual(ten);
  });
});

describe('each target kind needs its provider configured', () => {
  test('an email target without SENDGRID_API_KEY and EMAIL_FROM: both named, with where to get them', () => {
    expect(errorsOf({}, forwardEntry([A, 'owner@example.com']))).toEqual([
      {
        level: 'error',
        where: `${FILE}: numbers.${N}.to`,
        message:
          'forwards by email, but SENDGRID_API_KEY and EMAIL_FROM are not set: ' +
          'create a SendGrid API key with the Mail Send permission (SendGrid > Settings > API Keys) ' +
          'for SENDGRID_API_KEY, and set EMAIL_FROM to a sender verified in SendGrid ' +
          '(Settings > Sender Authentication); or remove the address',
      },
    ]);
  });

  test('only what is missing is named, once per list however many addresses', () => {
    const env = { SENDGRID_API_KEY: KEY, FORWARD_TO: 'a@example.com,b@example.com' };
    expect(errorsOf(env)).toEqual([
      {
        level: 'error',
        where: 'FORWARD_TO',
        message: expect.stringMatching(/^forwards by email, but EMAIL_FROM is not set/),
      },
    ]);
  });

  test('slack without SLACK_WEBHOOK_URL, outside hours too', () => {
    const routing = {
      numbers: {
        [N]: {
          mode: 'auto-reply',
          hours: { timeZone: 'UTC', open: ['Daily 09:00-17:00'], outside: { mode: 'forward', to: ['slack'] } },
        },
      },
    };
    expect(errorsOf({}, routing)).toEqual([
      {
        level: 'error',
        where: `${FILE}: numbers.${N}.hours.outside.to`,
        message:
          'forwards to slack, but SLACK_WEBHOOK_URL is not set: add an incoming webhook to the Slack channel ' +
          '(https://api.slack.com/messaging/webhooks) and set SLACK_WEBHOOK_URL to its URL; or remove slack',
      },
    ]);
  });

  test('a provider variable set to a refused value gets its own problem only, never "not set"', () => {
    const env = {
      FORWARD_TO: 'owner@example.com,slack',
      SENDGRID_API_KEY: 'SG.with a space',
      EMAIL_FROM: 'switchboard@example.com',
      SLACK_WEBHOOK_URL: 'http://hooks.slack.com/services/T0/B0/x',
    };
    expect(errorsOf(env).map((p) => [p.where, p.message.slice(0, 40)])).toEqual([
      ['SENDGRID_API_KEY', 'contains a space or a line break: paste '],
      ['SLACK_WEBHOOK_URL', 'is not an https:// URL (http:// only for'],
    ]);
  });

  test('control: providers configured without email or Slack targets are no problem', () => {
    expect(errorsOf({ ...SENDGRID, ...SLACK, FORWARD_TO: A })).toEqual([]);
  });
});

describe('the delivery variables', () => {
  test.each([
    ['SLACK_WEBHOOK_URL', 'http://hooks.slack.com/services/T0/B0/plain', /is not an https:\/\/ URL/],
    ['SLACK_WEBHOOK_URL', 'hooks.slack.com/services/T0/B0/nourl', /is not a URL: copy the https:\/\/hooks/],
    ['SLACK_WEBHOOK_URL', 'ftp://hooks.slack.com/services/T0/B0/ftp', /is not an https:\/\/ URL/],
    ['SENDGRID_API_KEY', 'SG.two words', /contains a space or a line break: paste the API key alone/],
    ['EMAIL_FROM', 'Switchboard <switchboard@example.com>', /is not an email address: write the address of a sender/],
    ['DELIVERY_TIMEOUT_MS', '4001', /"4001" ms is too long: .*whatever SendGrid or Slack does; write at most 4000/],
    ['DELIVERY_TIMEOUT_MS', '0', /"0" is not a number of milliseconds from 1 to 4000/],
    ['DELIVERY_TIMEOUT_MS', '3s', /is not a number of milliseconds/],
    ['SENDGRID_API_BASE_URL', 'http://127.0.0.1:4012/v3', /is not an origin: write https:\/\/host\[:port\]/],
    ['SENDGRID_API_BASE_URL', 'http://sendgrid.example.com', /is not an origin/],
  ])('%s=%j is refused', (name, value, message) => {
    expect(errorsOf({ [name]: value })).toEqual([
      { level: 'error', where: name, message: expect.stringMatching(message) },
    ]);
  });

  test.each([
    ['http://127.0.0.1:4013/services/T0/B0/standin'],
    ['http://localhost:4013/services/T0/B0/standin'],
    ['http://[::1]:4013/services/T0/B0/standin'],
    [HOOK],
  ])('SLACK_WEBHOOK_URL=%s (https, or a stand-in on this machine) is accepted', (url) => {
    const { env, problems } = readEnv({ SLACK_WEBHOOK_URL: ` ${url} ` });
    expect(problems).toEqual([]);
    expect(env.deliveries.slackWebhookUrl).toBe(url);
  });

  test('defaults: SendGrid itself, 3000 ms, sent (not printed); the test hook is read as an origin', () => {
    expect(readEnv({}).env.deliveries).toEqual({
      sendgridApiBaseUrl: 'https://api.sendgrid.com',
      timeoutMs: 3000,
      print: false,
    });
    const { env } = readEnv({
      ...SENDGRID,
      SENDGRID_API_BASE_URL: 'http://127.0.0.1:4012/',
      DELIVERY_TIMEOUT_MS: '4000',
      SWITCHBOARD_PRINT_DELIVERIES: '1',
    });
    expect(env.deliveries).toEqual({
      sendgridApiKey: KEY,
      emailFrom: 'switchboard@example.com',
      sendgridApiBaseUrl: 'http://127.0.0.1:4012',
      timeoutMs: 4000,
      print: true,
    });
  });

  test('no problem ever quotes the API key or the webhook URL, not even a part of it', () => {
    const hook = 'http://hooks.slack.com/services/T0SECRETX/B0SECRETX/webhooksecret0123456789';
    const key = 'SG.leaky key.0123456789abcdefghijklmnop';
    const problems = checkForBuild({
      SENDGRID_API_KEY: key,
      SLACK_WEBHOOK_URL: hook,
      FORWARD_TO: 'slack,o@example.com',
    });
    expect(problems.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(problems);
    for (const secret of [key, 'leaky', '0123456789abcdefghijklmnop', hook, 'T0SECRETX', 'webhooksecret'])
      expect(text).not.toContain(secret);
  });
});
