/**
 * attach and restore against an unreliable Twilio: random 5xx and 429s, connection resets (some
 * after the write landed), requests never answered; some numbers in a Messaging Service that
 * answers for them, handled each of the three ways. Whatever happens: the first run's backup, on
 * disk before its first write, holds every number and service it may write as they were; no
 * number is reported changed unless it is attached and reachable; a rerun of attach finishes the
 * job; restoring that first backup (rerun until it reports no failure) returns every number and
 * every service exactly as they were; no field outside SMS routing is ever sent to a number.
 */
import fc from 'fast-check';
import { attachNumbers } from '../../src/numbers/attach';
import { restoreNumbers } from '../../src/numbers/restore';
import type { RunReport } from '../../src/numbers/types';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import type { NumberResource } from '../../src/stand-in/twilio-shapes';
import { ALL_CASES, settings } from '../properties/settings';
import { accountState } from '../helpers/numbers-state';
import { attached, differences, foreignParameters, seedAccount, smsRouting, URL_ } from './account';
import { backups, contextFor, readBackupFile, tempDir } from './world';

const faults = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  count: fc.integer({ min: 1, max: 40 }),
  serverErrorRate: fc.constantFrom(0, 0.1, 0.25, 0.5),
  resetRate: fc.constantFrom(0, 0.05, 0.2),
  hangRate: fc.constantFrom(0, 0.02, 0.05),
  maxConcurrency: fc.integer({ min: 2, max: 10 }),
  chooseAll: fc.boolean(),
  mode: fc.constantFrom('defer' as const, 'url' as const, 'skip' as const),
});
type Faults = typeof faults extends fc.Arbitrary<infer T> ? T : never;

function breakApi(api: TwilioApiStandIn, f: Faults): void {
  const { serverErrorRate, resetRate, hangRate, maxConcurrency } = f;
  // A little latency, so that concurrent updates overlap and meet the concurrency limit (429).
  Object.assign(api.knobs, { serverErrorRate, resetRate, hangRate, maxConcurrency, latencyMs: [0, 4] });
}
function healApi(api: TwilioApiStandIn): void {
  Object.assign(api.knobs, {
    serverErrorRate: 0,
    resetRate: 0,
    hangRate: 0,
    maxConcurrency: Infinity,
    latencyMs: [0, 0],
  });
}

/** A run whose listing kept failing throws before any write; that is a run that wrote nothing. */
async function attempt(run: () => Promise<RunReport>): Promise<RunReport | undefined> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Error && e.name === 'InputError') throw e;
    return undefined;
  }
}

/** A number reported changed really is as the run asked. */
function honest(
  report: RunReport | undefined,
  api: TwilioApiStandIn,
  want: (sid: string) => Record<string, string>,
): string[] {
  return (report?.results ?? [])
    .filter(
      (r) => r.outcome === 'changed' && JSON.stringify(smsRouting(api.number(r.sid))) !== JSON.stringify(want(r.sid)),
    )
    .map((r) => `${r.phoneNumber} reported changed but is not`);
}

/** A number reported changed in the service that answers for it: the service must now lead to the function. */
function reachable(
  report: RunReport | undefined,
  api: TwilioApiStandIn,
  serviceNumbers: ReadonlySet<string>,
): string[] {
  const [service] = api.allServices().filter((s) => s.friendly_name === 'Marketing');
  const leads = service?.use_inbound_webhook_on_number === true || service?.inbound_request_url === URL_;
  return (report?.results ?? [])
    .filter((r) => r.outcome === 'changed' && serviceNumbers.has(r.sid) && !leads)
    .map((r) => `${r.phoneNumber} reported changed but its Messaging Service still answers elsewhere`);
}

/** What the faults did over all runs: each kind must have happened, or the test proved nothing. */
const seen = { serverErrors: 0, throttled: 0, resets: 0, hung: 0, failedNumbers: 0, failedListings: 0, restored: 0 };

test('attach, rerun, restore the first backup: every number exactly as it was, whatever fails', async () => {
  await fc.assert(
    fc.asyncProperty(faults, async (f) => {
      const api = await TwilioApiStandIn.start({ seed: f.seed });
      const project = await tempDir();
      try {
        const before = seedAccount(api, f.count);
        const originalState = accountState(api);
        const chosen = f.chooseAll ? before : before.filter((_, i) => i % 3 !== 2);
        // seedAccount puts every fifth number in "Marketing", which answers for them.
        const inService = new Set(before.filter((_, i) => i % 5 === 0).map((n) => n.sid));
        const skipped = new Set(f.mode === 'skip' ? chosen.filter((n) => inService.has(n.sid)).map((n) => n.sid) : []);
        const wasOf = new Map(before.map((n) => [n.sid, n] as const));
        const originally = (sid: string) => smsRouting(wasOf.get(sid) as NumberResource);
        // Two tries a request: failures outlast the retries often enough to leave runs half done.
        const ctx = contextFor(api, project.dir, 2);
        const request = {
          url: URL_,
          numbers: f.chooseAll ? ('all' as const) : chosen.map((n) => n.phone_number),
          command: 'attach (fault test)',
          messagingService: f.mode,
        };

        breakApi(api, f);
        const first = await attempt(() => attachNumbers(ctx, request));
        const written = api.writes();
        if (first === undefined) seen.failedListings++;
        seen.failedNumbers += first?.results.filter((r) => r.outcome === 'failed').length ?? 0;
        const [firstBackup] = await backups(project.dir);
        // The backup exists whenever anything was written, and holds the state before the first write.
        if (written > 0) {
          expect(first?.backup ?? firstBackup).toBe(firstBackup);
          const saved = await readBackupFile(project.dir, firstBackup);
          expect(saved.numbers.map((n) => n.sid).sort()).toEqual(
            chosen
              .filter((n) => !skipped.has(n.sid))
              .map((n) => n.sid)
              .sort(),
          );
          const touchesService = f.mode !== 'skip' && chosen.some((n) => inService.has(n.sid));
          expect(saved.services.map((s) => s.friendlyName)).toEqual(touchesService ? ['Marketing'] : []);
          for (const n of saved.numbers) {
            const { sid: _sid, phoneNumber: _p, ...fields } = n;
            expect(fields).toEqual({
              smsUrl: originally(n.sid).sms_url,
              smsMethod: originally(n.sid).sms_method,
              smsFallbackUrl: originally(n.sid).sms_fallback_url,
              smsFallbackMethod: originally(n.sid).sms_fallback_method,
              smsApplicationSid: originally(n.sid).sms_application_sid,
            });
          }
        }
        expect(honest(first, api, (sid) => attached(wasOf.get(sid) as NumberResource))).toEqual([]);
        expect(reachable(first, api, inService)).toEqual([]);

        healApi(api);
        const rerun = await attachNumbers(ctx, request);
        expect(rerun.results.filter((r) => r.outcome === 'failed')).toEqual([]);
        const unchosen = new Set([...before.filter((n) => !chosen.includes(n)).map((n) => n.sid), ...skipped]);
        expect(differences(api, before, (n) => (unchosen.has(n.sid) ? smsRouting(n) : attached(n)))).toEqual([]);
        // the first run wrote nothing: there is nothing of it to restore
        if (written === 0 && firstBackup === undefined) return;
        const restoreFrom = firstBackup ?? (await backups(project.dir))[0];

        breakApi(api, f);
        const restore = { backupPath: restoreFrom, command: 'restore (fault test)' };
        const undo = await attempt(() => restoreNumbers(ctx, restore));
        expect(honest(undo, api, originally)).toEqual([]);
        healApi(api);
        const again = await restoreNumbers(ctx, restore);
        expect(again.results.filter((r) => r.outcome === 'failed')).toEqual([]);
        expect(differences(api, before, smsRouting)).toEqual([]);
        expect(accountState(api)).toEqual(originalState);
        expect(foreignParameters(api)).toEqual([]);
        seen.restored++;
      } finally {
        for (const key of ['serverErrors', 'throttled', 'resets', 'hung'] as const) seen[key] += api.stats[key];
        await api.close();
        await project.remove();
      }
    }),
    settings(25),
  );
  // Every kind of fault drawn at least once: with all cases (a tenth of them, under mutation testing, may miss one).
  if (ALL_CASES)
    expect(
      Object.entries(seen)
        .filter(([, times]) => times === 0)
        .map(([what]) => what),
    ).toEqual([]);
}, 300_000);
