import { deployVariables, isCredentialName } from '../../src/deploy/variables';

describe('deployVariables', () => {
  it('uploads configuration and withholds every credential name, the Toolkit-forgotten ones included', () => {
    const result = deployVariables({
      AUTO_REPLY_MESSAGE: 'Hi',
      DEFAULT_MODE: 'forward',
      ACCOUNT_SID: 'AC1',
      AUTH_TOKEN: 'secret-1',
      TWILIO_AUTH_TOKEN: 'secret-2',
      TWILIO_API_SECRET: 'secret-3',
      TWILIO_API_KEY: 'SK1',
      twilio_lowercase: 'secret-4',
    });
    expect(result.upload).toEqual({ AUTO_REPLY_MESSAGE: 'Hi', DEFAULT_MODE: 'forward' });
    expect(result.withheld).toEqual([
      'ACCOUNT_SID',
      'AUTH_TOKEN',
      'TWILIO_API_KEY',
      'TWILIO_API_SECRET',
      'TWILIO_AUTH_TOKEN',
      'twilio_lowercase',
    ]);
  });

  it('drops empty values, as the Toolkit does (empty counts as unset)', () => {
    expect(deployVariables({ FORWARD_TO: '', FORWARD_TEMPLATE: '   ', X: 'y' }).upload).toEqual({ X: 'y' });
  });

  it('does not mistake names that merely contain the words', () => {
    expect(isCredentialName('MY_TWILIO_NUMBER')).toBe(false);
    expect(isCredentialName('AUTH_TOKEN_HINT')).toBe(false);
    expect(isCredentialName('TWILIO_NUMBER')).toBe(true);
  });
});
