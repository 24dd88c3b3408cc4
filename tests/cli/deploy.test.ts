// `npm run deploy` as a user runs it: a child process in a throwaway project, against the
// Serverless API stand-in (TWILIO_SERVERLESS_BASE_URL).
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerlessApiStandIn, type RecordedRequest } from '../../src/stand-in/serverless-api';
import type { TempProject } from '../helpers/project';
import { deployProject, readJson, ROUTING, runDeploy } from './deploy-project';

const AC = `AC${'c'.repeat(32)}`;
const TOKEN = 'shell-token-7f3a9c';
const CONFIG = { AUTO_REPLY_MESSAGE: 'We are closed', DEFAULT_MODE: 'auto-reply' };
const FUNCTIONS = ['/auto-reply', '/forward', '/ignore', '/sms'];

let fake: ServerlessApiStandIn;
let origin: string;
let project: TempProject;
const shell = (extra: Record<string, string> = {}) => ({
  TWILIO_ACCOUNT_SID: AC,
  TWILIO_AUTH_TOKEN: TOKEN,
  TWILIO_SERVERLESS_BASE_URL: origin,
  ...extra,
});
const deployRun = (args: string[] = [], env: Record<string, string> = shell()) => runDeploy(project.dir, args, env);
const exists = (path: string) =>
  access(join(project.dir, path)).then(
    () => true,
    () => false,
  );

beforeEach(async () => {
  fake = new ServerlessApiStandIn({ accounts: [{ accountSid: AC, authToken: TOKEN }] });
  origin = await fake.start();
  project = await deployProject(CONFIG);
});
afterEach(async () => {
  await fake.stop();
  await project.remove();
});

/** `  /sms  https://...` lines of the output: each function and its URL as printed. */
const printedUrls = (stdout: string): Record<string, string> =>
  Object.fromEntries([...stdout.matchAll(/^ {2}(\/\S*)\s+(https:\/\/\S+)$/gm)].map((m) => [m[1], m[2]]));
const everythingSent = (r: RecordedRequest) =>
  `${r.method} ${r.path}${r.query}\n${JSON.stringify({ ...r.headers, authorization: undefined })}\n${r.raw}`;

describe('npm run deploy', () => {
  it('deploys, prints each function URL, and records the same URLs with the service and environment', async () => {
    const run = await deployRun();
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);

    const [service] = fake.services;
    const [environment] = fake.environments;
    expect(fake.services).toHaveLength(1);
    expect(service).toMatchObject({ unique_name: 'sms-switchboard', account_sid: AC });
    expect(environment).toMatchObject({ domain_suffix: 'dev', build_sid: fake.builds[0].sid });
    expect(fake.functionVersions.map((v) => [v.path, v.visibility]).sort()).toEqual(
      FUNCTIONS.map((p) => [p, 'protected']),
    );
    expect(fake.assetVersions.map((v) => [v.path, v.visibility, v.content.toString()])).toEqual([
      ['/routing.json', 'private', ROUTING],
    ]);
    const sms = fake.functionVersions.find((v) => v.path === '/sms');
    expect(sms?.content.toString()).toBe(
      await readFile(join(project.dir, 'dist', 'functions', 'sms.protected.js'), 'utf8'),
    );
    expect(fake.builds[0]).toMatchObject({ runtime: 'node22', status: 'completed' });
    expect(Object.fromEntries(fake.variables.map((v) => [v.key, v.value]))).toEqual(CONFIG);

    const urls = Object.fromEntries(FUNCTIONS.map((p) => [p, `https://${String(environment.domain_name)}${p}`]));
    expect(printedUrls(run.stdout)).toEqual(urls);
    const record = await readJson(join(project.dir, '.twilioserverless', 'deploy.json'));
    const deployedAt = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);
    expect(record).toEqual({
      environments: {
        dev: {
          accountSid: AC,
          serviceSid: service.sid,
          serviceName: 'sms-switchboard',
          environment: 'dev',
          environmentSid: environment.sid,
          buildSid: fake.builds[0].sid,
          domain: environment.domain_name,
          functions: urls,
          deployedAt,
          builds: [{ buildSid: fake.builds[0].sid, deployedAt }],
        },
      },
    });
    expect(await readJson(join(project.dir, '.twiliodeployinfo'))).toEqual({
      [`${AC}:us1`]: { serviceSid: service.sid, latestBuild: fake.builds[0].sid },
    });
  });

  it(
    'never uploads nor prints a credential: .env secrets stay home, ' +
      'the token goes only in the Authorization header',
    async () => {
      const secrets = {
        AUTH_TOKEN: 'env-auth-token-5b1e',
        TWILIO_AUTH_TOKEN: 'env-twilio-token-9d2c',
        TWILIO_API_SECRET: 'env-api-secret-4a7f',
      };
      await project.remove();
      project = await deployProject({ ...CONFIG, ACCOUNT_SID: `AC${'d'.repeat(32)}`, ...secrets });
      // DEBUG turns on the client's own logging too: it must not leak either.
      const run = await deployRun([], shell({ DEBUG: 'twilio-serverless-api*' }));
      expect(run.code).toBe(0);

      expect(fake.variables.map((v) => v.key).sort()).toEqual(Object.keys(CONFIG).sort());
      expect(fake.requests.length).toBeGreaterThan(10);
      const basic = Buffer.from(`${AC}:${TOKEN}`).toString('base64');
      for (const request of fake.requests) {
        for (const secret of [...Object.values(secrets), TOKEN]) expect(everythingSent(request)).not.toContain(secret);
        expect(request.headers.authorization).toBe(`Basic ${basic}`);
      }
      const output = run.stdout + run.stderr;
      for (const secret of [...Object.values(secrets), TOKEN, basic]) expect(output).not.toContain(secret);
      expect(run.stdout).toContain(
        'Not uploaded (credentials stay on this machine): ' +
          'ACCOUNT_SID, AUTH_TOKEN, TWILIO_API_SECRET, TWILIO_AUTH_TOKEN',
      );
    },
  );

  it('deploys with ACCOUNT_SID and AUTH_TOKEN from .env, and uploads neither', async () => {
    await project.remove();
    project = await deployProject({ ...CONFIG, ACCOUNT_SID: AC, AUTH_TOKEN: TOKEN });
    const run = await deployRun([], { TWILIO_SERVERLESS_BASE_URL: origin });
    expect(run.code).toBe(0);
    expect(fake.variables.map((v) => v.key).sort()).toEqual(Object.keys(CONFIG).sort());
    for (const request of fake.requests) expect(everythingSent(request)).not.toContain(TOKEN);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('deploys again into the recorded service: a new build, no new service, and an updated record', async () => {
    expect((await deployRun()).code).toBe(0);
    const firstWrites = fake.writes().length;
    const again = await deployRun();
    expect(again.code).toBe(0);
    expect(fake.services).toHaveLength(1);
    expect(
      fake
        .writes()
        .slice(firstWrites)
        .filter((r) => r.path === '/v1/Services'),
    ).toEqual([]);
    expect(fake.builds).toHaveLength(2);
    expect(fake.environments[0].build_sid).toBe(fake.builds[1].sid);
    expect(await readJson(join(project.dir, '.twilioserverless', 'deploy.json'))).toMatchObject({
      environments: {
        dev: {
          buildSid: fake.builds[1].sid,
          builds: [{ buildSid: fake.builds[0].sid }, { buildSid: fake.builds[1].sid }],
        },
      },
    });
  });

  it('deploys to another environment with --environment', async () => {
    const run = await deployRun(['--environment', 'stage']);
    expect(run.code).toBe(0);
    expect(fake.environments.map((e) => e.domain_suffix)).toEqual(['stage']);
    expect(printedUrls(run.stdout)['/sms']).toMatch(/^https:\/\/sms-switchboard-\d+-stage\.twil\.io\/sms$/);
  });

  describe('--dry-run', () => {
    it('builds and lists what would be uploaded, variable names without values, and writes nothing', async () => {
      const run = await deployRun(['--dry-run']);
      expect(run.code).toBe(0);
      expect(fake.requests.length).toBeGreaterThan(0);
      expect(fake.writes()).toEqual([]);
      expect(await exists('dist/functions/sms.protected.js')).toBe(true);
      expect(await exists('.twilioserverless')).toBe(false);
      for (const path of FUNCTIONS) expect(run.stdout).toMatch(new RegExp(`^ {2}${path} +protected$`, 'm'));
      expect(run.stdout).toMatch(/^ {2}\/routing\.json +private$/m);
      expect(run.stdout).toContain('Variables (2): AUTO_REPLY_MESSAGE, DEFAULT_MODE');
      expect(run.stdout).not.toContain(CONFIG.AUTO_REPLY_MESSAGE);
      expect(run.stdout).toContain('Service: sms-switchboard (new');
    });

    it('marks every public asset but the landing page, and leaves routing-file copies out, saying so', async () => {
      const assets = join(project.dir, 'assets');
      await writeFile(join(assets, 'index.html'), '<h1>Hi</h1>');
      await writeFile(join(assets, 'price-list.csv'), 'a,b\n');
      await writeFile(join(assets, 'routing.private.json.bak'), ROUTING);
      const run = await deployRun(['--dry-run']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^ {2}\/index\.html +public$/m);
      expect(run.stdout).toMatch(/^ {2}\/price-list\.csv +public +public: anyone with the URL can read it$/m);
      expect(run.stdout).toMatch(/^ {2}\/routing\.json +private$/m);
      expect(run.stdout).not.toContain('.bak');
      expect(run.stderr).toContain('warning: assets/routing.private.json.bak: not copied to dist/assets');
    });

    it('after a deploy, names the service it would reuse and the environment URL', async () => {
      expect((await deployRun()).code).toBe(0);
      const writes = fake.writes().length;
      const run = await deployRun(['--dry-run']);
      expect(run.code).toBe(0);
      expect(fake.writes()).toHaveLength(writes);
      expect(run.stdout).toContain(
        `Service: sms-switchboard (${fake.services[0].sid}, from .twilioserverless/deploy.json)`,
      );
      expect(run.stdout).toContain(`Environment: dev (https://${String(fake.environments[0].domain_name)})`);
    });
  });

  describe('credentials', () => {
    it('missing: exit 3, says which variables to set, sends nothing', async () => {
      const run = await deployRun([], { TWILIO_SERVERLESS_BASE_URL: origin });
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN/);
      expect(fake.requests).toEqual([]);
    });

    it('missing, with --dry-run: lists what would be uploaded, says it could not look up the service', async () => {
      const run = await deployRun(['--dry-run'], { TWILIO_SERVERLESS_BASE_URL: origin });
      expect(run.code).toBe(0);
      for (const path of FUNCTIONS) expect(run.stdout).toMatch(new RegExp(`^ {2}${path} +protected$`, 'm'));
      expect(run.stdout).toMatch(/^ {2}\/routing\.json +private$/m);
      expect(run.stdout).toContain('Service: sms-switchboard (not looked up: no credentials)');
      expect(run.stdout).toContain('Variables (2): AUTO_REPLY_MESSAGE, DEFAULT_MODE');
      expect(run.stderr).toMatch(/could not look up the service or its environment: Twilio credentials are missing/);
      expect(fake.requests).toEqual([]);
    });

    it('rejected: exit 3, names where they came from, creates nothing, never prints the token', async () => {
      const wrong = 'wrong-token-0c4d';
      const run = await deployRun([], shell({ TWILIO_AUTH_TOKEN: wrong }));
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(
        /rejected the credentials from TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN \(error 20003\)/,
      );
      expect(fake.requests.length).toBeGreaterThan(0);
      expect(fake.requests.every((r) => r.accountSid === undefined)).toBe(true);
      expect(fake.services).toEqual([]);
      expect(run.stdout + run.stderr).not.toContain(wrong);
      expect(await exists('.twilioserverless/deploy.json')).toBe(false);
    });
  });

  it(
    'a service of the same name this checkout never deployed: ' +
      'exit 2, no write, until --service-sid says it is ours',
    async () => {
      const existing = fake.addService('sms-switchboard', AC);
      const refused = await deployRun();
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`--service-sid ${existing.sid}`);
      expect(fake.writes()).toEqual([]);

      const run = await deployRun(['--service-sid', existing.sid]);
      expect(run.code).toBe(0);
      expect(fake.services).toHaveLength(1);
      expect(fake.environments[0].service_sid).toBe(existing.sid);
    },
  );

  it('--help explains the flags and exit codes, and exits 0', async () => {
    const run = await deployRun(['--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--environment',
      '--production',
      '--env',
      '--rollback',
      '--attach',
      '--function',
      '--dry-run',
      '--service-sid',
    ])
      expect(run.stdout).toContain(flag);
    expect(run.stdout).toMatch(/Exit codes: 0 .*1 .*2 /s);
    expect(fake.requests).toEqual([]);
  });
});
