import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServerlessClient } from '../../src/deploy/client';
import { readDeployConfig, type DeployConfig } from '../../src/deploy/config';
import { deploy, toRecord } from '../../src/deploy/deploy';
import { API_HOST, ServerlessApiStandIn, UPLOAD_HOST } from '../../src/stand-in/serverless-api';
import { buildOnce, type TempProject } from '../helpers/project';

const ACCOUNT = { accountSid: `AC${'2'.repeat(32)}`, authToken: 'token-deploy-lib' };
const credentials = {
  accountSid: ACCOUNT.accountSid,
  username: ACCOUNT.accountSid,
  password: ACCOUNT.authToken,
  source: 'test',
};
const ROUTING = '{"numbers":{"+15005550006":{"mode":"ignore"}}}';

let project: TempProject;
let config: DeployConfig;
beforeAll(async () => {
  project = await buildOnce();
  await mkdir(join(project.dir, 'dist', 'assets'), { recursive: true });
  await writeFile(join(project.dir, 'dist', 'assets', 'routing.private.json'), ROUTING);
  const read = await readDeployConfig(project.dir);
  if (read.config === undefined) throw new Error(JSON.stringify(read.problems));
  config = read.config;
});
afterAll(() => project.remove());

async function withFake<T>(
  options: { pageSize?: number; buildingPolls?: number },
  body: (fake: ServerlessApiStandIn, origin: URL) => Promise<T>,
): Promise<T> {
  const fake = new ServerlessApiStandIn({ accounts: [ACCOUNT], ...options });
  const origin = new URL(await fake.start());
  try {
    return await body(fake, origin);
  } finally {
    await fake.stop();
  }
}

const FUNCTIONS = ['/auto-reply', '/forward', '/ignore', '/sms'];

describe('deploy', () => {
  it(
    'creates the service, uploads each built file, ' +
      'builds on node22 with the dependencies, sets the variables, activates',
    () =>
      withFake({}, async (fake, origin) => {
        const statuses: string[] = [];
        const deployed = await deploy(
          createServerlessClient(credentials, origin),
          { config, credentials, variables: { DEFAULT_MODE: 'ignore' } },
          (s) => statuses.push(s.status),
        );

        expect(fake.services).toEqual([
          expect.objectContaining({
            unique_name: 'sms-switchboard',
            include_credentials: true,
            account_sid: ACCOUNT.accountSid,
          }),
        ]);
        const [environment] = fake.environments;
        expect(fake.environments).toHaveLength(1);
        expect(environment).toMatchObject({ domain_suffix: 'dev', unique_name: 'dev-environment' });

        expect(fake.functions.map((f) => f.friendly_name).sort()).toEqual(FUNCTIONS);
        for (const version of fake.functionVersions) {
          expect(version.visibility).toBe('protected');
          const file = join(project.dir, 'dist', 'functions', `${version.path.slice(1)}.protected.js`);
          expect(version.content.toString('utf8')).toBe(await readFile(file, 'utf8'));
        }
        expect(fake.assetVersions.map((v) => [v.path, v.visibility, v.content.toString('utf8')])).toEqual([
          ['/routing.json', 'private', ROUTING],
        ]);
        const uploads = fake.requests.filter((r) => r.path.endsWith('/Versions'));
        expect(uploads.map((r) => r.host)).toEqual(Array(5).fill(UPLOAD_HOST));

        const [build] = fake.builds;
        expect(fake.builds).toHaveLength(1);
        expect(build).toMatchObject({
          status: 'completed',
          runtime: 'node22',
          dependencies: [
            { name: '@twilio/runtime-handler', version: '2.1.0' },
            { name: 'twilio', version: '6.2.0' },
          ],
        });
        const buildRequest = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/Builds'));
        expect([...(buildRequest?.form.FunctionVersions ?? [])].sort()).toEqual(
          fake.functionVersions.map((v) => v.sid).sort(),
        );
        expect(buildRequest?.form.AssetVersions).toEqual(fake.assetVersions.map((v) => v.sid));

        expect(fake.variables.map((v) => [v.key, v.value, v.environment_sid])).toEqual([
          ['DEFAULT_MODE', 'ignore', environment.sid],
        ]);
        expect(environment.build_sid).toBe(build.sid);
        expect(fake.deployments).toEqual([
          expect.objectContaining({ build_sid: build.sid, environment_sid: environment.sid }),
        ]);

        expect(deployed).toMatchObject({
          serviceSid: fake.services[0].sid,
          environmentSid: environment.sid,
          buildSid: build.sid,
          domain: environment.domain_name,
        });
        expect(deployed.functions.map((f) => [f.path, f.access, f.url])).toEqual(
          FUNCTIONS.map((p) => [p, 'protected', `https://${String(environment.domain_name)}${p}`]),
        );
        expect(deployed.assets).toEqual([{ path: '/routing.json', access: 'private' }]);
        expect(statuses).toContain('activating-deployment');
        expect(fake.requests.every((r) => r.host === API_HOST || r.host === UPLOAD_HOST)).toBe(true);
      }),
  );

  it(
    'redeploys into an existing service across pages: ' +
      'new versions and build, no new service, functions or environment',
    () =>
      withFake({ pageSize: 2 }, async (fake, origin) => {
        const api = createServerlessClient(credentials, origin);
        const first = await deploy(api, {
          config,
          credentials,
          variables: { DEFAULT_MODE: 'ignore', AUTO_REPLY_MESSAGE: 'Hi' },
        });
        const writesBefore = fake.writes().length;
        const second = await deploy(api, {
          config,
          credentials,
          serviceSid: first.serviceSid,
          variables: { DEFAULT_MODE: 'forward', AUTO_REPLY_MESSAGE: 'Hi' },
        });

        expect(second.serviceSid).toBe(first.serviceSid);
        expect(second.buildSid).not.toBe(first.buildSid);
        expect(fake.services).toHaveLength(1);
        expect(fake.environments).toHaveLength(1);
        expect(fake.functions).toHaveLength(4);
        expect(fake.functionVersions).toHaveLength(8);
        expect(fake.environments[0].build_sid).toBe(second.buildSid);
        const secondWrites = fake
          .writes()
          .slice(writesBefore)
          .map((r) => `${r.method} ${r.path.replace(/[A-Z]{2}[0-9a-f]{32}/g, ':sid')}`);
        expect(secondWrites.filter((w) => !w.endsWith('/Versions')).sort()).toEqual([
          'POST /v1/Services/:sid/Builds',
          'POST /v1/Services/:sid/Environments/:sid/Deployments',
          // Only the changed variable is written, in place.
          'POST /v1/Services/:sid/Environments/:sid/Variables/:sid',
        ]);
        expect(Object.fromEntries(fake.variables.map((v) => [v.key, v.value]))).toEqual({
          DEFAULT_MODE: 'forward',
          AUTO_REPLY_MESSAGE: 'Hi',
        });
      }),
  );

  it('waits while Twilio reports the build as building', () =>
    withFake({ buildingPolls: 1 }, async (fake, origin) => {
      await deploy(createServerlessClient(credentials, origin), { config, credentials, variables: {} });
      expect(fake.requests.filter((r) => r.path.endsWith('/Status'))).toHaveLength(2);
      expect(fake.deployments).toHaveLength(1);
    }));
});

describe('toRecord', () => {
  it('maps each function path to its URL, with the account, environment and time', () => {
    const record = toRecord(
      {
        serviceSid: 'ZS1',
        serviceName: 'svc',
        environmentSid: 'ZE1',
        buildSid: 'ZB1',
        domain: 'svc-1234-dev.twil.io',
        functions: [{ path: '/sms', access: 'protected', url: 'https://svc-1234-dev.twil.io/sms' }],
        assets: [],
      },
      'AC1',
      'dev',
      new Date('2026-01-02T03:04:05.000Z'),
    );
    expect(record).toEqual({
      accountSid: 'AC1',
      serviceSid: 'ZS1',
      serviceName: 'svc',
      environment: 'dev',
      environmentSid: 'ZE1',
      buildSid: 'ZB1',
      domain: 'svc-1234-dev.twil.io',
      functions: { '/sms': 'https://svc-1234-dev.twil.io/sms' },
      deployedAt: '2026-01-02T03:04:05.000Z',
      builds: [{ buildSid: 'ZB1', deployedAt: '2026-01-02T03:04:05.000Z' }],
    });
  });

  it("adds the build to the environment's history of live builds, in the same service only", () => {
    const deployed = {
      serviceSid: 'ZS1',
      serviceName: 'svc',
      environmentSid: 'ZE1',
      buildSid: `ZB${'2'.repeat(32)}`,
      domain: 'svc-1234-dev.twil.io',
      functions: [],
      assets: [],
    };
    const first = { buildSid: `ZB${'1'.repeat(32)}`, deployedAt: '2026-01-01T00:00:00.000Z' };
    const previous = { ...toRecord(deployed, 'AC1', 'dev', new Date(first.deployedAt)), builds: [first] };
    const at = new Date('2026-01-02T00:00:00.000Z');
    expect(toRecord(deployed, 'AC1', 'dev', at, previous).builds).toEqual([
      first,
      { buildSid: deployed.buildSid, deployedAt: at.toISOString() },
    ]);
    expect(toRecord({ ...deployed, serviceSid: 'ZS2' }, 'AC1', 'dev', at, previous).builds).toEqual([
      { buildSid: deployed.buildSid, deployedAt: at.toISOString() },
    ]);
  });
});
