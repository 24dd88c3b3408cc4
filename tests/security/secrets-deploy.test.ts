/**
 * `npm run deploy` never prints, logs or uploads a token or secret: with every secret name set in
 * the shell and in .env, succeeding (with the client's debug log on), as a dry run, with the
 * credentials rejected, and with the API unreachable (a network error object holds the request
 * options, password included). Every request the stand-in received is scanned, variables included.
 */
import { ServerlessApiStandIn } from '../../src/stand-in/serverless-api';
import { freePort } from '../helpers/runtime';
import type { TempProject } from '../helpers/project';
import { deployProject, runDeploy, type DeployRun } from '../cli/deploy-project';
import { leaked, SECRETS } from './secrets';

const AC = `AC${'c'.repeat(32)}`;
const CONFIG = { AUTO_REPLY_MESSAGE: 'We are closed', DEFAULT_MODE: 'auto-reply' };

let fake: ServerlessApiStandIn;
let origin: string;
let project: TempProject;
beforeAll(async () => {
  fake = new ServerlessApiStandIn({ accounts: [{ accountSid: AC, authToken: SECRETS.TWILIO_AUTH_TOKEN }] });
  origin = await fake.start();
  // Every credential name in .env too: the Toolkit alone would upload TWILIO_AUTH_TOKEN and TWILIO_API_SECRET.
  project = await deployProject({
    ...CONFIG,
    ACCOUNT_SID: AC,
    ...SECRETS,
    TWILIO_API_KEY: `SK${'5'.repeat(32)}`,
    // The token and the API secret again, under names no filter by name would catch.
    MY_BACKUP: SECRETS.TWILIO_AUTH_TOKEN,
    HOOK_KEY: SECRETS.TWILIO_API_SECRET,
    // Only the local commands set these.
    SWITCHBOARD_LOCAL_MEMORY: '1',
    SWITCHBOARD_PRINT_DELIVERIES: '1',
  });
}, 60_000);
afterAll(async () => {
  await fake.stop();
  await project.remove();
});

const shell = (extra: Record<string, string> = {}) => ({
  TWILIO_ACCOUNT_SID: AC,
  TWILIO_AUTH_TOKEN: SECRETS.TWILIO_AUTH_TOKEN,
  TWILIO_SERVERLESS_BASE_URL: origin,
  ...extra,
});
const printed = (run: DeployRun) => leaked(run.stdout + run.stderr, [AC]);

test('control: the scan finds a secret where there is one', () => {
  expect(leaked(`x ${Buffer.from(`${AC}:${SECRETS.AUTH_TOKEN}`).toString('base64')} y`, [AC])).toHaveLength(1);
});

test('a dry run and a deploy (debug log on): nothing printed, no variable or request carries a secret', async () => {
  const dry = await runDeploy(project.dir, ['--dry-run'], shell());
  expect(dry.code).toBe(0);
  expect(printed(dry)).toEqual([]);
  const run = await runDeploy(project.dir, [], shell({ DEBUG: '*' }));
  expect(run.code).toBe(0);
  expect(printed(run)).toEqual([]);
  expect(fake.variables.map((v) => v.key).sort()).toEqual(Object.keys(CONFIG).sort());
  // Named, never shown: withheld by value, and the local-only ones.
  expect(run.stdout).toMatch(
    /^Not uploaded \(the value is the auth token or an API secret; .*\): HOOK_KEY, MY_BACKUP$/m,
  );
  expect(run.stdout).toContain(
    'Not uploaded (for this machine only: set by npm start and npm run dev, or a test hook): ' +
      'SWITCHBOARD_LOCAL_MEMORY, SWITCHBOARD_PRINT_DELIVERIES',
  );
  expect(fake.requests.length).toBeGreaterThan(10);
  for (const request of fake.requests) {
    const { authorization: _basic, ...headers } = request.headers;
    const sent = `${request.path}${request.query}\n${JSON.stringify(headers)}\n${request.raw}`;
    expect(leaked(sent, [AC])).toEqual([]);
  }
}, 120_000);

test('credentials rejected: exit 3, neither the right nor the wrong token printed', async () => {
  const run = await runDeploy(project.dir, [], shell({ TWILIO_AUTH_TOKEN: SECRETS.TWILIO_API_SECRET, DEBUG: '*' }));
  expect(run.code).toBe(3);
  expect(printed(run)).toEqual([]);
}, 120_000);

test('the API unreachable: a failure, no secret printed', async () => {
  const run = await runDeploy(
    project.dir,
    [],
    shell({ TWILIO_SERVERLESS_BASE_URL: `http://127.0.0.1:${await freePort()}` }),
  );
  expect(run.code).not.toBe(0);
  expect(run.stderr).not.toBe('');
  expect(printed(run)).toEqual([]);
}, 120_000);
