import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDeployRecord, RECORD_FILE, writeDeployRecord, type DeployRecord } from '../../src/deploy/record';
import { readDeployRecord as readForNumbers } from '../../src/numbers/deploy-record';

const RECORD: DeployRecord = {
  accountSid: `AC${'5'.repeat(32)}`,
  serviceSid: `ZS${'6'.repeat(32)}`,
  serviceName: 'sms-switchboard',
  environment: 'dev',
  environmentSid: `ZE${'7'.repeat(32)}`,
  buildSid: `ZB${'8'.repeat(32)}`,
  domain: 'sms-switchboard-1234-dev.twil.io',
  functions: { '/sms': 'https://sms-switchboard-1234-dev.twil.io/sms' },
  deployedAt: '2026-01-02T03:04:05.000Z',
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'deploy-record-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('deploy record', () => {
  it('round-trips, and is what npm run numbers reads', async () => {
    await writeDeployRecord(root, RECORD);
    expect(await readDeployRecord(root)).toEqual({ record: RECORD });
    expect(await readForNumbers(root)).toMatchObject({
      accountSid: RECORD.accountSid,
      domain: RECORD.domain,
      functions: RECORD.functions,
    });
    expect(JSON.parse(await readFile(join(root, RECORD_FILE), 'utf8'))).toEqual(RECORD);
  });

  it('is absent before the first deploy, and a damaged one is reported rather than trusted', async () => {
    expect(await readDeployRecord(root)).toEqual({});
    await mkdir(join(root, '.twilioserverless'));
    await writeFile(join(root, RECORD_FILE), '{"accountSid": "AC1"');
    expect((await readDeployRecord(root)).problem).toMatch(/damaged/);
    await writeFile(join(root, RECORD_FILE), JSON.stringify({ ...RECORD, serviceSid: 'not-a-sid' }));
    expect((await readDeployRecord(root)).record).toBeUndefined();
  });
});
