/**
 * The policy each message is decided by (src/config/resolve.ts), whole: what a fixed-mode endpoint,
 * a listed number, an invalid entry and business hours take from the environment and the file.
 */
import { loadConfig } from '../../src/config/load';
import { policyForMode, policyForNumber } from '../../src/config/resolve';

const N = '+15005550006';
const M = '+15005550007';
const A = '+15551230001';
const SID = 'IS0123456789abcdef0123456789abcdef';
const TWELVE_HOURS = 12 * 3600;

const configOf = (env: Record<string, string>, routing?: object) =>
  loadConfig(env, routing === undefined ? undefined : JSON.stringify(routing)).config;

describe('a fixed-mode endpoint (/forward, /auto-reply)', () => {
  test("takes the environment's rule, no lists and no keywords; the file only names our own numbers", () => {
    const config = configOf(
      { FORWARD_TO: A, SYNC_SERVICE_SID: SID, AUTO_REPLY_ONCE_PER: '12h' },
      { block: ['+1900*'], keywords: { HOURS: 'Open 9-5' }, numbers: { [N]: { mode: 'ignore' } } },
    );
    expect(policyForMode(config, 'forward')).toStrictEqual({
      block: [],
      allow: [],
      keywords: new Map(),
      rule: { mode: 'forward', to: [A], template: '{From}: {Body}' },
      replyOncePer: TWELVE_HOURS,
      ownNumbers: new Set([N]),
    });
  });

  test('AUTO_REPLY_ONCE_PER without Sync replies every time: nothing could remember', () => {
    expect(policyForMode(configOf({ AUTO_REPLY_ONCE_PER: '12h' }), 'auto-reply').replyOncePer).toBeUndefined();
  });
});

describe('a number of the routing file', () => {
  test('an invalid entry ignores, with no lists, no keywords and no reply-once', () => {
    const config = configOf(
      { SYNC_SERVICE_SID: SID, AUTO_REPLY_ONCE_PER: '12h' },
      { block: ['+1900*'], numbers: { [N]: { mode: 'forward', to: ['nobody'] } } },
    );
    expect(policyForNumber(config, N)).toStrictEqual({
      block: [],
      allow: [],
      keywords: new Map(),
      rule: { mode: 'ignore' },
      ownNumbers: new Set([N]),
    });
  });

  test('no list anywhere: no number is blocked or allowed', () => {
    const policy = policyForNumber(configOf({}, { numbers: { [N]: { mode: 'ignore' } } }), N);
    expect([policy.block, policy.allow]).toStrictEqual([[], []]);
  });

  test("the file's block list and the entry's add up; the entry's allow list replaces the file's", () => {
    const config = configOf(
      {},
      { block: ['+1900*'], allow: ['+1555*'], numbers: { [N]: { block: [A], allow: [M] }, [M]: {} } },
    );
    expect(policyForNumber(config, N)).toMatchObject({ block: ['+1900*', A], allow: [M] });
    expect(policyForNumber(config, M)).toMatchObject({ block: ['+1900*'], allow: ['+1555*'] });
  });

  test("AUTO_REPLY_ONCE_PER applies to an entry without its own only with Sync; the entry's own wins", () => {
    const routing = { numbers: { [N]: {}, [M]: { replyOncePer: '30m' } } };
    expect(policyForNumber(configOf({ AUTO_REPLY_ONCE_PER: '12h' }, routing), N).replyOncePer).toBeUndefined();
    const withSync = configOf({ AUTO_REPLY_ONCE_PER: '12h', SYNC_SERVICE_SID: SID }, routing);
    expect(policyForNumber(withSync, N).replyOncePer).toBe(TWELVE_HOURS);
    expect(policyForNumber(withSync, M).replyOncePer).toBe(30 * 60);
  });

  test('business hours: every window parsed, in order; closed dates as a set, none when left out', () => {
    const outside = { mode: 'ignore' };
    const config = configOf(
      {},
      {
        numbers: {
          [N]: {
            hours: { timeZone: 'Asia/Kolkata', open: ['Mon-Fri 09:00-17:30', 'Sat 10:00-14:00'], outside },
          },
          [M]: { hours: { timeZone: 'UTC', open: ['Daily 00:00-24:00'], closed: ['2026-12-25'], outside } },
        },
      },
    );
    expect(policyForNumber(config, N).hours).toStrictEqual({
      schedule: {
        timeZone: 'Asia/Kolkata',
        windows: [
          { days: [1, 2, 3, 4, 5], start: 9 * 60, end: 17 * 60 + 30 },
          { days: [6], start: 10 * 60, end: 14 * 60 },
        ],
        closed: new Set(),
      },
      outside: { mode: 'ignore' },
    });
    expect(policyForNumber(config, M).hours?.schedule.closed).toStrictEqual(new Set(['2026-12-25']));
  });
});
