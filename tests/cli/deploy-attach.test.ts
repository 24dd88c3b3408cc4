// `npm run deploy -- --attach`: deploy, then point exactly the chosen numbers at the deployed
// function, as `npm run numbers -- attach` does. Both stand-ins: Serverless API and REST API.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { attachNumbersTo, openAttach } from '../../src/cli/deploy-attach';
import { ServerlessApiStandIn } from '../../src/stand-in/serverless-api';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import type { TempProject } from '../helpers/project';
import { deployProject, readJson, runDeploy } from './deploy-project';

const AC = `AC${'f'.repeat(32)}`;
const TOKEN = 'attach-token-6e1d';

let serverless: ServerlessApiStandIn;
let rest: TwilioApiStandIn;
let project: TempProject;
let env: Record<string, string>;
beforeEach(async () => {
  serverless = new ServerlessApiStandIn({ accounts: [{ accountSid: AC, authToken: TOKEN }] });
  rest = await TwilioApiStandIn.start({ accountSid: AC, authToken: TOKEN });
  env = {
    TWILIO_ACCOUNT_SID: AC,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_SERVERLESS_BASE_URL: await serverless.start(),
    TWILIO_API_BASE_URL: rest.url,
  };
  project = await deployProject({ AUTO_REPLY_MESSAGE: 'Hi' });
});
afterEach(async () => {
  await serverless.stop();
  await rest.close();
  await project.remove();
});

const domain = (): string => String(serverless.environments[0].domain_name);
const backups = (): Promise<string[]> => readdir(join(project.dir, '.twilioserverless', 'backups')).catch(() => []);

describe('npm run deploy -- --attach', () => {
  it(
    'deploys, then attaches /sms to exactly the numbers ' + 'given (typed as people type them), with a backup',
    async () => {
      const [first, second, other] = rest.addNumbers(3);
      const run = await runDeploy(project.dir, ['--attach', first.phone_number, '(202) 555-0001'], env);
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);

      const url = `https://${domain()}/sms`;
      for (const n of [first, second]) expect(rest.number(n.sid)).toMatchObject({ sms_url: url, sms_method: 'POST' });
      expect(rest.writes(other.sid)).toBe(0);
      expect(rest.number(other.sid).sms_url).toBe(other.sms_url);
      expect(run.stdout).toContain(`Attaching ${url}:`);
      expect(run.stdout).toMatch(/changed 2, unchanged 0, failed 0/);
      const [backup] = await backups();
      expect(await readJson(join(project.dir, '.twilioserverless', 'backups', backup))).toMatchObject({
        accountSid: AC,
        command: expect.stringContaining('npm run deploy -- --attach'),
        numbers: [expect.objectContaining({ sid: first.sid }), expect.objectContaining({ sid: second.sid })],
      });
    },
  );

  it('passes --country and --fallback-url to the attach', async () => {
    const [number] = rest.addNumbers(1);
    const national = number.phone_number.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');
    const run = await runDeploy(
      project.dir,
      ['--attach', national, '--country', 'CA', '--fallback-url', 'https://example.com/fallback'],
      env,
    );
    expect(run.code).toBe(0);
    expect(rest.number(number.sid)).toMatchObject({
      sms_url: `https://${domain()}/sms`,
      sms_fallback_url: 'https://example.com/fallback',
    });
    const refused = await runDeploy(project.dir, ['--attach', national, '--country', 'Narnia'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Narnia');
  });

  it('attaches the function --function names', async () => {
    const [number] = rest.addNumbers(1);
    const run = await runDeploy(project.dir, ['--attach', number.phone_number, '--function', '/forward'], env);
    expect(run.code).toBe(0);
    expect(rest.number(number.sid).sms_url).toBe(`https://${domain()}/forward`);
  });

  it(
    'an unknown number stops everything before the first write: ' + 'exit 2, nothing deployed, no number changed',
    async () => {
      const [number] = rest.addNumbers(1);
      const run = await runDeploy(project.dir, ['--attach', number.phone_number, '+15550009999'], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('+15550009999');
      expect(run.stderr).toContain('Not deployed');
      expect(serverless.writes()).toEqual([]);
      expect(rest.writes()).toBe(0);
      expect(await backups()).toEqual([]);
    },
  );

  it('with --dry-run, shows the plan for the numbers and writes nothing anywhere', async () => {
    const [number] = rest.addNumbers(1);
    const run = await runDeploy(project.dir, ['--dry-run', '--attach', number.phone_number], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/sms-switchboard-xxxx-dev\.twil\.io\/sms/);
    expect(run.stdout).toMatch(/Dry run: 1 would change, 0 unchanged/);
    expect(serverless.writes()).toEqual([]);
    expect(rest.writes()).toBe(0);
    expect(await backups()).toEqual([]);
  });

  it('a number Twilio refuses to update: the deploy stands, the failure is reported, exit 1', async () => {
    const [good, bad] = rest.addNumbers(2);
    rest.failingWrites.set(bad.sid, { status: 400, code: 21421, message: 'PhoneNumber is invalid' });
    const run = await runDeploy(project.dir, ['--attach', good.phone_number, bad.phone_number], env);
    expect(run.code).toBe(1);
    expect(await readJson(join(project.dir, '.twilioserverless', 'deploy.json'))).toMatchObject({
      environments: { dev: { domain: domain() } },
    });
    expect(rest.number(good.sid).sms_url).toBe(`https://${domain()}/sms`);
    expect(run.stdout + run.stderr).toContain('21421');
  });

  it('a number its service answers for: refused before the deploy, or attached with --messaging-service', async () => {
    const [number] = rest.addNumbers(1);
    const service = rest.addService('Marketing', false, [number.sid]);
    const refused = await runDeploy(project.dir, ['--attach', number.phone_number], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Messaging Service ${service.sid}`);
    expect(refused.stderr).toContain('--messaging-service');
    expect(refused.stderr).toContain('Not deployed');
    expect(serverless.writes()).toEqual([]);
    expect(rest.writes()).toBe(0);

    const run = await runDeploy(project.dir, ['--attach', number.phone_number, '--messaging-service', 'defer'], env);
    expect(run.code).toBe(0);
    expect(rest.service(service.sid).use_inbound_webhook_on_number).toBe(true);
    expect(rest.number(number.sid).sms_url).toBe(`https://${domain()}/sms`);
  });
});

describe('openAttach and attachNumbersTo (what deploy --attach calls, in-process)', () => {
  const URL_ = 'https://switchboard-1234-dev.twil.io/sms';

  it("runs the attach with the deploy's credentials and returns its exit code", async () => {
    const [n] = rest.addNumbers(2);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let text = '';
    for (const stream of [stdout, stderr]) stream.on('data', (d: Buffer) => (text += d.toString()));
    const world = { root: project.dir, env: { TWILIO_API_BASE_URL: rest.url }, stdout, stderr, now: () => new Date() };
    const credentials = { accountSid: AC, username: AC, password: TOKEN, source: 'deploy' };
    const session = await openAttach(world, credentials);
    const attach = { numbers: [n.phone_number], command: 'npm run deploy -- --attach' };
    expect(await attachNumbersTo(session, attach, URL_, false)).toBe(0);
    expect(rest.number(n.sid).sms_url).toBe(URL_);
    expect(text).toContain('changed 1, unchanged 0, failed 0');
    expect(await attachNumbersTo(session, { numbers: ['+19995550000'], command: 'x' }, URL_, false)).toBe(2);
    const rejected = await openAttach(world, { ...credentials, password: 'not-the-token' });
    expect(await attachNumbersTo(rejected, attach, URL_, false)).toBe(3);
  });
});
