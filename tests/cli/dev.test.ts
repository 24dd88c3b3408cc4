// `npm run dev` as a child process in a copy of the project: each edit, however the editor saves
// it, must become the answer without a restart by hand, and a broken edit must leave the last good
// build serving.
import { execFile } from 'node:child_process';
import { appendFile, copyFile, rename, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { listeningAddresses } from './listening';
import {
  cleanEnv,
  copyProject,
  eventually,
  freePort,
  postForm,
  REPO,
  removeProject,
  startCli,
  type Running,
} from './sms-project';

const run = promisify(execFile);
const count = (text: string, part: string): number => text.split(part).length - 1;

/** The answer's text, once the server answers at all. */
async function answer(url: string): Promise<string | undefined> {
  return (
    await postForm(url, { From: '+15551230000', To: '+15005550006', Body: 'Hello', MessageSid: 'SM' + '0'.repeat(32) })
  )?.text;
}

const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => server.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });

describe('npm run dev', () => {
  let dir: string;
  let dev: Running;
  let port: number;
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  /** Waits for the dev server to print `line` once more than it had, i.e. for the build after an edit. */
  const printsAgain = (line: string) => {
    const before = count(dev.output(), line);
    return eventually(`"${line}" in the dev output`, () => (count(dev.output(), line) > before ? true : undefined));
  };
  const answersWith = (path: string, text: string) =>
    eventually(`${path} to answer with "${text}"\n${dev.output()}`, async () =>
      (await answer(url(path)))?.includes(text) ? true : undefined,
    );

  beforeAll(async () => {
    dir = await copyProject();
    await writeFile(join(dir, '.env'), 'AUTO_REPLY_MESSAGE=First text\n');
    port = await freePort();
    dev = startCli('dev', dir, cleanEnv({ PORT: String(port) }));
  });

  afterAll(async () => {
    await dev?.stop();
    await removeProject(dir);
  });

  it('builds and serves', async () => {
    await answersWith('/sms', 'First text');
    // The banner follows the runtime's start; it may come a moment after the first answer.
    await eventually('the banner', () =>
      dev.output().includes(`SMS Switchboard is serving on http://127.0.0.1:${port}`) ? true : undefined,
    );
    // This machine only: the local runtime checks no signature.
    expect(await listeningAddresses(port)).toEqual(['127.0.0.1']);
  });

  it('rebuilds on every kind of save, again and again: in place, rename over, sed -i, delete and create', async () => {
    const file = join(dir, 'functions', 'ignore.protected.ts');
    const source = (text: string): string =>
      'export const handler = (_context: unknown, _event: unknown, callback: (e: null, r: unknown) => void) => {\n' +
      '  const response = new Twilio.twiml.MessagingResponse();\n' +
      `  response.message('${text}');\n` +
      '  callback(null, response);\n};\n';
    /** Each way an editor saves; `previous` is the text the file answers now. */
    const saves: Record<string, (text: string, previous: string) => Promise<unknown>> = {
      'in place': (text) => writeFile(file, source(text)),
      // vim, VS Code's atomic save: a new file renamed over the old one.
      'rename over': async (text) => {
        await writeFile(`${file}.tmp`, source(text));
        await rename(`${file}.tmp`, file);
      },
      'sed -i': (text, previous) => run('sed', ['-i', `s/${previous}/${text}/`, file]),
      'delete and create': async (text) => {
        await unlink(file);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await writeFile(file, source(text));
      },
    };
    // The bug this guards: after one rename-save, later saves of the same file were not seen.
    const order = ['rename over', 'in place', 'sed -i', 'in place', 'delete and create', 'in place', 'rename over'];
    let previous = 'Not edited yet';
    await writeFile(file, source(previous));
    await answersWith('/ignore', previous);
    for (const [i, kind] of [...order, 'sed -i', 'in place'].entries()) {
      const text = `Edited ${i + 1} ${kind.replace(/[^a-z ]/g, '')}`;
      const restarted = printsAgain('Restarted the local runtime on');
      await saves[kind](text, previous);
      await answersWith('/ignore', text);
      await restarted;
      previous = text;
    }
  });

  it('serves a new routing file, then each of its edits', async () => {
    const routing = (number: string, message: string) =>
      JSON.stringify({ numbers: { [number]: { mode: 'auto-reply', message } } });
    const restarted = printsAgain('Restarted the local runtime on');
    await writeFile(join(dir, 'assets', 'routing.private.json'), routing('+15005550006', 'Routed text'));
    await restarted;
    await answersWith('/sms', 'Routed text');
    await writeFile(join(dir, 'assets', 'routing.private.json'), routing('+15005550006', 'Edited routed text'));
    await answersWith('/sms', 'Edited routed text');
    // Edited again, it routes another number: this one falls back to AUTO_REPLY_MESSAGE.
    await writeFile(join(dir, 'assets', 'routing.private.json'), routing('+15005550009', 'Routed text'));
    await answersWith('/sms', 'First text');
  });

  it('restarts the runtime when .env changes (it reads .env only at start)', async () => {
    const restarted = printsAgain('Restarted the local runtime');
    await writeFile(join(dir, '.env'), 'AUTO_REPLY_MESSAGE=Second text\n');
    await answersWith('/sms', 'Second text');
    await restarted;
  });

  it('keeps the last good build serving after a configuration error', async () => {
    const rebuilt = printsAgain('Not rebuilt: fix the configuration errors above');
    await writeFile(join(dir, '.env'), 'AUTO_REPLY_MESSAGE=Third text\nDEFAULT_MODE=sometimes\n');
    await rebuilt;
    expect(dev.output()).toContain('DEFAULT_MODE');
    expect(await answer(url('/sms'))).toContain('Second text');
  });

  it('keeps the last good build serving after a syntax error, and recovers', async () => {
    await writeFile(join(dir, '.env'), 'AUTO_REPLY_MESSAGE=Fourth text\n');
    await answersWith('/sms', 'Fourth text');
    const failed = printsAgain('Not rebuilt: fix the error above');
    await appendFile(join(dir, 'functions', 'sms.protected.ts'), '\nthis is not TypeScript(\n');
    await failed;
    expect(dev.output()).toMatch(/functions\/sms\.protected\.ts:\d+:\d+: ERROR/);
    expect(await answer(url('/sms'))).toContain('Fourth text');
    expect(await answer(url('/ignore'))).toContain('Edited');

    const rebuilt = printsAgain('Built in');
    await copyFile(join(REPO, 'functions', 'sms.protected.ts'), join(dir, 'functions', 'sms.protected.ts'));
    await rebuilt;
    await answersWith('/sms', 'Fourth text');
  });

  it('stops the runtime with itself', async () => {
    expect(await dev.stop()).toBe(0);
    expect(await portIsFree(port)).toBe(true);
  });
});
