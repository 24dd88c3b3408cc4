/**
 * attach and restore with Messaging Services (issue 14, point 1) against the stand-in: a chosen
 * number whose service answers for it is refused with the way on, or routed to the function
 * (defer, url), or left out (skip); never reported `changed` while unreachable. attach then
 * restore leaves every number and every service exactly as before; reruns are no-ops.
 */
import { attachNumbers, type AttachRequest } from '../../src/numbers/attach';
import { readBackup } from '../../src/numbers/backup-file';
import { InputError } from '../../src/errors/input-error';
import { restoreNumbers } from '../../src/numbers/restore';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import type { NumberResource, ServiceResource } from '../../src/stand-in/twilio-shapes';
import { contextFor, tempProject } from '../helpers/numbers-cli';
import { domainOf, recordDeploy } from '../helpers/numbers-deploys';
import { accountState } from '../helpers/numbers-state';

const URL_ = 'https://switchboard-1234-dev.twil.io/sms';
const FALLBACK = 'https://switchboard-1234-dev.twil.io/fallback';
const DEMO = 'https://demo.twilio.com/welcome/sms/reply';

let api: TwilioApiStandIn;
let cwd: string;
/** +12025550000 and +12025550009 in "Marketing", which answers for them; +12025550002 in none. */
let inService: NumberResource;
let sibling: NumberResource;
let alone: NumberResource;
let marketing: ServiceResource;
beforeEach(async () => {
  api = await TwilioApiStandIn.start();
  cwd = await tempProject();
  inService = api.addNumber('+12025550000');
  alone = api.addNumber('+12025550002');
  sibling = api.addNumber('+12025550009', { sms_url: 'https://sibling.example/sms', sms_method: 'GET' });
  marketing = api.addService('Marketing', false, [inService.sid, sibling.sid], {
    fallback_url: 'https://mg.example/fb',
  });
});
afterEach(() => api.close());
const attach = (numbers: string[], extra: Partial<AttachRequest> = {}) =>
  attachNumbers(contextFor(api, cwd), { url: URL_, numbers, command: 'attach', ...extra });
const posts = () => api.requests.filter((r) => r.method === 'POST');

describe('a chosen number whose Messaging Service answers for it', () => {
  it('without --messaging-service: refused before any write, dry run too, naming number, service, way on', async () => {
    for (const dryRun of [false, true]) {
      const error = (await attach([inService.sid, alone.sid], { dryRun }).catch((e: unknown) => e)) as InputError;
      expect(error).toBeInstanceOf(InputError);
      expect(error.problems[0]).toBe(
        `${inService.phone_number} is in Messaging Service ${marketing.sid} ("Marketing"), which answers its ` +
          'incoming messages itself (Integration: "Send a webhook"): the number\'s own SMS URL would not be used.',
      );
      expect(error.problems.slice(1).join('\n')).toMatch(/--messaging-service[\s\S]*defer:[\s\S]*url:[\s\S]*skip:/);
    }
    expect(posts()).toEqual([]);
  });

  it("defer: the service defers to the numbers' own URLs; the plan lists numbers whose routing changes", async () => {
    const before = accountState(api);
    const dry = await attach([inService.sid], { messagingService: 'defer', dryRun: true });
    expect(dry.services).toHaveLength(1);
    expect(dry.services[0]?.update).toEqual({ useInboundWebhookOnNumber: true });
    expect(dry.services[0]?.numbers).toEqual([
      {
        sid: inService.sid,
        phoneNumber: inService.phone_number,
        now: `messaging-service ${marketing.sid} https://example.com/service-inbound (POST)`,
        after: `function ${URL_} (POST)`,
      },
      {
        sid: sibling.sid,
        phoneNumber: sibling.phone_number,
        now: `messaging-service ${marketing.sid} https://example.com/service-inbound (POST)`,
        after: 'webhook https://sibling.example/sms (GET)',
      },
    ]);
    expect(posts()).toEqual([]);

    const run = await attach([inService.sid, alone.sid], { messagingService: 'defer' });
    expect(run.serviceResults.map((r) => [r.sid, r.outcome])).toEqual([[marketing.sid, 'changed']]);
    expect(run.results.map((r) => r.outcome)).toEqual(['changed', 'changed']);
    expect(api.service(marketing.sid)).toMatchObject({ use_inbound_webhook_on_number: true });
    expect(api.number(inService.sid).sms_url).toBe(URL_);
    expect(api.number(sibling.sid).sms_url).toBe('https://sibling.example/sms');
    // The service is written before the numbers.
    expect(posts()[0]?.path).toBe(`/v1/Services/${marketing.sid}`);
    expect((await readBackup(cwd, run.backup ?? '')).services).toEqual([
      {
        sid: marketing.sid,
        friendlyName: 'Marketing',
        inboundRequestUrl: 'https://example.com/service-inbound',
        inboundMethod: 'POST',
        fallbackUrl: 'https://mg.example/fb',
        fallbackMethod: 'POST',
        useInboundWebhookOnNumber: false,
      },
    ]);

    const writes = api.writes();
    const rerun = await attach([inService.sid, alone.sid], { messagingService: 'defer' });
    expect(rerun).toMatchObject({ backup: null, services: [], serviceResults: [] });
    expect(rerun.results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    // Now the service defers: the number attaches as any other, with or without the flag.
    expect((await attach([inService.sid])).results[0]?.outcome).toBe('unchanged');
    expect(api.writes()).toBe(writes);

    await restoreNumbers(contextFor(api, cwd), { backupPath: 'latest', command: 'restore' });
    expect(accountState(api)).toEqual(before);
  });

  it("defer: the plan names the environment of each number routed to this project's functions", async () => {
    await recordDeploy(cwd, api.accountSid, 'dev', '2026-01-01T00:00:00.000Z');
    await recordDeploy(cwd, api.accountSid, 'production', '2026-01-02T00:00:00.000Z');
    const chosen = api.addNumber('+12025550100');
    const onDev = api.addNumber('+12025550101', { sms_url: `https://${domainOf('dev')}/sms`, sms_method: 'POST' });
    api.addService('Alerts', false, [chosen.sid, onDev.sid]);
    const production = `https://${domainOf('production')}/sms`;
    const dry = await attach([chosen.sid], { url: production, messagingService: 'defer', dryRun: true });
    expect(dry.services[0]?.numbers.map((n) => [n.phoneNumber, n.after])).toEqual([
      [chosen.phone_number, `this-project (production) ${production} (POST)`],
      [onDev.phone_number, `this-project (dev) https://${domainOf('dev')}/sms (POST)`],
    ]);
  });

  it("url: the service's URL becomes the function's (POST, and the fallback): its numbers route there", async () => {
    const before = accountState(api);
    const dry = await attach([inService.sid], { messagingService: 'url', fallbackUrl: FALLBACK, dryRun: true });
    expect(dry.services[0]?.update).toEqual({
      inboundRequestUrl: URL_,
      fallbackUrl: FALLBACK,
    });
    expect(dry.services[0]?.numbers.map((n) => [n.phoneNumber, n.after])).toEqual([
      [inService.phone_number, `messaging-service ${marketing.sid} ${URL_} (POST)`],
      [sibling.phone_number, `messaging-service ${marketing.sid} ${URL_} (POST)`],
    ]);

    const run = await attach([inService.sid], { messagingService: 'url', fallbackUrl: FALLBACK });
    expect(run.results.map((r) => r.outcome)).toEqual(['changed']);
    expect(api.service(marketing.sid)).toMatchObject({
      inbound_request_url: URL_,
      inbound_method: 'POST',
      fallback_url: FALLBACK,
      fallback_method: 'POST',
      use_inbound_webhook_on_number: false,
    });
    expect(api.number(inService.sid)).toMatchObject({ sms_url: URL_, sms_fallback_url: FALLBACK });

    const writes = api.writes();
    const rerun = await attach([inService.sid], { messagingService: 'url', fallbackUrl: FALLBACK });
    expect(rerun.serviceResults.map((r) => r.outcome)).toEqual(['unchanged']);
    expect(rerun.results.map((r) => r.outcome)).toEqual(['unchanged']);
    expect([rerun.backup, api.writes()]).toEqual([null, writes]);

    const restored = await restoreNumbers(contextFor(api, cwd), { backupPath: run.backup ?? '', command: 'r' });
    expect(restored.serviceResults.map((r) => r.outcome)).toEqual(['changed']);
    expect(accountState(api)).toEqual(before);
  });

  it('skip: left out (outcome skipped, nothing written to it); the other numbers attached', async () => {
    const run = await attach([inService.sid, alone.sid], { messagingService: 'skip' });
    expect(run.results.map((r) => [r.sid, r.outcome])).toEqual([
      [inService.sid, 'skipped'],
      [alone.sid, 'changed'],
    ]);
    expect(run.services).toEqual([]);
    expect(api.writes(inService.sid) + api.writes(marketing.sid)).toBe(0);
    expect((await readBackup(cwd, run.backup ?? '')).numbers.map((n) => n.sid)).toEqual([alone.sid]);
  });

  it('a number in a service that defers attaches as any other', async () => {
    const deferring = api.addNumber('+12025550050');
    api.addService('Support', true, [deferring.sid]);
    const run = await attach([deferring.sid]);
    expect(run.results.map((r) => r.outcome)).toEqual(['changed']);
    expect(run.services).toEqual([]);
  });

  it('a service that cannot be updated: its numbers fail unwritten (never changed while unreachable)', async () => {
    api.failingWrites.set(marketing.sid, { status: 400, code: 21610, message: 'no' });
    const run = await attach([inService.sid, alone.sid], { messagingService: 'defer' });
    expect(run.serviceResults[0]).toMatchObject({ outcome: 'failed', error: { code: 21610 } });
    expect(run.results[0]).toMatchObject({
      outcome: 'failed',
      error: { code: 21610, message: expect.stringContaining(`its Messaging Service ${marketing.sid} could not be`) },
    });
    expect(run.results[1]?.outcome).toBe('changed');
    expect(api.number(inService.sid).sms_url).toBe(DEMO);
  });
});
