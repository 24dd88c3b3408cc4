/**
 * Environments as the Toolkit has them (issue 14.3): `--production` is the environment with no
 * domain suffix, `--env <file>` chooses the variables, the record keeps one entry per environment,
 * and `numbers attach --function --environment` takes that environment's URL. Against both
 * stand-ins, the commands run as the npm scripts run them.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerlessApiStandIn } from '../../src/stand-in/serverless-api';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import type { TempProject } from '../helpers/project';
import { numbersEnv } from '../helpers/numbers-env';
import { deployProject, readJson, runDeploy } from './deploy-project';
import { runCli } from './sms-project';

const CONFIG = { AUTO_REPLY_MESSAGE: 'Dev text' };

let numbers: TwilioApiStandIn;
let serverless: ServerlessApiStandIn;
let origin: string;
let project: TempProject;
let shell: Record<string, string>;

beforeEach(async () => {
  numbers = await TwilioApiStandIn.start();
  serverless = new ServerlessApiStandIn({
    accounts: [{ accountSid: numbers.accountSid, authToken: numbers.authToken }],
  });
  origin = await serverless.start();
  project = await deployProject(CONFIG);
  shell = numbersEnv(numbers, { TWILIO_SERVERLESS_BASE_URL: origin });
});
afterEach(async () => {
  await numbers.close();
  await serverless.stop();
  await project.remove();
});

const environmentOf = (suffix: string | null) => serverless.environments.find((e) => e.domain_suffix === suffix);
const record = () =>
  readJson(join(project.dir, '.twilioserverless', 'deploy.json')) as Promise<{
    environments: Record<string, { domain: string; functions: Record<string, string>; buildSid: string }>;
  }>;

test('--production deploys the environment without a suffix, beside dev, each recorded', async () => {
  expect((await runDeploy(project.dir, [], shell)).code).toBe(0);
  const run = await runDeploy(project.dir, ['--production'], shell);
  expect([run.code, run.stderr]).toEqual([0, expect.not.stringMatching(/error/i)]);
  const production = environmentOf(null);
  expect(production).toMatchObject({
    unique_name: 'production',
    domain_name: expect.stringMatching(/^sms-switchboard-\d+\.twil\.io$/),
  });
  expect(run.stdout).toMatch(
    new RegExp(`^ {2}/sms +https://${String(production?.domain_name).replace(/\./g, '\\.')}/sms$`, 'm'),
  );
  const { environments } = await record();
  expect(Object.keys(environments).sort()).toEqual(['dev', 'production']);
  expect(environments.production.domain).toBe(production?.domain_name);
  expect(environments.dev.domain).toBe(environmentOf('dev')?.domain_name);
  // The deploy ends with where its logs are.
  expect(run.stdout).toContain('Logs: npm run logs -- --environment production --tail');
  expect(run.stdout).toContain(
    `https://console.twilio.com/us1/develop/functions/editor/${serverless.services[0].sid}/environment/${String(production?.sid)}`,
  );
  // --environment production is the same environment.
  expect((await runDeploy(project.dir, ['--environment', 'production'], shell)).code).toBe(0);
  expect(serverless.environments).toHaveLength(2);
});

test('--env <file>: its variables deploy instead of .env, and it can hold the credentials', async () => {
  await writeFile(
    join(project.dir, '.env.production'),
    `AUTO_REPLY_MESSAGE=Production text\nACCOUNT_SID=${numbers.accountSid}\nAUTH_TOKEN=${numbers.authToken}\n`,
  );
  const { TWILIO_ACCOUNT_SID: _sid, TWILIO_AUTH_TOKEN: _token, ...noCredentials } = shell;
  const run = await runDeploy(project.dir, ['--production', '--env', '.env.production'], noCredentials);
  expect([run.code, run.stderr]).toEqual([0, expect.stringContaining('with ACCOUNT_SID and AUTH_TOKEN in .env')]);
  const variables = serverless.variables.filter((v) => v.environment_sid === environmentOf(null)?.sid);
  expect(Object.fromEntries(variables.map((v) => [v.key, v.value]))).toEqual({ AUTO_REPLY_MESSAGE: 'Production text' });

  const missing = await runDeploy(project.dir, ['--env', '.env.stage'], shell);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('--env .env.stage: there is no such file');
});

test('numbers attach --function takes the URL of the environment named; with several, none named: exit 2', async () => {
  const [number] = numbers.addNumbers(1);
  expect((await runDeploy(project.dir, [], shell)).code).toBe(0);
  // One environment recorded: it is the default.
  const only = await runCli('numbers', ['attach', '--function', '/sms', number.phone_number], project.dir, shell);
  expect(only.code).toBe(0);
  expect(numbers.number(number.sid).sms_url).toBe(`https://${String(environmentOf('dev')?.domain_name)}/sms`);

  expect((await runDeploy(project.dir, ['--production'], shell)).code).toBe(0);
  const writes = numbers.writes();
  const ambiguous = await runCli('numbers', ['attach', '--function', '/sms', number.phone_number], project.dir, shell);
  expect(ambiguous.code).toBe(2);
  expect(ambiguous.stderr).toMatch(/several environments \(dev, production\): choose one with --environment <name>/);
  expect(numbers.writes()).toBe(writes);

  const args = ['attach', '--function', '/sms', '--environment', 'production', number.phone_number];
  const chosen = await runCli('numbers', args, project.dir, shell);
  expect(chosen.code).toBe(0);
  expect(numbers.number(number.sid).sms_url).toBe(`https://${String(environmentOf(null)?.domain_name)}/sms`);
  expect((await record()).environments.production.functions['/sms']).toBe(numbers.number(number.sid).sms_url);
});
