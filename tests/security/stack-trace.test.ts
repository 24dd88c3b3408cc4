/**
 * No stack trace, error message or file path reaches a sender or an HTTP answer: an internal error
 * is forced in the real local runtime (the routing asset turned unreadable after start-up) and
 * in-process (the runtime's getAssets throwing, Sync failing), and the answer stays <Response/>.
 * A control function that throws shows what the local runtime would otherwise send.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadBuilt, type Built } from '../properties/built';
import { buildOnce, servedProject, type TempProject } from '../helpers/project';
import { contextWith, installRuntime, invoke } from '../helpers/runtime-globals';
import { startRuntime, type LocalRuntime } from '../helpers/runtime';
import { parseTwiml } from '../helpers/twiml';
import { postWebhook } from '../helpers/webhook';
import { quietConsole } from '../helpers/quiet-console';

const SMS = {
  MessageSid: 'SM0123456789abcdef0123456789abcdef',
  From: '+12125550143',
  To: '+15005550006',
  Body: 'hello',
};
/** What a leaked error looks like: a stack frame, an error name, a file path. */
const LEAK = /\bat .*:\d+:\d+|\w*Error\b|EISDIR|boom|\/[\w.-]+\.js\b/;

describe('the real local runtime', () => {
  let built: TempProject;
  let served: TempProject;
  let runtime: LocalRuntime;
  beforeAll(async () => {
    built = await buildOnce();
    served = await servedProject(built, {
      routing: { numbers: { '+15005550006': { mode: 'auto-reply', message: 'Hi' } } },
    });
    // The control: a public function that throws, as a careless handler would.
    await writeFile(
      join(served.dir, 'dist', 'functions', 'throws.js'),
      "exports.handler = () => { throw new Error('boom: control failure'); };",
    );
    runtime = await startRuntime(served.dir);
  }, 120_000);
  afterAll(async () => {
    await runtime?.stop();
    await served?.remove();
    await built?.remove();
  });

  test('control: a throwing function gets a 500 carrying its stack trace', async () => {
    const answer = await postWebhook(runtime.url('/throws'), SMS);
    expect(answer.status).toBe(500);
    expect(answer.body).toMatch(LEAK);
  });

  test('the private routing asset is not served over HTTP', async () => {
    const answer = await fetch(runtime.url('/routing.json'));
    expect(answer.status).not.toBe(200);
    expect(await answer.text()).not.toContain('+15005550006');
  });

  test('/sms with its routing asset unreadable answers 200 <Response/>, the error only in the log', async () => {
    expect(parseTwiml((await postWebhook(runtime.url('/sms'), SMS)).body).messages).toEqual([
      { body: 'Hi', media: [] },
    ]);
    const asset = join(served.dir, 'dist', 'assets', 'routing.private.json');
    await rm(asset);
    await mkdir(asset); // reading it now throws EISDIR inside the handler
    const answer = await postWebhook(runtime.url('/sms'), SMS);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/xml/);
    expect(parseTwiml(answer.body).messages).toEqual([]);
    expect(answer.body).not.toMatch(LEAK);
    expect(runtime.output()).toMatch(
      new RegExp(`${SMS.MessageSid}: answered <Response/> after an unexpected error.*EISDIR`),
    );
  });
});

describe('in-process, each built function', () => {
  let functions: Built;
  beforeAll(async () => {
    functions = await loadBuilt();
  }, 120_000);
  afterAll(() => functions?.project.remove());
  beforeEach(() => {
    quietConsole();
  });
  afterEach(() => jest.restoreAllMocks());

  test.each(['auto-reply', 'forward', 'ignore', 'sms'] as const)(
    '%s: an error thrown by the runtime itself stays out of the answer',
    async (endpoint) => {
      installRuntime(() => {
        throw new Error('boom: /var/task/assets unavailable');
      });
      const context = new Proxy(contextWith({ FORWARD_TO: '+15551230001' }), {
        get(target, name, receiver) {
          if (name === 'DEFAULT_MODE') throw new TypeError('boom: context broken at /var/task/handlers/x.js:1:2');
          return Reflect.get(target, name, receiver);
        },
      });
      const { error, twiml, calls } = await invoke(functions.handler(endpoint), SMS, context);
      expect([error, calls]).toEqual([null, 1]);
      expect(parseTwiml(twiml).messages).toEqual([]);
      expect(twiml).not.toMatch(LEAK);
      // /ignore reads neither the context nor the assets: nothing of the broken runtime is touched.
      if (endpoint === 'ignore') expect(console.error).not.toHaveBeenCalled();
      else expect(console.error).toHaveBeenCalled();
    },
  );
});
