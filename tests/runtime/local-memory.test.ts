/**
 * The local runtime's memory, in the real `twilio-run start --no-live` (as `npm start` runs it):
 * with SWITCHBOARD_LOCAL_MEMORY=1 the functions remember in-process (relay to the last sender,
 * once-per-sender auto-replies) and never reach Sync, although SYNC_SERVICE_SID and the account's
 * credentials are set. Whatever the SDK would send to Sync goes through HTTP_PROXY to a loopback
 * proxy that records every tunnel asked for (and refuses it): it must record none. The control,
 * the same project without the variable (as deployed), does reach for Sync, and has no memory
 * then, since the proxy refuses.
 */
import { fixtures, params, SENDER } from '../fixtures';
import { startFaultProxy, twilioError, type FaultProxy } from '../helpers/fault-proxy';
import { buildOnce, servedProject, type TempProject } from '../helpers/project';
import { startRuntime, type LocalRuntime } from '../helpers/runtime';
import { parseTwiml, type ParsedMessage } from '../helpers/twiml';
import { postWebhook } from '../helpers/webhook';

const TARGET = '+15551230001';
const SECOND = '+13125550188';

interface Served {
  readonly project: TempProject;
  readonly runtime: LocalRuntime;
  readonly proxy: FaultProxy;
}

let built: TempProject;
const served: { local?: Served; deployed?: Served } = {};

async function serveWith(extra: Record<string, string>): Promise<Served> {
  const proxy = await startFaultProxy(twilioError(503, 20503, 'Service Unavailable'));
  const project = await servedProject(built, {
    env: {
      ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
      AUTH_TOKEN: '0123456789abcdef0123456789abcdef',
      SYNC_SERVICE_SID: 'IS0123456789abcdef0123456789abcdef',
      FORWARD_TO: TARGET,
      AUTO_REPLY_MESSAGE: 'Thanks, we will answer soon.',
      AUTO_REPLY_ONCE_PER: '1h',
      HTTP_PROXY: proxy.url,
      ...extra,
    },
  });
  return { project, proxy, runtime: await startRuntime(project.dir, { args: ['--no-live'] }) };
}

beforeAll(async () => {
  built = await buildOnce();
  const [local, deployed] = await Promise.all([serveWith({ SWITCHBOARD_LOCAL_MEMORY: '1' }), serveWith({})]);
  Object.assign(served, { local, deployed });
}, 180_000);
afterAll(async () => {
  for (const one of [served.local, served.deployed]) {
    await one?.runtime.stop();
    await one?.project.remove();
    await one?.proxy.close();
  }
  await built?.remove();
});

async function messages(
  runtime: LocalRuntime,
  path: string,
  changes: Record<string, string>,
): Promise<readonly ParsedMessage[]> {
  const answer = await postWebhook(runtime.url(path), params(fixtures.sms, changes));
  expect(answer.status).toBe(200);
  return parseTwiml(answer.body).messages;
}

describe('with SWITCHBOARD_LOCAL_MEMORY=1', () => {
  test("a target's conversations are remembered request after request", async () => {
    const { runtime } = served.local!;
    expect(await messages(runtime, '/forward', { Body: 'Open today?' })).toEqual([
      { to: TARGET, body: `${SENDER}: Open today?`, media: [] },
    ]);
    // One person wrote: the answer without a number goes to them.
    expect(await messages(runtime, '/forward', { From: TARGET, Body: 'Till 6' })).toEqual([
      { to: SENDER, body: 'Till 6', media: [] },
    ]);
    expect(await messages(runtime, '/forward', { From: SECOND, Body: 'And tomorrow?' })).toEqual([
      { to: TARGET, body: `${SECOND}: And tomorrow?`, media: [] },
    ]);
    // Two people now: the hint names both (the relay rules, src/routing/relay.ts).
    const [hint, ...rest] = await messages(runtime, '/forward', { From: TARGET, Body: 'Closed' });
    expect(rest).toEqual([]);
    expect(hint.to).toBeUndefined();
    expect(hint.body).toContain(`…${SENDER.slice(-4)}, …${SECOND.slice(-4)}`);
  });

  test('each sender is auto-replied to once per AUTO_REPLY_ONCE_PER', async () => {
    const { runtime } = served.local!;
    const reply = [{ body: 'Thanks, we will answer soon.', media: [] }];
    expect(await messages(runtime, '/auto-reply', {})).toEqual(reply);
    expect(await messages(runtime, '/auto-reply', { Body: 'Hello?' })).toEqual([]);
    expect(await messages(runtime, '/auto-reply', { From: SECOND })).toEqual(reply);
  });

  test('Sync was never reached: no tunnel asked for, nothing logged about it', async () => {
    const { runtime, proxy } = served.local!;
    expect(proxy.connects).toEqual([]);
    expect(runtime.output()).not.toMatch(/Sync/);
  });
});

describe('control: the same project without it, as deployed', () => {
  test('the functions reach for Sync, and without an answer they have no memory', async () => {
    const { runtime, proxy } = served.deployed!;
    expect(await messages(runtime, '/forward', { Body: 'Open today?' })).toEqual([
      { to: TARGET, body: `${SENDER}: Open today?`, media: [] },
    ]);
    const [hint] = await messages(runtime, '/forward', { From: TARGET, Body: 'Till 6' });
    expect(hint.body).toMatch(/start with their number/);
    expect(proxy.connects).toContain('CONNECT sync.twilio.com:443');
    expect(await runtime.outputMatching(/Twilio Sync failed/)).toMatch(/Twilio Sync failed/);
  });
});
