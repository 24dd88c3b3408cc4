/**
 * The configuration the functions run with (src/runtime/config.ts): parsed once per change of the
 * variables or the routing file, its problems logged when it is parsed (not once per message),
 * the routing asset read once per asset path.
 */
import { handler as sms } from '../../functions/sms.protected';
import { checkForBuild, loadConfig } from '../../src/config/load';
import { fixtures, params } from '../fixtures';
import { quietConsole, type QuietConsole } from '../helpers/quiet-console';
import { answerOf, installRuntime, installTwilio } from '../helpers/runtime-globals';

const A = '+15551230001';
const B = '+15551230002';
const DEFAULT_REPLY = 'Thanks for your message. We have received it and will get back to you soon.';

let console_: QuietConsole;
const lines = (spy: jest.SpyInstance): string[] => spy.mock.calls.map((call: unknown[]) => call.join(' '));

beforeAll(() => installTwilio());
beforeEach(() => {
  console_ = quietConsole();
  installRuntime(() => ({}));
});
afterEach(() => jest.restoreAllMocks());

test('a configuration error is logged once, when the configuration is read, with its place', async () => {
  const env = { DEFAULT_MODE: 'shout' };
  for (let i = 0; i < 3; i++)
    expect((await answerOf(sms, params(fixtures.sms), env)).messages).toEqual([{ body: DEFAULT_REPLY, media: [] }]);
  expect(lines(console_.error)).toEqual([
    'sms-switchboard (no MessageSid): configuration error: DEFAULT_MODE: "shout" is not a mode: ' +
      'use "auto-reply", "forward" or "ignore"',
  ]);
});

test('a change of a variable is seen at the next message; its problems are logged once per change', async () => {
  const forwardTo = async (to: string) =>
    (await answerOf(sms, params(fixtures.sms), { DEFAULT_MODE: 'forward', FORWARD_TO: to })).messages.map(
      (message) => message.to,
    );
  expect(await forwardTo(A)).toEqual([A]);
  expect(await forwardTo(B)).toEqual([B]);
  expect(await forwardTo('not a number')).toEqual([]);
  expect(await forwardTo('not a number')).toEqual([]);
  // The two messages with the same (wrong) FORWARD_TO: one read, its problems logged once.
  expect(lines(console_.error)).toEqual([
    'sms-switchboard (no MessageSid): configuration error: FORWARD_TO[0]: "not a number" is not a target: ' +
      'write an E.164 number (+15551230000), an email address (owner@example.com) or slack',
    'sms-switchboard (no MessageSid): configuration error: DEFAULT_MODE: is "forward" but FORWARD_TO is not set: ' +
      'numbers not in the routing file would be forwarded nowhere; set FORWARD_TO',
  ]);
});

test("loadConfig finds no warnings (they are the build's), so the functions log none", async () => {
  const env = { FORWARD_TEMPLATE: 'From {From}: {Body}', SWITCHBOARD_LOCAL_MEMORY: '1' };
  expect(checkForBuild(env).map((problem) => `${problem.level} ${problem.where}`)).toEqual([
    'warning FORWARD_TO',
    'warning SWITCHBOARD_LOCAL_MEMORY',
  ]);
  expect(loadConfig(env).problems).toEqual([]);
  expect((await answerOf(sms, params(fixtures.sms), env)).messages).toEqual([{ body: DEFAULT_REPLY, media: [] }]);
  expect(lines(console_.error)).toEqual([]);
});

test('the routing asset is read once per asset path: a new path (a new deploy) is read anew', async () => {
  // The runtime's asset paths: one per deployed build.
  const first = { path: '/var/task/assets/build-1/routing.json' };
  const second = { path: '/var/task/assets/build-2/routing.json' };
  const opened: string[] = [];
  const asset = (path: string, text: string) => ({ path, open: () => (opened.push(path), text) });
  const serve = (path: string, message: string) =>
    installRuntime(() => ({
      '/routing.json': asset(path, JSON.stringify({ numbers: { [fixtures.sms.To]: { mode: 'auto-reply', message } } })),
    }));

  serve(first.path, 'One');
  for (let i = 0; i < 3; i++)
    expect((await answerOf(sms, params(fixtures.sms))).messages).toEqual([{ body: 'One', media: [] }]);
  // Same path, other content: a deployed asset never changes under its path, so it is not read again.
  serve(first.path, 'Changed');
  expect((await answerOf(sms, params(fixtures.sms))).messages).toEqual([{ body: 'One', media: [] }]);
  serve(second.path, 'Two');
  expect((await answerOf(sms, params(fixtures.sms))).messages).toEqual([{ body: 'Two', media: [] }]);
  expect(opened).toEqual([first.path, second.path]);
});
