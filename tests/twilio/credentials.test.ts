/** Which credentials the commands use, in which order, and what a missing or malformed one says (never its value). */
import { CredentialsError, readCredentials } from '../../src/twilio/credentials';

const AC = `AC${'1'.repeat(32)}`;
const SK = `SK${'2'.repeat(32)}`;
const TOKEN = 'token-never-printed';
const SECRET = 'secret-never-printed';

function refusal(env: Record<string, string>, dotenv: Record<string, string> = {}): string {
  try {
    readCredentials(env, dotenv);
  } catch (e) {
    if (!(e instanceof CredentialsError)) throw e;
    expect(e.message).not.toContain(TOKEN);
    expect(e.message).not.toContain(SECRET);
    return e.message;
  }
  throw new Error('expected a CredentialsError');
}

test('the shell auth token first, then the shell API key, then .env', () => {
  const dotenv = { ACCOUNT_SID: `AC${'3'.repeat(32)}`, AUTH_TOKEN: 'dotenv-token' };
  const shell = { TWILIO_ACCOUNT_SID: AC, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_API_KEY: SK, TWILIO_API_SECRET: SECRET };
  expect(readCredentials(shell, dotenv)).toEqual({
    accountSid: AC,
    username: AC,
    password: TOKEN,
    source: 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN',
  });
  const { TWILIO_AUTH_TOKEN: _token, ...apiKey } = shell;
  expect(readCredentials(apiKey, dotenv)).toEqual({
    accountSid: AC,
    username: SK,
    password: SECRET,
    source: 'TWILIO_API_KEY and TWILIO_API_SECRET',
  });
  expect(readCredentials({ TWILIO_ACCOUNT_SID: AC, TWILIO_API_KEY: SK }, dotenv)).toEqual({
    accountSid: dotenv.ACCOUNT_SID,
    username: dotenv.ACCOUNT_SID,
    password: 'dotenv-token',
    source: 'ACCOUNT_SID and AUTH_TOKEN in .env',
  });
});

test('blank values count as unset; values are trimmed', () => {
  expect(refusal({ TWILIO_ACCOUNT_SID: ` ${AC} `, TWILIO_AUTH_TOKEN: '  ' })).toMatch(
    /^Twilio credentials are missing/,
  );
  expect(readCredentials({ TWILIO_ACCOUNT_SID: ` ${AC} `, TWILIO_AUTH_TOKEN: ` ${TOKEN}\n` }).password).toBe(TOKEN);
});

test('an account SID that is not one names where it came from, not its value', () => {
  expect(refusal({ TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: TOKEN })).toMatch(
    new RegExp(
      '^The account SID from TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN is not an account SID ' +
        '\\(AC followed by 32 hex digits\\)\\. Set ',
    ),
  );
  expect(refusal({}, { ACCOUNT_SID: 'SK-not-an-account', AUTH_TOKEN: TOKEN })).toMatch(
    /^The account SID from ACCOUNT_SID and AUTH_TOKEN in \.env is not an account SID/,
  );
});

test('an API key that is not an SK SID says where to create one', () => {
  expect(refusal({ TWILIO_ACCOUNT_SID: AC, TWILIO_API_KEY: 'mykey', TWILIO_API_SECRET: SECRET })).toBe(
    'TWILIO_API_KEY is not an API key SID (SK followed by 32 hex digits). ' +
      'Create one at https://console.twilio.com/us1/account/keys-credentials/api-keys.',
  );
});
