import { PLACEHOLDER_AUTH_TOKEN, readSigningKey } from '../../src/simulator/credentials';
import { PLACEHOLDER_ACCOUNT_SID } from '../../src/simulator/inbound-request';

const SHELL_SID = 'AC' + '1'.repeat(32);
const FILE_SID = 'AC' + '2'.repeat(32);

describe('readSigningKey', () => {
  it('takes AUTH_TOKEN and ACCOUNT_SID from .env', () => {
    expect(readSigningKey({}, { AUTH_TOKEN: 'file-token', ACCOUNT_SID: FILE_SID })).toEqual({
      authToken: 'file-token',
      accountSid: FILE_SID,
      source: 'AUTH_TOKEN in .env',
    });
  });

  it('accepts TWILIO_AUTH_TOKEN in .env too', () => {
    expect(readSigningKey({}, { TWILIO_AUTH_TOKEN: 'file-token' }).source).toBe('TWILIO_AUTH_TOKEN in .env');
  });

  it('prefers the environment to .env', () => {
    const key = readSigningKey(
      { TWILIO_AUTH_TOKEN: 'shell-token', TWILIO_ACCOUNT_SID: SHELL_SID },
      { AUTH_TOKEN: 'file-token', ACCOUNT_SID: FILE_SID },
    );
    expect(key).toEqual({
      authToken: 'shell-token',
      accountSid: SHELL_SID,
      source: 'TWILIO_AUTH_TOKEN in the environment',
    });
  });

  it('signs with the token as the Functions runtime reads it: without the spaces around it', () => {
    expect(readSigningKey({}, { AUTH_TOKEN: '  file-token \n', ACCOUNT_SID: ` ${FILE_SID} ` })).toEqual({
      authToken: 'file-token',
      accountSid: FILE_SID,
      source: 'AUTH_TOKEN in .env',
    });
  });

  it('treats empty values as unset', () => {
    expect(readSigningKey({ AUTH_TOKEN: '  ' }, { AUTH_TOKEN: 'file-token' }).authToken).toBe('file-token');
  });

  it('falls back to placeholders, with no source, when there is no token anywhere', () => {
    expect(readSigningKey({}, {})).toEqual({
      authToken: PLACEHOLDER_AUTH_TOKEN,
      accountSid: PLACEHOLDER_ACCOUNT_SID,
      source: undefined,
    });
    expect(PLACEHOLDER_ACCOUNT_SID).toMatch(/^AC[0-9a-f]{32}$/);
  });
});
