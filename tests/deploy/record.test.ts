import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HISTORY,
  pickDeployRecord,
  readDeployRecords,
  RECORD_FILE,
  withLiveBuild,
  writeDeployRecord,
  type DeployRecord,
} from '../../src/deploy/record';
import { InputError } from '../../src/errors/input-error';
import { readProjectDomains, recordedFunctionUrl } from '../../src/numbers/deploy-record';

const AC = `AC${'5'.repeat(32)}`;
const build = (n: number): string => `ZB${String(n).padStart(32, '0')}`;
const RECORD: DeployRecord = {
  accountSid: AC,
  serviceSid: `ZS${'6'.repeat(32)}`,
  serviceName: 'sms-switchboard',
  environment: 'dev',
  environmentSid: `ZE${'7'.repeat(32)}`,
  buildSid: build(8),
  domain: 'sms-switchboard-1234-dev.twil.io',
  functions: { '/sms': 'https://sms-switchboard-1234-dev.twil.io/sms' },
  deployedAt: '2026-01-02T03:04:05.000Z',
  builds: [{ buildSid: build(8), deployedAt: '2026-01-02T03:04:05.000Z' }],
};
const PRODUCTION: DeployRecord = {
  ...RECORD,
  environment: 'production',
  environmentSid: `ZE${'9'.repeat(32)}`,
  domain: 'sms-switchboard-1234.twil.io',
  functions: { '/sms': 'https://sms-switchboard-1234.twil.io/sms' },
  deployedAt: '2026-01-03T00:00:00.000Z',
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'deploy-record-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('deploy record', () => {
  it('keeps one record per environment, and is what npm run numbers reads', async () => {
    await writeDeployRecord(root, RECORD);
    await writeDeployRecord(root, PRODUCTION);
    expect(await readDeployRecords(root)).toEqual({ records: { dev: RECORD, production: PRODUCTION } });
    expect(JSON.parse(await readFile(join(root, RECORD_FILE), 'utf8'))).toEqual({
      environments: { dev: RECORD, production: PRODUCTION },
    });
    // A deploy to one environment leaves the other's record alone.
    await writeDeployRecord(root, { ...RECORD, buildSid: build(9) });
    expect((await readDeployRecords(root)).records.production).toEqual(PRODUCTION);
    // Numbers knows every environment's domain (status); --function takes the environment's URL.
    expect(await readProjectDomains(root, AC)).toEqual(
      new Map([
        [RECORD.domain, 'dev'],
        [PRODUCTION.domain, 'production'],
      ]),
    );
    expect(await recordedFunctionUrl(root, '/sms', AC, 'dev')).toBe('https://sms-switchboard-1234-dev.twil.io/sms');
    expect(await recordedFunctionUrl(root, '/sms', AC, 'production')).toBe('https://sms-switchboard-1234.twil.io/sms');
  });

  it('reads a record of the earlier shape (one bare record) as the environment it names', async () => {
    await mkdir(join(root, '.twilioserverless'));
    const { builds: _builds, ...earlier } = { ...RECORD, environment: 'stage' };
    await writeFile(join(root, RECORD_FILE), JSON.stringify(earlier));
    expect(await readDeployRecords(root)).toEqual({ records: { stage: earlier } });
    // Written again, it is in today's shape with the other environment beside it.
    await writeDeployRecord(root, PRODUCTION);
    expect(Object.keys((await readDeployRecords(root)).records).sort()).toEqual(['production', 'stage']);
  });

  it('is absent before the first deploy, and a damaged one is reported rather than trusted', async () => {
    expect(await readDeployRecords(root)).toEqual({ records: {} });
    await mkdir(join(root, '.twilioserverless'));
    await writeFile(join(root, RECORD_FILE), '{"accountSid": "AC1"');
    expect((await readDeployRecords(root)).problem).toMatch(/damaged/);
    await writeFile(join(root, RECORD_FILE), JSON.stringify({ ...RECORD, serviceSid: 'not-a-sid' }));
    expect(await readDeployRecords(root)).toEqual({ records: {}, problem: expect.stringMatching(/damaged/) });
    await writeFile(join(root, RECORD_FILE), JSON.stringify({ environments: { dev: { ...RECORD, domain: 7 } } }));
    expect((await readDeployRecords(root)).problem).toMatch(/damaged/);
  });
});

describe('pickDeployRecord', () => {
  const both = { dev: RECORD, production: PRODUCTION };
  it('takes the environment named, or the only one recorded', () => {
    expect(pickDeployRecord(both, 'production')).toEqual({ record: PRODUCTION });
    expect(pickDeployRecord({ dev: RECORD }, undefined)).toEqual({ record: RECORD });
    expect(pickDeployRecord({}, undefined)).toEqual({});
  });

  it('with several and none named, lists them and names the flag', () => {
    expect(pickDeployRecord(both, undefined).problem).toMatch(
      /records several environments \(dev, production\): choose one with --environment <name>/,
    );
  });

  it('an environment never deployed: says which are, and how to deploy it', () => {
    expect(pickDeployRecord(both, 'stage').problem).toMatch(
      /no deploy to the stage environment is recorded .*recorded: dev, production.*--environment stage/,
    );
  });
});

describe('withLiveBuild', () => {
  it('adds the new build last, starting from what an earlier-shape record knows', () => {
    const { builds: _builds, ...earlier } = RECORD;
    expect(withLiveBuild(earlier, build(9), 'now')).toEqual([
      { buildSid: build(8), deployedAt: RECORD.deployedAt },
      { buildSid: build(9), deployedAt: 'now' },
    ]);
    expect(withLiveBuild(undefined, build(1), 'now')).toEqual([{ buildSid: build(1), deployedAt: 'now' }]);
  });

  it(`keeps the last ${HISTORY}`, () => {
    let record: DeployRecord = { ...RECORD, builds: [] };
    for (let n = 1; n <= HISTORY + 5; n++) record = { ...record, builds: withLiveBuild(record, build(n), `t${n}`) };
    expect(record.builds).toHaveLength(HISTORY);
    expect(record.builds?.at(0)?.buildSid).toBe(build(6));
    expect(record.builds?.at(-1)?.buildSid).toBe(build(HISTORY + 5));
  });
});

/** The lines of the InputError `promise` rejects with. */
async function refusal(promise: Promise<unknown>): Promise<readonly string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error.problems;
}

describe('numbers attach --function: the URL from the record', () => {
  const OTHER = `AC${'9'.repeat(32)}`;
  const TWO_FUNCTIONS: DeployRecord = {
    ...RECORD,
    functions: { ...RECORD.functions, '/forward': 'https://sms-switchboard-1234-dev.twil.io/forward' },
  };

  it('the URL of the function, with or without its leading slash', async () => {
    await writeDeployRecord(root, TWO_FUNCTIONS);
    expect(await recordedFunctionUrl(root, '/forward', AC)).toBe('https://sms-switchboard-1234-dev.twil.io/forward');
    expect(await recordedFunctionUrl(root, 'sms', AC)).toBe('https://sms-switchboard-1234-dev.twil.io/sms');
  });

  it("the deploy record's account is checked: a deployment to another account is refused, saying why", async () => {
    await writeDeployRecord(root, RECORD);
    expect(await refusal(recordedFunctionUrl(root, '/sms', OTHER))).toEqual([
      `--function /sms: .twilioserverless/deploy.json records a deployment to account ${AC}, not ${OTHER} ` +
        "(these credentials). A protected function checks signatures with its own account's token, so numbers " +
        'of another account would get 401s. Deploy to this account with `npm run deploy`, or give --url.',
    ]);
  });

  it('a function the deployment does not have is refused, naming the ones it has', async () => {
    await writeDeployRecord(root, TWO_FUNCTIONS);
    expect(await refusal(recordedFunctionUrl(root, '/ignore', AC))).toEqual([
      '--function /ignore: not a function of the dev deployment (known: /sms, /forward).',
    ]);
    await writeDeployRecord(root, { ...RECORD, functions: {} });
    expect(await refusal(recordedFunctionUrl(root, '/sms', AC))).toEqual([
      '--function /sms: not a function of the dev deployment (known: none).',
    ]);
  });

  it('never deployed from here: --function says to deploy first, status sees no record', async () => {
    expect(await refusal(recordedFunctionUrl(root, '/sms', AC))).toEqual([
      '--function /sms: .twilioserverless/deploy.json does not exist. Run `npm run deploy` first, or give --url.',
    ]);
    expect(await readProjectDomains(root, AC)).toEqual(new Map());
  });
});
