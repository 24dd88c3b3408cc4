/**
 * The functions' memory (src/runtime/memory.ts), in-process with the real SDK against the Sync
 * stand-in: Sync when SYNC_SERVICE_SID is set, all of a message's calls under one deadline
 * (SYNC_TIMEOUT_MS), one warning when Sync does not answer in time, and the answer regardless.
 */
import type { ClientOpts } from 'twilio';
import { handler as autoReply } from '../../functions/auto-reply.protected';
import { handler as forward } from '../../functions/forward.protected';
import { readEnv } from '../../src/config/env';
import { memoryFor, type SyncContext } from '../../src/runtime/memory';
import { clientFor, startSyncStandIn, type SyncStandIn } from '../../src/stand-in/sync-api';
import { fixtures, params, SENDER } from '../fixtures';
import { quietConsole, type QuietConsole } from '../helpers/quiet-console';
import { contextWith, installRuntime, installTwilio, invoke } from '../helpers/runtime-globals';
import { parseTwiml } from '../helpers/twiml';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'memory-test-token-0123456789abcd';
const SERVICE = 'IS0123456789abcdef0123456789abcdef';
const TARGET = '+15551230001';

let sync: SyncStandIn;
let console_: QuietConsole;
/** The options each getTwilioClient call was given. */
let asked: (ClientOpts | undefined)[];

beforeAll(async () => {
  installTwilio();
  // No routing file: the fixed-mode functions read it only for this service's own numbers.
  installRuntime(() => ({}));
  sync = await startSyncStandIn(ACCOUNT, TOKEN, SERVICE);
});
afterAll(() => sync.close());
beforeEach(() => {
  sync.documents.clear();
  sync.calls.length = 0;
  sync.hang = undefined;
  asked = [];
  console_ = quietConsole();
});
afterEach(() => jest.restoreAllMocks());

/** A function's context with Sync configured, its client sent to the stand-in. */
function syncContext(env: Record<string, string> = {}) {
  const client = clientFor(sync.origin, ACCOUNT, TOKEN);
  const variables = { SYNC_SERVICE_SID: SERVICE, FORWARD_TO: TARGET, ...env };
  return Object.assign(contextWith(variables), {
    getTwilioClient: (options?: ClientOpts) => (asked.push(options), client),
  });
}

async function messagesOf(handler: typeof forward, changes: Record<string, string>, context = syncContext()) {
  const { error, calls, twiml } = await invoke(handler, params(fixtures.sms, changes), context);
  expect([error, calls]).toEqual([null, 1]);
  return parseTwiml(twiml).messages;
}

const warnings = () => console_.warn.mock.calls.map((args) => String(args[0]));

describe('memoryFor', () => {
  test('Sync when SYNC_SERVICE_SID is set and the context has the credentials; otherwise none', () => {
    const withSync = readEnv({ SYNC_SERVICE_SID: SERVICE }).env;
    expect(memoryFor(syncContext(), withSync, 'SM1')).toBeDefined();
    expect(memoryFor(syncContext(), readEnv({}).env, 'SM1')).toBeUndefined();
    // "Add my Twilio Credentials" off: no getTwilioClient at all.
    expect(memoryFor({ SYNC_SERVICE_SID: SERVICE }, withSync, 'SM1')).toBeUndefined();
    // Locally without valid credentials, getTwilioClient throws: said once, routed without memory.
    const throwing = contextWith({ SYNC_SERVICE_SID: SERVICE }) as unknown as SyncContext;
    expect(memoryFor(throwing, withSync, 'SM1')).toBeUndefined();
    expect(console_.error).toHaveBeenCalledTimes(1);
  });

  test("gives the SDK client a timeout of its own, longer than the deadline and far below the SDK's 30 s", () => {
    const env = readEnv({ SYNC_SERVICE_SID: SERVICE, SYNC_TIMEOUT_MS: '1500' }).env;
    memoryFor(syncContext(), env, 'SM1');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.timeout).toBeGreaterThan(1500);
    expect(asked[0]?.timeout).toBeLessThan(5000);
  });
});

describe('Sync failing: one error line, by name, code, status and message, without credentials', () => {
  const SID = fixtures.sms.MessageSid;
  const errors = () => console_.error.mock.calls.map((args) => String(args[0]));

  test("the client can't be made (no credentials): routed without memory, the token never printed", async () => {
    const context = Object.assign(contextWith({ SYNC_SERVICE_SID: SERVICE, FORWARD_TO: TARGET, AUTH_TOKEN: TOKEN }), {
      getTwilioClient: () => {
        throw new Error(`no client: ${TOKEN} was refused here`);
      },
    });
    expect(await messagesOf(forward, { Body: 'Open today?' }, context)).toEqual([
      { to: TARGET, body: `${SENDER}: Open today?`, media: [] },
    ]);
    expect(errors()).toEqual([
      `sms-switchboard ${SID}: Twilio Sync is not available (are the account credentials enabled for this service?): ` +
        'Error: no client: (credentials removed) was refused here',
    ]);
  });

  test("an error quoting the client's own password (not among the variables) is printed without it", async () => {
    sync.failWith = 500;
    sync.failMessage = `upstream refused password ${TOKEN}`;
    try {
      // The variables hold no token: only the client knows it.
      expect(await messagesOf(forward, { Body: 'Open today?' })).toEqual([
        { to: TARGET, body: `${SENDER}: Open today?`, media: [] },
      ]);
    } finally {
      sync.failWith = undefined;
      sync.failMessage = undefined;
    }
    expect(errors()).toEqual([
      `sms-switchboard ${SID}: Twilio Sync failed; routed without memory: ` +
        'RestException (HTTP 500, Twilio error 20500): upstream refused password (credentials removed)',
    ]);
    expect(warnings()).toEqual([]);
  });
});

describe('SWITCHBOARD_LOCAL_MEMORY=1 (the local runtime): memory in-process, Sync never touched', () => {
  const local = { SWITCHBOARD_LOCAL_MEMORY: '1', SYNC_TIMEOUT_MS: '50' };

  test('one store for every request, and no client asked for', () => {
    const env = readEnv({ SYNC_SERVICE_SID: SERVICE, ...local }).env;
    const first = memoryFor(syncContext(), env, 'SM1');
    expect(first).toBeDefined();
    expect(memoryFor(syncContext(), env, 'SM2')?.store).toBe(first?.store);
    expect(asked).toEqual([]);
  });

  test('no memory without SYNC_SERVICE_SID, as deployed', () => {
    expect(memoryFor(syncContext(), readEnv(local).env, 'SM1')).toBeUndefined();
  });

  test('relay to the last sender and once-per-sender work across requests, with Sync hanging', async () => {
    sync.hang = true;
    const context = syncContext({ ...local, AUTO_REPLY_ONCE_PER: '1h', AUTO_REPLY_MESSAGE: 'Hi!' });
    const stranger = '+12125550199';
    expect(await messagesOf(forward, { From: stranger, Body: 'Open today?' }, context)).toEqual([
      { to: TARGET, body: `${stranger}: Open today?`, media: [] },
    ]);
    expect(await messagesOf(forward, { From: TARGET, Body: 'Till 6' }, context)).toEqual([
      { to: stranger, body: 'Till 6', media: [] },
    ]);
    expect(await messagesOf(autoReply, { From: stranger }, context)).toEqual([{ body: 'Hi!', media: [] }]);
    expect(await messagesOf(autoReply, { From: stranger }, context)).toEqual([]);
    expect(sync.calls).toEqual([]);
    expect(asked).toEqual([]);
    expect(warnings()).toEqual([]);
    expect(console_.error).not.toHaveBeenCalled();
  });
});

describe('Sync answering', () => {
  test("the target's answer without a number goes to the sender last forwarded to it", async () => {
    expect(await messagesOf(forward, { Body: 'Open today?' })).toEqual([
      { to: TARGET, body: `${SENDER}: Open today?`, media: [] },
    ]);
    expect(await messagesOf(forward, { From: TARGET, Body: 'Till 6' })).toEqual([
      { to: SENDER, body: 'Till 6', media: [] },
    ]);
    expect(warnings()).toEqual([]);
    expect(console_.error).not.toHaveBeenCalled();
  });
});

describe('Sync accepting requests and never answering', () => {
  beforeEach(() => {
    sync.hang = true;
  });

  test('a forward is still answered, with one warning naming the deadline', async () => {
    const context = syncContext({ SYNC_TIMEOUT_MS: '50' });
    expect(await messagesOf(forward, { Body: 'Open today?' }, context)).toEqual([
      { to: TARGET, body: `${SENDER}: Open today?`, media: [] },
    ]);
    expect(sync.calls.length).toBeGreaterThan(0);
    expect(warnings()).toEqual([
      `sms-switchboard ${fixtures.sms.MessageSid}: Twilio Sync did not answer within 50 ms: routed without memory`,
    ]);
    expect(console_.error).not.toHaveBeenCalled();
  });

  test('a read and the writes after it share the one deadline: the target gets the hint, one warning', async () => {
    const context = syncContext({ SYNC_TIMEOUT_MS: '50' });
    const [hint, ...rest] = await messagesOf(forward, { From: TARGET, Body: 'Till 6' }, context);
    expect(rest).toEqual([]);
    expect(hint.to).toBeUndefined();
    expect(hint.body).toMatch(/start with their number/);
    expect(warnings()).toHaveLength(1);
  });

  test('once per sender can not be checked in time: the auto-reply is sent (and so is the next)', async () => {
    const context = syncContext({ SYNC_TIMEOUT_MS: '50', AUTO_REPLY_ONCE_PER: '1h', AUTO_REPLY_MESSAGE: 'Hi!' });
    for (let i = 0; i < 2; i++) {
      expect(await messagesOf(autoReply, {}, context)).toEqual([{ body: 'Hi!', media: [] }]);
    }
    expect(sync.calls.filter((call) => call.startsWith('GET'))).toHaveLength(2);
    // Each message made a read then a write; each logged one warning.
    expect(warnings()).toHaveLength(2);
  });
});
