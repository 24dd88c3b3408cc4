/**
 * Sync failing at the network level, in the real local runtime, with the account's credentials in
 * `.env` as `npm start` has them: the message is still answered, and the log says what failed (name,
 * code, status, Twilio code, message) without the token, its Basic-auth form, an Authorization header
 * or a full phone number. The SDK built by `context.getTwilioClient()` is sent at the network faults
 * through HTTP_PROXY (see ../helpers/fault-proxy.ts); the DNS failure is answered inside the runtime
 * process by a preload (../helpers/fail-dns.js), so no resolver is ever asked.
 */
import { join } from 'node:path';
import { fixtures, params, RECEIVER, SENDER } from '../fixtures';
import { startFaultProxy, twilioError, type FaultProxy } from '../helpers/fault-proxy';
import { buildOnce, servedProject, type TempProject } from '../helpers/project';
import { freePort, startRuntime, type LocalRuntime, type RuntimeOptions } from '../helpers/runtime';
import { parseTwiml } from '../helpers/twiml';
import { postWebhook } from '../helpers/webhook';
import { leaks } from './log-capture';
import { leaked, SECRETS } from './secrets';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
/** twilio-run hands out a client only for a 32-character token. */
const TOKEN = SECRETS.AUTH_TOKEN.padEnd(32, '0');
const SYNC = 'IS0123456789abcdef0123456789abcdef';
const TARGET = '+15551230001';
const UNRESOLVABLE = 'sync-proxy.switchboard.invalid';
const SID = fixtures.sms.MessageSid;

/** What an Authorization header looks like in any printing of it. */
const AUTHORIZATION = /authorization|basic |bearer /i;

interface Served {
  readonly runtime: LocalRuntime;
  readonly project: TempProject;
}

let built: TempProject;
let proxy: FaultProxy;
const served: Record<'proxied' | 'refused' | 'dns', Served | undefined> = {
  proxied: undefined,
  refused: undefined,
  dns: undefined,
};

async function serveWith(httpProxy: string, options: RuntimeOptions = {}): Promise<Served> {
  const project = await servedProject(built, {
    env: {
      ACCOUNT_SID: ACCOUNT,
      AUTH_TOKEN: TOKEN,
      SYNC_SERVICE_SID: SYNC,
      FORWARD_TO: TARGET,
      // twilio-run replaces the runtime's process.env with .env: this is where the SDK reads it.
      HTTP_PROXY: httpProxy,
    },
  });
  return { project, runtime: await startRuntime(project.dir, options) };
}

beforeAll(async () => {
  built = await buildOnce();
  proxy = await startFaultProxy('reset');
  const [proxied, refused, dns] = await Promise.all([
    serveWith(proxy.url),
    serveWith(`http://127.0.0.1:${await freePort()}`),
    serveWith(`http://${UNRESOLVABLE}:3128`, {
      env: {
        NODE_OPTIONS: `--require ${join(__dirname, '..', 'helpers', 'fail-dns.js')}`,
        FAIL_DNS_HOST: UNRESOLVABLE,
      },
    }),
  ]);
  Object.assign(served, { proxied, refused, dns });
}, 180_000);
afterAll(async () => {
  for (const one of Object.values(served)) {
    await one?.runtime.stop();
    await one?.project.remove();
  }
  await proxy?.close();
  await built?.remove();
});

/**
 * A stranger's message (forwarded; Sync asked to remember the sender) and the target's answer
 * without a number (Sync asked who wrote last): both answered as without memory, and the log of
 * the runtime as it stands once both failures are in it.
 */
async function bothMessages(runtime: LocalRuntime, failure: RegExp): Promise<string> {
  const before = runtime.output().length;
  const stranger = await postWebhook(runtime.url('/forward'), params(fixtures.sms, { Body: 'Is the shop open?' }));
  expect(stranger.status).toBe(200);
  expect(parseTwiml(stranger.body).messages).toEqual([{ to: TARGET, body: `${SENDER}: Is the shop open?`, media: [] }]);
  const answer = await postWebhook(runtime.url('/forward'), params(fixtures.sms, { From: TARGET, Body: 'On my way' }));
  expect(answer.status).toBe(200);
  const [hint, ...rest] = parseTwiml(answer.body).messages;
  expect(rest).toEqual([]);
  expect(hint).toMatchObject({ body: expect.stringMatching(/start with their number/) });
  expect(hint.to).toBeUndefined();
  const line = new RegExp(`${SID}: Twilio Sync failed; routed without memory: ${failure.source}`, 'g');
  const log = (await runtime.outputMatching(new RegExp(`(?:${line.source}[^]*){2}`))).slice(before);
  expect(log.match(line)).toHaveLength(2);
  return log;
}

function expectNothingSecret(log: string): void {
  expect(leaked(log, [ACCOUNT], [TOKEN])).toEqual([]);
  expect(log).not.toMatch(AUTHORIZATION);
  expect(leaks(log, [SENDER, TARGET, RECEIVER])).toEqual([]);
  expect(log).not.toMatch(/%2B/i);
}

test('refused: the proxy port is closed', async () => {
  const { runtime } = served.refused!;
  const log = await bothMessages(runtime, /\w*Error ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+/);
  expectNothingSecret(log);
});

test('DNS failure: the name does not resolve (answered inside the process, no resolver asked)', async () => {
  const { runtime } = served.dns!;
  const log = await bothMessages(runtime, new RegExp(`\\w*Error ENOTFOUND: getaddrinfo ENOTFOUND ${UNRESOLVABLE}`));
  expect(log).toContain(`fail-dns: answered ENOTFOUND for ${UNRESOLVABLE}`);
  expectNothingSecret(log);
});

test('reset: the connection is accepted, then reset', async () => {
  proxy.fault = 'reset';
  proxy.connects.length = 0;
  const log = await bothMessages(served.proxied!.runtime, /\w*Error ECONNRESET: read ECONNRESET/);
  expect(proxy.connects).toEqual(['CONNECT sync.twilio.com:443', 'CONNECT sync.twilio.com:443']);
  expectNothingSecret(log);
});

test('HTTP 5xx: Sync answers 503 with a Twilio error', async () => {
  proxy.fault = twilioError(503, 20503, 'Service Unavailable');
  proxy.connects.length = 0;
  const log = await bothMessages(
    served.proxied!.runtime,
    /RestException \(HTTP 503, Twilio error 20503\): Service Unavailable/,
  );
  expect(proxy.connects).toEqual(['CONNECT sync.twilio.com:443', 'CONNECT sync.twilio.com:443']);
  expectNothingSecret(log);
});

test('hang: accepted, never answered: each message answered without memory, one warning each', async () => {
  proxy.fault = 'hang';
  proxy.connects.length = 0;
  const { runtime } = served.proxied!;
  const before = runtime.output().length;
  const [first, second] = ['SM' + '1'.repeat(32), 'SM' + '2'.repeat(32)];
  const [stranger, answer] = await Promise.all([
    postWebhook(runtime.url('/forward'), params(fixtures.sms, { MessageSid: first, Body: 'Is the shop open?' })),
    postWebhook(runtime.url('/forward'), params(fixtures.sms, { MessageSid: second, From: TARGET, Body: 'On my way' })),
  ]);
  expect(parseTwiml(stranger.body).messages).toEqual([{ to: TARGET, body: `${SENDER}: Is the shop open?`, media: [] }]);
  const [hint, ...rest] = parseTwiml(answer.body).messages;
  expect(rest).toEqual([]);
  expect(hint.to).toBeUndefined();
  expect(hint.body).toMatch(/start with their number/);
  // SYNC_TIMEOUT_MS is not set in this project: the default.
  const warning = (sid: string) => `${sid}: Twilio Sync did not answer within 2000 ms: routed without memory`;
  const log = (
    await runtime.outputMatching(
      new RegExp(`${warning(first)}[^]*${warning(second)}|${warning(second)}[^]*${warning(first)}`),
    )
  ).slice(before);
  for (const sid of [first, second]) {
    expect(log.split(warning(sid))).toHaveLength(2);
    expect(log).not.toContain(`${sid}: Twilio Sync failed`);
  }
  expect(proxy.connects.length).toBeGreaterThanOrEqual(2);
  expectNothingSecret(log);
});
