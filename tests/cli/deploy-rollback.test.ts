/**
 * `npm run deploy -- --rollback` (issue 14.4): activates the build live before the current one in
 * that environment, uploading nothing; a second rollback goes one further back; with no earlier
 * build, exit 2; --dry-run says which build and when it was made. Against the Serverless stand-in.
 */
import { join } from 'node:path';
import { ServerlessApiStandIn } from '../../src/stand-in/serverless-api';
import type { TempProject } from '../helpers/project';
import { deployProject, readJson, runDeploy } from './deploy-project';

const AC = `AC${'e'.repeat(32)}`;
const TOKEN = 'rollback-token-41c2';

let fake: ServerlessApiStandIn;
let shell: Record<string, string>;
let project: TempProject;
beforeAll(async () => {
  fake = new ServerlessApiStandIn({ accounts: [{ accountSid: AC, authToken: TOKEN }] });
  shell = { TWILIO_ACCOUNT_SID: AC, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_SERVERLESS_BASE_URL: await fake.start() };
  project = await deployProject({ AUTO_REPLY_MESSAGE: 'Hi' });
});
afterAll(async () => {
  await fake.stop();
  await project.remove();
});

const production = () => fake.environments.find((e) => e.unique_name === 'production');
const recorded = async () =>
  (
    (await readJson(join(project.dir, '.twilioserverless', 'deploy.json'))) as {
      environments: Record<string, { buildSid: string }>;
    }
  ).environments.production.buildSid;
const uploads = () => fake.functionVersions.length + fake.assetVersions.length;

test('with one build only: exit 2, nothing to roll back to, nothing changed', async () => {
  expect((await runDeploy(project.dir, ['--production'], shell)).code).toBe(0);
  const writes = fake.writes().length;
  const run = await runDeploy(project.dir, ['--rollback', '--environment', 'production'], shell);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('no earlier build of the production environment is recorded');
  expect(fake.writes()).toHaveLength(writes);
});

test('--dry-run names the build it would activate and when it was made; writes nothing', async () => {
  expect((await runDeploy(project.dir, ['--production'], shell)).code).toBe(0);
  expect((await runDeploy(project.dir, ['--production'], shell)).code).toBe(0);
  const [, second, third] = fake.builds;
  expect(production()?.build_sid).toBe(third.sid);
  const writes = fake.writes().length;
  const run = await runDeploy(project.dir, ['--rollback', '--production', '--dry-run'], shell);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(
    `Would activate build ${second.sid}, made ${String(second.date_created)}, in production`,
  );
  expect(run.stdout).toContain(`replacing build ${third.sid}`);
  expect(run.stdout).toContain('Variables are not versioned by Twilio and are not rolled back');
  expect(fake.writes()).toHaveLength(writes);
});

test('rolls back without uploading anything, records it, and a second rollback goes one further back', async () => {
  const [first, second, third] = fake.builds;
  const before = uploads();
  const run = await runDeploy(project.dir, ['--rollback', '--environment', 'production'], shell);
  expect([run.code, run.stderr]).toEqual([
    0,
    expect.stringContaining(`Rolling production back to build ${second.sid}`),
  ]);
  expect(run.stdout).toContain(`back to build ${second.sid}`);
  expect(run.stdout).toContain(`(was ${third.sid})`);
  expect(production()?.build_sid).toBe(second.sid);
  expect(await recorded()).toBe(second.sid);
  expect(uploads()).toBe(before);
  expect(fake.builds).toHaveLength(3);

  expect((await runDeploy(project.dir, ['--rollback', '--production'], shell)).code).toBe(0);
  expect(production()?.build_sid).toBe(first.sid);
  expect(await recorded()).toBe(first.sid);

  const none = await runDeploy(project.dir, ['--rollback', '--production'], shell);
  expect(none.code).toBe(2);
  expect(production()?.build_sid).toBe(first.sid);
});

test('another environment, never deployed: exit 2 naming those recorded; flags of a deploy are refused', async () => {
  const stage = await runDeploy(project.dir, ['--rollback', '--environment', 'stage'], shell);
  expect(stage.code).toBe(2);
  expect(stage.stderr).toContain(
    'No deploy to stage is recorded in .twilioserverless/deploy.json (recorded: production)',
  );
  const withAttach = await runDeploy(project.dir, ['--rollback', '--attach', '+15005550006'], shell);
  expect(withAttach.code).toBe(2);
  expect(withAttach.stderr).toContain('--attach goes with a deploy, not --rollback');
});
