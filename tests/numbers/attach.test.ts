import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attachNumbers, type AttachRequest } from '../../src/numbers/attach';
import { readBackup } from '../../src/numbers/backup-file';
import { InputError } from '../../src/errors/input-error';
import { Cancelled } from '../../src/numbers/errors';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { contextFor, tempProject } from '../helpers/numbers-cli';
import { domainOf, recordDeploy } from '../helpers/numbers-deploys';

const URL_ = 'https://switchboard-1234-dev.twil.io/sms';
const APP = `AP${'6'.repeat(32)}`;
const backups = async (cwd: string): Promise<string[]> =>
  readdir(join(cwd, '.twilioserverless', 'backups')).catch(() => []);

describe('attachNumbers', () => {
  let api: TwilioApiStandIn;
  let cwd: string;
  beforeEach(async () => {
    api = await TwilioApiStandIn.start();
    cwd = await tempProject();
  });
  afterEach(() => api.close());
  const request = (numbers: AttachRequest['numbers'], extra: Partial<AttachRequest> = {}): AttachRequest => ({
    url: URL_,
    numbers,
    command: 'test',
    ...extra,
  });

  it(
    'changes exactly the chosen numbers: SMS URL and method set, ' + 'SMS app cleared, voice and the rest untouched',
    async () => {
      const all = api.addNumbers(5);
      const withApp = api.addNumber('+12025550999', {
        sms_application_sid: APP,
        sms_method: 'GET',
        voice_url: 'https://example.com/voice',
      });
      const before = api.allNumbers();
      const chosen = [all[1]?.phone_number ?? '', withApp.sid];
      const report = await attachNumbers(contextFor(api, cwd), request(chosen));
      expect(report.results.map((r) => r.outcome)).toEqual(['changed', 'changed']);
      for (const n of before) {
        const after = api.number(n.sid);
        if (chosen.includes(n.phone_number) || chosen.includes(n.sid)) {
          expect(after).toEqual({
            ...n,
            sms_url: URL_,
            sms_method: 'POST',
            sms_application_sid: '',
            date_updated: after.date_updated,
          });
        } else {
          expect(after).toEqual(n);
        }
      }
      expect(api.writes()).toBe(2);
      // SmsApplicationSid is sent (as '') only to the number that had one.
      const posts = api.requests.filter((r) => r.method === 'POST');
      expect(posts.find((p) => p.path.includes(withApp.sid))?.form).toEqual({
        SmsUrl: URL_,
        SmsMethod: 'POST',
        SmsApplicationSid: '',
      });
      expect(posts.find((p) => p.path.includes(all[1]?.sid ?? ''))?.form).toEqual({ SmsUrl: URL_ });
    },
  );

  it('backs up the state before its first write, and a rerun writes nothing and no backup', async () => {
    const [n] = api.addNumbers(1, { sms_url: 'https://old.example/sms', sms_method: 'GET' });
    const first = await attachNumbers(contextFor(api, cwd), request([n?.sid ?? '']));
    expect(first.backup).not.toBeNull();
    const saved = await readBackup(cwd, first.backup ?? '');
    expect(saved.accountSid).toBe(api.accountSid);
    expect(saved.numbers).toEqual([
      expect.objectContaining({ sid: n?.sid, smsUrl: 'https://old.example/sms', smsMethod: 'GET' }),
    ]);
    const writes = api.writes();
    const rerun = await attachNumbers(contextFor(api, cwd), request([n?.sid ?? '']));
    expect(rerun).toMatchObject({ backup: null, results: [{ outcome: 'unchanged' }] });
    expect(api.writes()).toBe(writes);
    expect(await backups(cwd)).toHaveLength(1);
  });

  it('a dry run plans (now -> after) and writes nothing, not even a backup', async () => {
    const [n] = api.addNumbers(1);
    const report = await attachNumbers(contextFor(api, cwd), request('all', { dryRun: true }));
    expect(report).toMatchObject({ dryRun: true, backup: null, results: [] });
    expect(report.plan[0]?.after.smsUrl).toBe(URL_);
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(api.number(n?.sid ?? '').sms_url).toBe('https://demo.twilio.com/welcome/sms/reply');
    expect(await backups(cwd)).toEqual([]);
  });

  it('an unknown number stops everything before any write, naming it', async () => {
    const [n] = api.addNumbers(1);
    const error = await attachNumbers(contextFor(api, cwd), request([n?.phone_number ?? '', '+12025550177'])).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([expect.stringContaining('+12025550177')]);
    expect(api.writes()).toBe(0);
    expect(await backups(cwd)).toEqual([]);
  });

  it('refuses malformed flags without calling Twilio', async () => {
    const error = await attachNumbers(
      contextFor(api, cwd),
      request([], { url: 'ftp://x', fallbackUrl: 'nope', concurrency: 0, country: 'XX' }),
    ).catch((e: unknown) => e);
    expect((error as InputError).problems).toHaveLength(5);
    expect(api.stats.requests).toBe(0);
  });

  it('asks before writing when asked to, and a "no" writes nothing', async () => {
    api.addNumbers(2);
    let asked = 0;
    const confirm = async () => (asked++, false);
    await expect(attachNumbers(contextFor(api, cwd), request('all', { confirm }))).rejects.toBeInstanceOf(Cancelled);
    expect(asked).toBe(1);
    expect(api.writes()).toBe(0);
    expect(await backups(cwd)).toEqual([]);
  });

  it("knows this project's numbers from deploy.json of the same account", async () => {
    const [n] = api.addNumbers(1);
    await mkdir(join(cwd, '.twilioserverless'), { recursive: true });
    const record = {
      accountSid: api.accountSid,
      serviceSid: `ZS${'7'.repeat(32)}`,
      environment: 'dev',
      domain: 'switchboard-1234-dev.twil.io',
      functions: { '/sms': URL_ },
    };
    await writeFile(join(cwd, '.twilioserverless', 'deploy.json'), JSON.stringify(record));
    const report = await attachNumbers(contextFor(api, cwd), request([n?.sid ?? ''], { dryRun: true }));
    expect(report.projectDomains).toEqual(new Map([['switchboard-1234-dev.twil.io', 'dev']]));
  });

  it("knows every environment of this account's deploys by name, and no other account's", async () => {
    const [n] = api.addNumbers(1);
    await recordDeploy(cwd, api.accountSid, 'dev', '2026-01-01T00:00:00.000Z');
    await recordDeploy(cwd, api.accountSid, 'production', '2026-01-02T00:00:00.000Z');
    await recordDeploy(cwd, `AC${'9'.repeat(32)}`, 'stage', '2026-01-03T00:00:00.000Z');
    const report = await attachNumbers(contextFor(api, cwd), request([n?.sid ?? ''], { dryRun: true }));
    expect(report.projectDomains).toEqual(
      new Map([
        [domainOf('dev'), 'dev'],
        [domainOf('production'), 'production'],
      ]),
    );
  });
});
