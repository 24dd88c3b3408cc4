import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { numbersStatus } from '../../src/numbers/status';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { contextFor, tempProject } from '../helpers/numbers-cli';
import { domainOf, recordDeploy } from '../helpers/numbers-deploys';

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
    // A record in the earlier shape (one bare record) names its environment too; only this-project rows have one.
    expect(rows.filter((r) => 'environment' in r).map((r) => [r.phoneNumber, r.environment])).toEqual([
      ['+12025550001', 'dev'],
    ]);
  });

  it("knows every environment of this account, not only the latest deploy's, and names each", async () => {
    api = await TwilioApiStandIn.start();
    const cwd = await tempProject();
    await recordDeploy(cwd, api.accountSid, 'dev', '2026-01-01T00:00:00.000Z');
    await recordDeploy(cwd, api.accountSid, 'production', '2026-01-02T00:00:00.000Z');
    // Deployed last, but to another account: its functions are not this project's for these numbers.
    await recordDeploy(cwd, `AC${'9'.repeat(32)}`, 'stage', '2026-01-03T00:00:00.000Z');
    api.addNumber('+12025550001', { sms_url: `https://${domainOf('dev')}/sms` });
    api.addNumber('+12025550002', { sms_url: `https://${domainOf('production').toUpperCase()}/forward` });
    api.addNumber('+12025550003', { sms_url: `https://${domainOf('stage')}/sms` });
    const rows = await numbersStatus(contextFor(api, cwd));
    expect(rows.map((r) => [r.phoneNumber, r.routing, r.path ?? null, r.environment ?? null])).toEqual([
      ['+12025550001', 'this-project', '/sms', 'dev'],
      ['+12025550002', 'this-project', '/forward', 'production'],
      ['+12025550003', 'function', null, null],
    ]);
  });

  it('lists the numbers by phone number, whatever order Twilio lists them in', async () => {
    api = await TwilioApiStandIn.start();
    for (const phone of ['+447700900123', '+12025550003', '+18005550100', '+12025550001']) api.addNumber(phone);
    const rows = await numbersStatus(contextFor(api, await tempProject()));
    expect(rows.map((r) => r.phoneNumber)).toEqual(['+12025550001', '+12025550003', '+18005550100', '+447700900123']);
  });

  it('a row has a path and an environment only when the number routes to this project (the --json shape)', async () => {
    api = await TwilioApiStandIn.start();
    const cwd = await tempProject();
    await recordDeploy(cwd, api.accountSid, 'dev', '2026-01-01T00:00:00.000Z');
    // British numbers: no US carrier warning, so each row is whole.
    const url = `https://${domainOf('dev')}/sms`;
    const project = api.addNumber('+447700900001', { sms_url: url });
    const other = api.addNumber('+447700900002', { sms_url: 'https://example.com/sms' });
    const none = { overriddenBy: null, messagingService: null, warnings: [] };
    expect(await numbersStatus(contextFor(api, cwd))).toStrictEqual([
      {
        sid: project.sid,
        phoneNumber: '+447700900001',
        routing: 'this-project',
        path: '/sms',
        environment: 'dev',
        smsUrl: url,
        ...none,
      },
      { sid: other.sid, phoneNumber: '+447700900002', routing: 'webhook', smsUrl: 'https://example.com/sms', ...none },
    ]);
  });

  it('without a deployment of this account, a Functions URL is just "function"', async () => {
    api = await TwilioApiStandIn.start();
    api.addNumber('+12025550001', { sms_url: `https://${DOMAIN}/sms` });
    const rows = await numbersStatus(contextFor(api, await tempProject()));
    expect(rows[0]?.routing).toBe('function');
  });

  it("the deploy record's account is checked: a deployment to another account is not this project", async () => {
    api = await TwilioApiStandIn.start();
    api.addNumber('+12025550001', { sms_url: `https://${DOMAIN}/sms` });
    const cwd = await tempProject();
    await mkdir(join(cwd, '.twilioserverless'));
    const recordOf = (accountSid: string) =>
      writeFile(
        join(cwd, '.twilioserverless', 'deploy.json'),
        JSON.stringify({
          accountSid,
          serviceSid: `ZS${'1'.repeat(32)}`,
          environment: 'dev',
          domain: DOMAIN,
          functions: { '/sms': `https://${DOMAIN}/sms` },
        }),
      );
    const routing = async () => (await numbersStatus(contextFor(api, cwd))).map((r) => [r.routing, r.path ?? null]);
    await recordOf(`AC${'9'.repeat(32)}`);
    expect(await routing()).toEqual([['function', null]]);
    await recordOf(api.accountSid);
    expect(await routing()).toEqual([['this-project', '/sms']]);
  });
});

describe('numbersStatus: Messaging Services and what carriers block', () => {
  let api: TwilioApiStandIn;
  afterEach(() => api.close());

  it('names each service; warns 30034 for US long codes without campaign, 30032 for unverified toll-free', async () => {
    api = await TwilioApiStandIn.start();
    const n = {
      registered: api.addNumber('+12025550001'),
      unregistered: api.addNumber('+12025550002'),
      alone: api.addNumber('+12025550003'),
      tollFreeApproved: api.addNumber('+18005550100'),
      tollFreeInReview: api.addNumber('+18335550100'),
      tollFreeNone: api.addNumber('+18885550100'),
      // 8xx but not toll-free: a long code (told apart by prefix, not by a phone-number library)
      longCode8xx: api.addNumber('+18105550100'),
      british: api.addNumber('+447700900123'),
    };
    const campaign = api.addService('Campaign', true, [n.registered.sid, n.tollFreeApproved.sid], {
      us_app_to_person_registered: true,
    });
    const plain = api.addService('Plain', false, [n.unregistered.sid]);
    api.addTollfreeVerification(n.tollFreeApproved.sid, 'TWILIO_APPROVED');
    api.addTollfreeVerification(n.tollFreeInReview.sid, 'TWILIO_REJECTED');
    api.addTollfreeVerification(n.tollFreeInReview.sid, 'IN_REVIEW');
    const rows = await numbersStatus(contextFor(api, await tempProject()));
    const by = new Map(rows.map((r) => [r.phoneNumber, r] as const));
    const codes = (phone: string) => by.get(phone)?.warnings.map((w) => w.code);
    expect(by.get('+12025550001')?.messagingService).toEqual({
      sid: campaign.sid,
      friendlyName: 'Campaign',
      a2pRegistered: true,
    });
    expect(by.get('+12025550002')?.messagingService).toEqual({
      sid: plain.sid,
      friendlyName: 'Plain',
      a2pRegistered: false,
    });
    expect(by.get('+12025550003')?.messagingService).toBeNull();
    expect(Object.values(n).map((number) => [number.phone_number, codes(number.phone_number)])).toEqual([
      ['+12025550001', []],
      ['+12025550002', [30034]],
      ['+12025550003', [30034]],
      ['+18005550100', []],
      ['+18335550100', [30032]],
      ['+18885550100', [30032]],
      ['+18105550100', [30034]],
      ['+447700900123', []],
    ]);
    expect(by.get('+12025550002')?.warnings[0]?.message).toContain(
      `in Messaging Service ${plain.sid} ("Plain"), which has no registered A2P campaign`,
    );
    expect(by.get('+12025550003')?.warnings[0]?.message).toMatch(/^US long code in no Messaging Service: .*30034/);
    expect(by.get('+18335550100')?.warnings[0]?.message).toContain('(TWILIO_REJECTED, IN_REVIEW)');
    expect(by.get('+18885550100')?.warnings[0]?.message).toContain('(none submitted)');
  });

  it('reads toll-free verifications only when the account has a toll-free number', async () => {
    api = await TwilioApiStandIn.start();
    api.addNumbers(2);
    await numbersStatus(contextFor(api, await tempProject()));
    expect(api.requests.filter((r) => r.path === '/v1/Tollfree/Verifications')).toEqual([]);
  });
});
