import { deployVariables, isCredentialName, secretValues } from '../../src/deploy/variables';

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

describe('withheld by value', () => {
  const TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeed';
  const SECRET = 'api-secret-0123456789';

  it('withholds a variable whose value is the auth token or API secret, whatever its name, and names it', () => {
    const secrets = secretValues({ TWILIO_API_SECRET: SECRET }, { AUTH_TOKEN: TOKEN });
    const result = deployVariables(
      { AUTH_TOKEN: TOKEN, MY_TOKEN: TOKEN, BACKUP_KEY: ` ${SECRET} `, FORWARD_TO: '+15551230000' },
      secrets,
    );
    expect(result.upload).toEqual({ FORWARD_TO: '+15551230000' });
    expect(result.withheld).toEqual(['AUTH_TOKEN']);
    expect(result.withheldSecrets).toEqual(['BACKUP_KEY', 'MY_TOKEN']);
  });

  it('knows the secrets from the shell, from .env, and the password the deploy uses', () => {
    expect(
      secretValues(
        { TWILIO_AUTH_TOKEN: 'a', TWILIO_API_SECRET: ' ', PATH: '/bin' },
        { TWILIO_API_SECRET: 'b' },
        'c',
      ).sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(secretValues({}, {})).toEqual([]);
  });

  it('control: a value that merely contains the token is uploaded (only equal values are secrets)', () => {
    expect(deployVariables({ NOTE: `token ${TOKEN}!` }, [TOKEN]).upload).toEqual({ NOTE: `token ${TOKEN}!` });
  });
});

describe('local-only variables', () => {
  it('never uploads what only npm start and npm run dev set, and names them', () => {
    const result = deployVariables({ SWITCHBOARD_LOCAL_MEMORY: '1', SWITCHBOARD_PRINT_DELIVERIES: '1', X: 'y' });
    expect(result.upload).toEqual({ X: 'y' });
    expect(result.localOnly).toEqual(['SWITCHBOARD_LOCAL_MEMORY', 'SWITCHBOARD_PRINT_DELIVERIES']);
  });
});

describe('test hooks', () => {
  it('never uploads SENDGRID_API_BASE_URL (a deployed function talks to SendGrid itself), and names it', () => {
    const result = deployVariables({ SENDGRID_API_BASE_URL: 'http://127.0.0.1:4012', EMAIL_FROM: 'a@example.com' });
    expect(result.upload).toEqual({ EMAIL_FROM: 'a@example.com' });
    expect(result.localOnly).toEqual(['SENDGRID_API_BASE_URL']);
  });
});
