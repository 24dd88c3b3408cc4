/**
 * Anything unexpected inside a handler is logged with the MessageSid (console.error reaches the
 * Twilio Debugger) and answered <Response/>: never a 500, never a stack trace in the answer.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { fixtures, params } from '../fixtures';
import { handler as autoReply } from '../../functions/auto-reply.protected';
import { handler as forward } from '../../functions/forward.protected';
import { handler as ignore } from '../../functions/ignore.protected';
import { handler as sms } from '../../functions/sms.protected';
import { contextWith, installRuntime, installTwilio, invoke } from '../helpers/runtime-globals';
import { parseTwiml } from '../helpers/twiml';
import { quietConsole } from '../helpers/quiet-console';

const SID = fixtures.sms.MessageSid;
let errors: jest.SpyInstance;

beforeAll(() => installTwilio());
beforeEach(() => {
  errors = quietConsole().error;
  installRuntime(() => ({}));
});
afterEach(() => jest.restoreAllMocks());

/** Checks the answer is <Response/> and that one error line names the MessageSid and the cause. */
async function expectLoggedAndSilent(
  handler: ServerlessFunctionSignature,
  context = contextWith(),
  cause = 'boom',
): Promise<void> {
  const { error, twiml, calls } = await invoke(handler, params(fixtures.sms), context);
  expect(error).toBeNull();
  expect(calls).toBe(1);
  expect(parseTwiml(twiml)).toEqual({ messages: [] });
  expect(twiml).not.toContain(cause);
  const lines = errors.mock.calls.map((call: unknown[]) =>
    call.map((part) => (part instanceof Error ? part.message : String(part))).join(' '),
  );
  expect(lines.some((line) => line.includes(SID) && line.includes(cause))).toBe(true);
}

test('/sms: Runtime.getAssets throwing', async () => {
  installRuntime(() => {
    throw new Error('boom: assets unavailable');
  });
  await expectLoggedAndSilent(sms, contextWith(), 'assets unavailable');
});

test('/sms: the routing asset failing to open', async () => {
  installRuntime(() => ({
    '/routing.json': {
      path: '/nonexistent/routing.json',
      open: () => {
        throw new Error('boom: ENOENT');
      },
    },
  }));
  await expectLoggedAndSilent(sms, contextWith(), 'ENOENT');
});

/** A context whose every variable read throws: the fixed-mode endpoints read nothing else. */
function explodingContext(): ReturnType<typeof contextWith> {
  return new Proxy(contextWith(), {
    get(target, name, receiver) {
      if (typeof name === 'string' && /^[A-Z_]+$/.test(name)) throw new Error(`boom: reading ${name}`);
      return Reflect.get(target, name, receiver);
    },
  });
}

test.each([
  ['/auto-reply', autoReply],
  ['/forward', forward],
  ['/ignore', ignore],
  ['/sms', sms],
])('%s: the context throwing when read', async (_path, handler) => {
  await expectLoggedAndSilent(handler, explodingContext());
});
