/**
 * Every URL `npm run deploy` prints goes through the one URL redaction: the Serverless client puts
 * the credentials into its request URLs as user info, so an error quoting one must not print them.
 */
import { reportDeployFailure } from '../../src/cli/deploy-errors';
import { printDeployed } from '../../src/cli/deploy-print';

const PASSWORD = 's3cretT0ken';
const AC = `AC${'d'.repeat(32)}`;

test('an error message quoting a request URL with credentials: printed without the password', () => {
  const lines: string[] = [];
  const cause = new Error(`Request to https://${AC}:${PASSWORD}@serverless.twilio.com/v1/Services failed: ECONNRESET`);
  expect(reportDeployFailure(cause, (line) => lines.push(line))).toBe(1);
  expect(lines.join('\n')).not.toContain(PASSWORD);
  expect(lines.join('\n')).toContain(`https://${AC}:***@serverless.twilio.com/v1/Services`);
});

test("Twilio's more_info link goes through the same redaction", () => {
  const lines: string[] = [];
  const cause = Object.assign(new Error('Bad request'), {
    details: {
      code: 20001,
      status: 400,
      message: 'Invalid',
      more_info: `https://u:${PASSWORD}@www.twilio.com/docs/errors/20001`,
    },
  });
  expect(reportDeployFailure(cause, (line) => lines.push(line))).toBe(1);
  expect(lines.join('\n')).toContain('Twilio error 20001, https://u:***@www.twilio.com/docs/errors/20001');
  expect(lines.join('\n')).not.toContain(PASSWORD);
});

test('the deployed function URLs are printed through it too', () => {
  const lines: string[] = [];
  const deployed = {
    serviceSid: `ZS${'1'.repeat(32)}`,
    serviceName: 'sms-switchboard',
    environmentSid: `ZE${'1'.repeat(32)}`,
    buildSid: `ZB${'1'.repeat(32)}`,
    domain: 'sms-switchboard-1234-dev.twil.io',
    functions: [{ path: '/sms', access: 'protected' as const, url: `https://user:${PASSWORD}@example.com/sms` }],
    assets: [],
  };
  printDeployed((line) => lines.push(line), deployed, 'dev');
  expect(lines.join('\n')).toContain('https://user:***@example.com/sms');
  expect(lines.join('\n')).not.toContain(PASSWORD);
});
