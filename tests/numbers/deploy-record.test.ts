import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors/input-error';
import { readProjectDomains, recordedFunctionUrl } from '../../src/numbers/deploy-record';
import { domainOf, recordDeploy } from '../helpers/numbers-deploys';

const AC = `AC${'5'.repeat(32)}`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'numbers-deploy-record-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function problemsOf(promise: Promise<unknown>): Promise<readonly string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error.problems;
}

async function writeRecordFile(text: string): Promise<void> {
  await mkdir(join(root, '.twilioserverless'));
  await writeFile(join(root, '.twilioserverless', 'deploy.json'), text);
}

describe('a damaged deploy record stops the command, saying to deploy again', () => {
  const REWRITE = 'Run `npm run deploy` again to rewrite it.';

  it('not JSON: both status (domains) and attach --function refuse it', async () => {
    await writeRecordFile('{"environments": ');
    const problem = `.twilioserverless/deploy.json is damaged (not JSON). ${REWRITE}`;
    expect(await problemsOf(readProjectDomains(root, AC))).toEqual([problem]);
    expect(await problemsOf(recordedFunctionUrl(root, '/sms', AC))).toEqual([problem]);
  });

  it('a record whose account is not an AC SID: names the field and what is wrong', async () => {
    await recordDeploy(root, AC, 'dev', '2026-01-01T00:00:00.000Z');
    const good = await readFile(join(root, '.twilioserverless', 'deploy.json'), 'utf8');
    await writeFile(join(root, '.twilioserverless', 'deploy.json'), good.replace(AC, 'ACnot-a-sid'));
    expect(await problemsOf(readProjectDomains(root, AC))).toEqual([
      `.twilioserverless/deploy.json is damaged (environments.dev.accountSid: is not a AC SID). ${REWRITE}`,
    ]);
  });
});

describe('attach --function: which environment', () => {
  it('never deployed, even naming an environment: says to deploy first, or give --url', async () => {
    const never =
      '--function /sms: .twilioserverless/deploy.json does not exist. Run `npm run deploy` first, or give --url.';
    expect(await problemsOf(recordedFunctionUrl(root, '/sms', AC, 'dev'))).toEqual([never]);
    expect(await problemsOf(recordedFunctionUrl(root, '/sms', AC))).toEqual([never]);
  });

  it('several environments and none named: asks for --environment, naming them', async () => {
    await recordDeploy(root, AC, 'dev', '2026-01-01T00:00:00.000Z');
    await recordDeploy(root, AC, 'production', '2026-01-02T00:00:00.000Z');
    expect(await problemsOf(recordedFunctionUrl(root, '/sms', AC))).toEqual([
      '--function /sms: .twilioserverless/deploy.json records several environments (dev, production): ' +
        'choose one with --environment <name>.',
    ]);
    expect(await recordedFunctionUrl(root, '/sms', AC, 'production')).toBe(`https://${domainOf('production')}/sms`);
  });

  it('an environment never deployed: names the ones that were, and how to deploy it', async () => {
    await recordDeploy(root, AC, 'dev', '2026-01-01T00:00:00.000Z');
    expect(await problemsOf(recordedFunctionUrl(root, '/sms', AC, 'stage'))).toEqual([
      '--function /sms: no deploy to the stage environment is recorded in .twilioserverless/deploy.json ' +
        '(recorded: dev); deploy it with npm run deploy -- --environment stage.',
    ]);
  });
});
