import { createServerlessClient } from '../../src/deploy/client';
import { findEnvironmentDomain, resolveService } from '../../src/deploy/service';
import { InputError } from '../../src/errors/input-error';
import { ServerlessApiStandIn, sid } from '../../src/stand-in/serverless-api';

const ACCOUNT = { accountSid: `AC${'3'.repeat(32)}`, authToken: 'token-service' };
const credentials = {
  accountSid: ACCOUNT.accountSid,
  username: ACCOUNT.accountSid,
  password: ACCOUNT.authToken,
  source: 'test',
};

let fake: ServerlessApiStandIn;
let origin: URL;
beforeEach(async () => {
  fake = new ServerlessApiStandIn({ accounts: [ACCOUNT] });
  origin = new URL(await fake.start());
});
afterEach(() => fake.stop());
const api = () => createServerlessClient(credentials, origin);

describe('resolveService', () => {
  it('plans a new service when nothing is known and the name is free', async () => {
    fake.addService('someone-else');
    expect(await resolveService(api(), 'switchboard', {})).toEqual({
      target: { kind: 'new', uniqueName: 'switchboard' },
      notes: [],
    });
  });

  it('reuses the recorded service', async () => {
    const service = fake.addService('switchboard');
    const { target, notes } = await resolveService(api(), 'switchboard', {
      recorded: { serviceSid: service.sid, source: 'deploy.json' },
    });
    expect(target).toEqual({
      kind: 'existing',
      serviceSid: service.sid,
      uniqueName: 'switchboard',
      source: 'deploy.json',
    });
    expect(notes).toEqual([]);
  });

  it('says so when the recorded service carries another name (a service cannot be renamed)', async () => {
    const service = fake.addService('old-name');
    const { target, notes } = await resolveService(api(), 'new-name', {
      recorded: { serviceSid: service.sid, source: 'deploy.json' },
    });
    expect(target).toMatchObject({ kind: 'existing', uniqueName: 'old-name' });
    expect(notes.join()).toMatch(/"new-name" is not used/);
  });

  it('forgets a recorded service that was deleted, and plans a new one', async () => {
    const gone = sid('ZS');
    const { target, notes } = await resolveService(api(), 'switchboard', {
      recorded: { serviceSid: gone, source: 'deploy.json' },
    });
    expect(target).toEqual({ kind: 'new', uniqueName: 'switchboard' });
    expect(notes.join()).toContain(`${gone} (from deploy.json) no longer exists`);
  });

  it('refuses a service of the same name this checkout never deployed, naming its SID and both ways out', async () => {
    const service = fake.addService('switchboard');
    const attempt = resolveService(api(), 'switchboard', {});
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(`--service-sid ${service.sid}`);
    await expect(attempt).rejects.toThrow(/serviceName/);
  });

  it('takes an explicit --service-sid that exists, and refuses one that does not', async () => {
    const service = fake.addService('switchboard');
    const explicit = { serviceSid: service.sid, source: '--service-sid' };
    expect((await resolveService(api(), 'switchboard', { explicit })).target).toMatchObject({
      kind: 'existing',
      serviceSid: service.sid,
    });
    await expect(
      resolveService(api(), 'switchboard', { explicit: { serviceSid: sid('ZS'), source: '--service-sid' } }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it('makes no write call', async () => {
    fake.addService('switchboard');
    await resolveService(api(), 'other', {}).catch(() => undefined);
    await resolveService(api(), 'switchboard', {}).catch(() => undefined);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.writes()).toEqual([]);
  });
});

describe('findEnvironmentDomain', () => {
  it('finds the domain of the environment with that suffix, if there is one', async () => {
    const service = fake.addService('switchboard');
    fake.environments.push({
      sid: sid('ZE'),
      account_sid: ACCOUNT.accountSid,
      service_sid: service.sid,
      domain_suffix: 'dev',
      domain_name: 'switchboard-1234-dev.twil.io',
    });
    expect(await findEnvironmentDomain(api(), service.sid, 'dev')).toBe('switchboard-1234-dev.twil.io');
    expect(await findEnvironmentDomain(api(), service.sid, 'stage')).toBeUndefined();
  });
});
