import { applyChanges } from '../../src/numbers/apply';
import { attachTarget, plan } from '../../src/numbers/plan';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { contextFor, tempProject } from '../helpers/numbers-cli';

const URL_ = 'https://switchboard-1234-dev.twil.io/sms';

describe('applyChanges against a throttling, failing API', () => {
  let api: TwilioApiStandIn;
  beforeEach(async () => (api = await TwilioApiStandIn.start({ seed: 42 })));
  afterEach(() => api.close());

  it('ends with every one of 1,000 numbers written exactly once, through 429s and 3% 5xx', async () => {
    api.addNumbers(1000);
    const ctx = contextFor(api, await tempProject());
    const changes = plan(await ctx.api.listNumbers(), () => attachTarget(URL_));
    // In one process the client's own CPU time keeps few requests in flight: a limit of 3 is what it exceeds.
    Object.assign(api.knobs, { latencyMs: [0, 2], maxConcurrency: 3, serverErrorRate: 0.03 });
    let progress = 0;
    const results = await applyChanges(changes, ctx.api.updateNumber, {
      concurrency: 8,
      retry: { baseMs: 2, capMs: 50 },
      onProgress: (done) => (progress = done),
    });
    expect(results.filter((r) => r.outcome !== 'changed')).toEqual([]);
    expect(api.allNumbers().every((n) => n.sms_url === URL_ && api.writes(n.sid) === 1)).toBe(true);
    expect(progress).toBe(1000);
    // The knobs bit: without these the test would prove nothing about retries.
    expect(api.stats.throttled).toBeGreaterThan(0);
    expect(api.stats.serverErrors).toBeGreaterThan(10);
    expect(api.stats.maxInFlight).toBeLessThanOrEqual(8 + 1);
  });

  it(
    "reports a permanent failure with Twilio's code and link, " +
      'and still does the others; regulatory SIDs go with each write',
    async () => {
      const [bad, good] = api.addNumbers(2);
      api.failingWrites.set(bad?.sid ?? '', {
        status: 400,
        code: 21649,
        message: 'Bundle status is not twilio-approved',
      });
      const ctx = contextFor(api, await tempProject());
      const bundleSid = `BU${'1'.repeat(32)}`;
      const results = await applyChanges(
        plan(await ctx.api.listNumbers(), () => attachTarget(URL_)),
        ctx.api.updateNumber,
        { regulatory: { bundleSid }, retry: { baseMs: 1 } },
      );
      expect(results).toEqual([
        {
          sid: bad?.sid,
          phoneNumber: bad?.phone_number,
          outcome: 'failed',
          error: {
            status: 400,
            code: 21649,
            message: 'Bundle status is not twilio-approved',
            moreInfo: 'https://www.twilio.com/docs/errors/21649',
          },
        },
        { sid: good?.sid, phoneNumber: good?.phone_number, outcome: 'changed' },
      ]);
      // 400: not retried
      expect(api.requests.filter((r) => r.method === 'POST' && r.path.includes(bad?.sid ?? ''))).toHaveLength(1);
      expect(api.number(good?.sid ?? '').bundle_sid).toBe(bundleSid);
    },
  );
});
