import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The Toolkit's own reader: what we write must be what `twilio-run deploy` picks up.
import { getDeployInfoCache } from 'twilio-run/dist/utils/deployInfoCache';
import { DEPLOY_INFO_FILE, readDeployInfoServiceSid, writeDeployInfo } from '../../src/deploy/deploy-info';

const AC = `AC${'9'.repeat(32)}`;
const SK = `SK${'9'.repeat(32)}`;
const ZS = (n: string) => `ZS${n.repeat(32)}`;
const ZB = `ZB${'b'.repeat(32)}`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'deploy-info-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('.twiliodeployinfo', () => {
  it("reads the Toolkit's keys: user:region first, then the older bare user name", async () => {
    await writeFile(
      join(root, DEPLOY_INFO_FILE),
      JSON.stringify({
        [`${AC}:us1`]: { serviceSid: ZS('a'), latestBuild: ZB },
        [SK]: { serviceSid: ZS('c'), latestBuild: ZB },
      }),
    );
    expect(await readDeployInfoServiceSid(root, [AC])).toBe(ZS('a'));
    expect(await readDeployInfoServiceSid(root, [SK, AC])).toBe(ZS('c'));
    expect(await readDeployInfoServiceSid(root, [AC], 'au1')).toBeUndefined();
    expect(await readDeployInfoServiceSid(root, [`AC${'0'.repeat(32)}`])).toBeUndefined();
  });

  it('writes what twilio-run reads, keeping other accounts and replacing the bare key', async () => {
    const other = `AC${'e'.repeat(32)}`;
    await writeFile(
      join(root, DEPLOY_INFO_FILE),
      JSON.stringify({
        [AC]: { serviceSid: ZS('c'), latestBuild: ZB },
        [`${other}:us1`]: { serviceSid: ZS('d'), latestBuild: ZB },
      }),
    );
    await writeDeployInfo(root, AC, ZS('a'), ZB);
    expect(JSON.parse(await readFile(join(root, DEPLOY_INFO_FILE), 'utf8'))).toEqual({
      [`${other}:us1`]: { serviceSid: ZS('d'), latestBuild: ZB },
      [`${AC}:us1`]: { serviceSid: ZS('a'), latestBuild: ZB },
    });
    expect(getDeployInfoCache(root)[`${AC}:us1`].serviceSid).toBe(ZS('a'));
  });

  it('treats a missing or unreadable file as no record', async () => {
    expect(await readDeployInfoServiceSid(root, [AC])).toBeUndefined();
    await writeFile(join(root, DEPLOY_INFO_FILE), 'not json');
    expect(await readDeployInfoServiceSid(root, [AC])).toBeUndefined();
  });
});
