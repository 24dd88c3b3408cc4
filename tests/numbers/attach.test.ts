import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attachNumbers, attachProblems, type AttachRequest } from '../../src/numbers/attach';
import type { ServiceMode } from '../../src/numbers/attach-plan';
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

  it('--concurrency 1 writes one number at a time', async () => {
    api.addNumbers(4);
    // Listing numbers and services runs two requests at once: counted from the first write on.
    const confirm = async (): Promise<boolean> => {
      api.stats.maxInFlight = 0;
      api.knobs.latencyMs = [5, 10];
      return true;
    };
    const report = await attachNumbers(contextFor(api, cwd), request('all', { concurrency: 1, confirm }));
    expect(report.results.map((r) => r.outcome)).toEqual(['changed', 'changed', 'changed', 'changed']);
    expect(api.stats.maxInFlight).toBe(1);
  });

  it('regulatory SIDs go with the write of every number', async () => {
    const numbers = api.addNumbers(2);
    const regulatory = { bundleSid: `BU${'1'.repeat(32)}`, addressSid: `AD${'2'.repeat(32)}` };
    await attachNumbers(contextFor(api, cwd), request('all', { regulatory }));
    const forms = api.requests.filter((r) => r.method === 'POST').map((r) => r.form);
    expect(forms).toEqual(
      numbers.map(() => ({ SmsUrl: URL_, BundleSid: regulatory.bundleSid, AddressSid: regulatory.addressSid })),
    );
    expect(api.allNumbers().map((n) => n.bundle_sid)).toEqual([regulatory.bundleSid, regulatory.bundleSid]);
  });

  describe('with a Messaging Service that answers for the number', () => {
    it('without --messaging-service, the refusal explains each way on, exactly', async () => {
      const n = api.addNumber('+12025550100');
      const service = api.addService('Marketing', false, [n.sid]);
      const error = (await attachNumbers(contextFor(api, cwd), request([n.sid])).catch(
        (e: unknown) => e,
      )) as InputError;
      expect(error.problems).toEqual([
        `+12025550100 is in Messaging Service ${service.sid} ("Marketing"), which answers its incoming messages ` +
          'itself (Integration: "Send a webhook"): the number\'s own SMS URL would not be used.',
        'Choose how to go on with --messaging-service (see the plan first with --dry-run):',
        '  defer: the service defers to each number\'s own URL ("Defer to sender\'s webhook"); ' +
          'its other numbers then use their own URLs too.',
        `  url: the service's URL becomes ${URL_}, so every number of the service routes there.`,
        '  skip: leave these numbers out of this run.',
      ]);
    });

    it('skip: the number keeps its place in the plan, with why it was left out', async () => {
      const n = api.addNumber('+12025550100');
      const service = api.addService('Marketing', false, [n.sid]);
      const report = await attachNumbers(
        contextFor(api, cwd),
        request([n.sid], { messagingService: 'skip', dryRun: true }),
      );
      expect(report.plan.map((c) => [c.number.sid, c.update, c.skipped])).toEqual([
        [n.sid, null, `in Messaging Service ${service.sid} ("Marketing"), which answers for it: left out`],
      ]);
    });

    it("url without --fallback-url leaves the service's fallback method as it is", async () => {
      const n = api.addNumber('+12025550100');
      api.addService('Marketing', false, [n.sid], { fallback_method: 'GET' });
      const report = await attachNumbers(
        contextFor(api, cwd),
        request([n.sid], { messagingService: 'url', dryRun: true }),
      );
      expect(report.services.map((s) => s.update)).toEqual([{ inboundRequestUrl: URL_ }]);
    });

    it('url, the service already on the URL: the service needs no write and the number waits on none', async () => {
      const n = api.addNumber('+12025550100');
      api.addService('Marketing', false, [n.sid], { inbound_request_url: URL_ });
      const report = await attachNumbers(contextFor(api, cwd), request([n.sid], { messagingService: 'url' }));
      expect(report.services.map((s) => s.update)).toEqual([null]);
      expect(report.plan[0]).not.toHaveProperty('requires');
      expect(report.results.map((r) => r.outcome)).toEqual(['changed']);
    });
  });
});

describe('attachProblems', () => {
  const valid = { url: URL_, numbers: ['+12025550100'], command: 'test' } as const;
  const HEX = '0'.repeat(32);

  it('names --url and --fallback-url in their own problems', () => {
    expect(attachProblems({ ...valid, url: 'ftp://x', fallbackUrl: 'nope' })).toEqual([
      '--url must be an http(s) URL, not ftp:.',
      '--fallback-url "nope" is not a URL: give an absolute URL such as https://example.com/sms.',
    ]);
  });

  it('takes defer, url and skip for --messaging-service, and names the three for anything else', () => {
    for (const mode of ['defer', 'url', 'skip'] as const)
      expect(attachProblems({ ...valid, messagingService: mode })).toEqual([]);
    expect(attachProblems({ ...valid, messagingService: 'always' as ServiceMode })).toEqual([
      '--messaging-service must be one of defer, url, skip.',
    ]);
  });

  it('each regulatory SID must be of its own kind: BU, AD, RI', () => {
    const swapped = { bundleSid: `AD${HEX}`, addressSid: `RI${HEX}`, identitySid: `BU${HEX}` };
    expect(attachProblems({ ...valid, regulatory: swapped })).toEqual([
      '--bundle-sid must be BU followed by 32 hex digits.',
      '--address-sid must be AD followed by 32 hex digits.',
      '--identity-sid must be RI followed by 32 hex digits.',
    ]);
    const right = { bundleSid: `BU${HEX}`, addressSid: `AD${HEX}`, identitySid: `RI${HEX}` };
    expect(attachProblems({ ...valid, regulatory: right })).toEqual([]);
  });

  it('no numbers given is a problem that names the ways to give them; --all is not', () => {
    expect(attachProblems({ ...valid, numbers: [] })).toEqual([
      'No numbers given: list them, use --file <path or ->, or --all.',
    ]);
    expect(attachProblems({ ...valid, numbers: 'all' })).toEqual([]);
  });
});
