/** `numbers attach --function /sms`: the URL comes from the deploy record, for this account only. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDeployRecord, type DeployRecord } from '../../src/deploy/record';
import { InputError } from '../../src/errors/input-error';
import { readLatestDeployRecord, recordedFunctionUrl } from '../../src/numbers/deploy-record';

const AC = `AC${'5'.repeat(32)}`;
const OTHER = `AC${'9'.repeat(32)}`;
const RECORD: DeployRecord = {
  accountSid: AC,
  serviceSid: `ZS${'6'.repeat(32)}`,
  serviceName: 'sms-switchboard',
  environment: 'dev',
  environmentSid: `ZE${'7'.repeat(32)}`,
  buildSid: `ZB${'8'.repeat(32)}`,
  domain: 'sms-switchboard-1234-dev.twil.io',
  functions: {
    '/sms': 'https://sms-switchboard-1234-dev.twil.io/sms',
    '/forward': 'https://sms-switchboard-1234-dev.twil.io/forward',
  },
  deployedAt: '2026-01-02T03:04:05.000Z',
  builds: [{ buildSid: `ZB${'8'.repeat(32)}`, deployedAt: '2026-01-02T03:04:05.000Z' }],
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'numbers-deploy-record-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** The lines of the InputError `promise` rejects with. */
async function refusal(promise: Promise<unknown>): Promise<readonly string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error.problems;
}

test('the URL of the function, with or without its leading slash', async () => {
  await writeDeployRecord(root, RECORD);
  expect(await recordedFunctionUrl(root, '/forward', AC)).toBe('https://sms-switchboard-1234-dev.twil.io/forward');
  expect(await recordedFunctionUrl(root, 'sms', AC)).toBe('https://sms-switchboard-1234-dev.twil.io/sms');
});

test("the deploy record's account is checked: a deployment to another account is refused, saying why", async () => {
  await writeDeployRecord(root, RECORD);
  expect(await refusal(recordedFunctionUrl(root, '/sms', OTHER))).toEqual([
    `--function /sms: .twilioserverless/deploy.json records a deployment to account ${AC}, not ${OTHER} ` +
      "(these credentials). A protected function checks signatures with its own account's token, so numbers " +
      'of another account would get 401s. Deploy to this account with `npm run deploy`, or give --url.',
  ]);
});

test('a function the deployment does not have is refused, naming the ones it has', async () => {
  await writeDeployRecord(root, RECORD);
  expect(await refusal(recordedFunctionUrl(root, '/ignore', AC))).toEqual([
    '--function /ignore: not a function of the last deployment (known: /sms, /forward).',
  ]);
  await writeDeployRecord(root, { ...RECORD, functions: {} });
  expect(await refusal(recordedFunctionUrl(root, '/sms', AC))).toEqual([
    '--function /sms: not a function of the last deployment (known: none).',
  ]);
});

test('never deployed from here: --function says to deploy first, status sees no record', async () => {
  expect(await refusal(recordedFunctionUrl(root, '/sms', AC))).toEqual([
    '--function /sms: .twilioserverless/deploy.json does not exist. Run `npm run deploy` first, or give --url.',
  ]);
  expect(await readLatestDeployRecord(root)).toBeUndefined();
});
