/**
 * execute (src/numbers/run.ts), the part attach and restore share once everything is planned:
 * the backup before the first write, the run's retry budget, progress, and the report.
 */
import { planAttach } from '../../src/numbers/attach-plan';
import { readBackup } from '../../src/numbers/backup-file';
import { attachTarget, plan } from '../../src/numbers/plan';
import { execute } from '../../src/numbers/run';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { contextFor, tempProject } from '../helpers/numbers-cli';

const URL_ = 'https://switchboard-1234-dev.twil.io/sms';
const UNAVAILABLE = { status: 503, code: 20503, message: 'Service Unavailable' };

let api: TwilioApiStandIn;
let cwd: string;
beforeEach(async () => {
  api = await TwilioApiStandIn.start();
  cwd = await tempProject();
});
afterEach(() => api.close());
const posts = (sid: string) => api.requests.filter((r) => r.method === 'POST' && r.path.includes(sid));

describe('execute', () => {
  it('a run that writes reports dryRun false, the backup it wrote, and each outcome', async () => {
    const [n] = api.addNumbers(1);
    const ctx = contextFor(api, cwd);
    const report = await execute(
      ctx,
      { changes: plan(await ctx.api.listNumbers(), () => attachTarget(URL_)), services: [] },
      {
        dryRun: false,
        command: 'test',
      },
    );
    expect(report.dryRun).toBe(false);
    expect((await readBackup(cwd, report.backup ?? '')).numbers.map((b) => b.sid)).toEqual([n?.sid]);
    expect(report.results).toEqual([{ sid: n?.sid, phoneNumber: n?.phone_number, outcome: 'changed' }]);
  });

  it('a run that changes only a Messaging Service backs it up before writing it', async () => {
    const n = api.addNumber('+12025550100', { sms_url: URL_ });
    const service = api.addService('Marketing', false, [n.sid]);
    const ctx = contextFor(api, cwd);
    const account = await ctx.api.listNumbers();
    const services = await ctx.api.listServices();
    const planned = planAttach({ chosen: account, account, services, url: URL_, mode: 'defer' });
    expect(planned.changes.map((c) => c.update)).toEqual([null]);
    const report = await execute(ctx, planned, { dryRun: false, command: 'test' });
    const backup = await readBackup(cwd, report.backup ?? '');
    expect(backup.services.map((s) => [s.sid, s.useInboundWebhookOnNumber])).toEqual([[service.sid, false]]);
    expect(report.serviceResults.map((r) => r.outcome)).toEqual(['changed']);
    expect(api.service(service.sid).use_inbound_webhook_on_number).toBe(true);
  });

  it("the context's retry budget is what service and number writes get (3 tries, no more)", async () => {
    const inService = api.addNumber('+12025550100');
    const alone = api.addNumber('+12025550101');
    const service = api.addService('Marketing', false, [inService.sid]);
    api.failingWrites.set(service.sid, UNAVAILABLE);
    api.failingWrites.set(alone.sid, UNAVAILABLE);
    const sleeps: number[] = [];
    const ctx = {
      ...contextFor(api, cwd),
      retry: { attempts: 3, baseMs: 1, sleep: async (ms: number) => void sleeps.push(ms) },
    };
    const account = await ctx.api.listNumbers();
    const services = await ctx.api.listServices();
    const planned = planAttach({ chosen: account, account, services, url: URL_, mode: 'defer' });
    const report = await execute(ctx, planned, { dryRun: false, command: 'test' });
    expect(report.serviceResults.map((r) => [r.outcome, r.error?.status])).toEqual([['failed', 503]]);
    expect(report.results.map((r) => [r.outcome, r.error?.status])).toEqual([
      ['failed', 503],
      ['failed', 503],
    ]);
    expect(posts(service.sid)).toHaveLength(3);
    expect(posts(alone.sid)).toHaveLength(3);
    // The number in the failed service is not written at all.
    expect(posts(inService.sid)).toHaveLength(0);
    expect(sleeps).toHaveLength(4);
  });

  it('tells onProgress of each number as its outcome is final', async () => {
    api.addNumbers(2);
    const progress: Array<[number, number]> = [];
    const ctx = { ...contextFor(api, cwd), onProgress: (done: number, total: number) => progress.push([done, total]) };
    const changes = plan(await ctx.api.listNumbers(), () => attachTarget(URL_));
    await execute(ctx, { changes, services: [] }, { dryRun: false, command: 'test' });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});
