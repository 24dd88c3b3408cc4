// secretsIn: every form of a function's secrets that a log line could quote, and nothing else.
import { secretsIn } from '../../src/runtime/secrets';

const SID = `AC${'1'.repeat(32)}`;
const TOKEN = 'token-0123456789abcdef0123456789ab';
const KEY = 'SG.secrets-test.0123456789abcdefghij';
const HOOK = 'https://hooks.slack.com/services/T0SECRETS/B0SECRETS/webhooksecret0123456789';

test('the token and its Basic string, the SendGrid key, and the Slack URL whole, as a path and its last part', () => {
  const env = {
    ACCOUNT_SID: SID,
    AUTH_TOKEN: TOKEN,
    SENDGRID_API_KEY: ` ${KEY}\n`,
    SLACK_WEBHOOK_URL: ` ${HOOK} `,
    EMAIL_FROM: 'switchboard@example.com',
  };
  expect(secretsIn(env)).toEqual([
    TOKEN,
    Buffer.from(`${SID}:${TOKEN}`).toString('base64'),
    KEY,
    HOOK,
    '/services/T0SECRETS/B0SECRETS/webhooksecret0123456789',
    'webhooksecret0123456789',
  ]);
});

test('nothing set, values too short to tell from words, or not URLs: no secret', () => {
  expect(secretsIn({})).toEqual([]);
  expect(secretsIn({ AUTH_TOKEN: 'short', SENDGRID_API_KEY: 'SG.x', SLACK_WEBHOOK_URL: 'no url here' })).toEqual([
    'no url here',
  ]);
  expect(secretsIn({ SLACK_WEBHOOK_URL: 'https://h.example/a/b/c' })).toEqual(['https://h.example/a/b/c']);
});

test('a variable that throws when read (a proxy), or is not a string, counts as unset', () => {
  const throwing = new Proxy({ SENDGRID_API_KEY: KEY } as Record<string, string>, {
    get: (target, name) => {
      if (name === 'AUTH_TOKEN') throw new Error('no');
      return Reflect.get(target, name);
    },
  });
  expect(secretsIn(throwing)).toEqual([KEY]);
  expect(secretsIn({ AUTH_TOKEN: 12345678901234 } as unknown as Record<string, string>)).toEqual([]);
});

test('a value of 8 characters is a secret; one of 7 is too short to tell from a word', () => {
  expect(secretsIn({ SENDGRID_API_KEY: 'SG.45678' })).toEqual(['SG.45678']);
  expect(secretsIn({ SENDGRID_API_KEY: 'SG.4567' })).toEqual([]);
});
