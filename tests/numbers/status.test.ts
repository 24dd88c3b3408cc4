import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { numbersStatus } from '../../src/numbers/status';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { contextFor, tempProject } from '../helpers/numbers-cli';

const DOMAIN = 'switchboard-1234-dev.twil.io';

describe('numbersStatus', () => {
  let api: TwilioApiStandIn;
  afterEach(() => api.close());

  it("says where each number's SMS go and what overrides its own URL", async () => {
    api = await TwilioApiStandIn.start();
    const cwd = await tempProject();
    await mkdir(join(cwd, '.twilioserverless'));
    await writeFile(
      join(cwd, '.twilioserverless', 'deploy.json'),
      JSON.stringify({
        accountSid: api.accountSid,
        serviceSid: `ZS${'1'.repeat(32)}`,
        environment: 'dev',
        domain: DOMAIN,
        functions: { '/sms': `https://${DOMAIN}/sms` },
      }),
    );
    const app = `AP${'2'.repeat(32)}`;
    const n = {
      project: api.addNumber('+12025550001', { sms_url: `https://${DOMAIN}/forward` }),
      fn: api.addNumber('+12025550002', { sms_url: 'https://other-5678.twil.io/x' }),
      bin: api.addNumber('+12025550003', { sms_url: `https://handler.twilio.com/twiml/EH${'3'.repeat(32)}` }),
      studio: api.addNumber('+12025550004', {
        sms_url: `https://webhooks.twilio.com/v1/Accounts/${api.accountSid}/Flows/FW${'4'.repeat(32)}`,
      }),
      app: api.addNumber('+12025550005', { sms_application_sid: app }),
      service: api.addNumber('+12025550006', { sms_url: `https://${DOMAIN}/sms` }),
      deferred: api.addNumber('+12025550007', { sms_url: 'https://example.com/hook?key=abc' }),
      demo: api.addNumber('+12025550008'),
      none: api.addNumber('+12025550009', { sms_url: '' }),
    };
    const mg = api.addService('Marketing', false, [n.service.sid]);
    api.addService('Deferring', true, [n.deferred.sid]);
    const rows = await numbersStatus(contextFor(api, cwd));
    expect(rows.map((r) => [r.phoneNumber, r.routing, r.path ?? null, r.overriddenBy])).toEqual([
      ['+12025550001', 'this-project', '/forward', null],
      ['+12025550002', 'function', null, null],
      ['+12025550003', 'twiml-bin', null, null],
      ['+12025550004', 'studio-flow', null, null],
      ['+12025550005', 'twiml-app', null, app],
      ['+12025550006', 'messaging-service', null, mg.sid],
      ['+12025550007', 'webhook', null, null],
      ['+12025550008', 'demo-reply', null, null],
      ['+12025550009', 'none', null, null],
    ]);
    expect(rows[5]?.smsUrl).toBe(`https://${DOMAIN}/sms`);
    expect(rows[8]?.smsUrl).toBeNull();
  });

  it('without a deployment of this account, a Functions URL is just "function"', async () => {
    api = await TwilioApiStandIn.start();
    api.addNumber('+12025550001', { sms_url: `https://${DOMAIN}/sms` });
    const rows = await numbersStatus(contextFor(api, await tempProject()));
    expect(rows[0]?.routing).toBe('function');
  });
});
