/**
 * A built function file carries its bundle as a comment and compiles it once per process and
 * build (src/build/reuse.ts): loaded again after its require cache entry is gone (twilio-run
 * --live), it hands back the same exports; a different build under the same path is compiled anew.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { reusable } from '../../src/build/reuse';
import { RELOADS_KEY } from '../../src/runtime/reloads';

const run = promisify(execFile);

/** A CommonJS bundle as esbuild writes it, with a comment closer and a backslash in its strings. */
const bundle = (answer: string): string =>
  `"use strict";\nlet calls = 0;\nconst pattern = /a*/g;\n` +
  `module.exports.handler = () => ({ answer: ${JSON.stringify(answer)}, calls: ++calls, closer: "*/", ` +
  `path: "C:\\\\temp", strict: (function () { return this === undefined; })(), ` +
  'self: this === module.exports, file: __filename, pattern });\n';

/**
 * Runs `script` in a plain Node process (real require cache, as twilio-run has),
 * `load()` defined: its stdout as JSON.
 */
async function inNode(file: string, script: string, flags: readonly string[] = []): Promise<unknown> {
  const prelude = `const file = ${JSON.stringify(file)};
const load = () => { delete require.cache[file]; return require(file); };
const loads = () => globalThis[Symbol.for(${JSON.stringify(RELOADS_KEY)})].loads;
const print = (value) => process.stdout.write(JSON.stringify(value));
`;
  const { stdout } = await run(process.execPath, [...flags, '-e', prelude + script]);
  return JSON.parse(stdout) as unknown;
}

describe('a reusable function file', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sms-switchboard-reuse-'));
    file = join(dir, 'answer.protected.js');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    'runs the bundle as Node runs CommonJS (this is module.exports): ' + 'exports, strings and patterns intact, strict',
    async () => {
      await writeFile(file, reusable(bundle('first')));
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the built CommonJS file by path
      const { handler } = require(file) as { handler: () => Record<string, unknown> };
      expect(handler()).toEqual({
        answer: 'first',
        calls: 1,
        closer: '*/',
        path: 'C:\\temp',
        strict: true,
        self: true,
        file,
        pattern: /a*/g,
      });
    },
  );

  it('keeps the bundle in a comment, so loading it parses no code of the bundle', () => {
    const text = reusable(bundle('first'));
    // Everything after the loader is one function whose body is one comment.
    expect(text).toMatch(/\nfunction bundle\(\)\{\/\*"use strict";[^]*\*\/\}\n$/);
    expect(text.slice(text.indexOf('function bundle(){/*') + 20, -4)).not.toContain('*/');
  });

  it(
    'hands back the same exports, state kept, ' + 'each time it is loaded again after the require cache was emptied',
    async () => {
      await writeFile(file, reusable(bundle('first')));
      const out = await inNode(
        file,
        `const first = load(); const a = first.handler().calls;
const again = load(); const b = again.handler().calls;
print({ same: first === again, a, b, loads: loads() });`,
      );
      expect(out).toEqual({ same: true, a: 1, b: 2, loads: 2 });
    },
  );

  it('compiles a new build written under the same path', async () => {
    await writeFile(file, reusable(bundle('first')));
    const out = await inNode(
      file,
      `const old = load(); old.handler();
require('fs').writeFileSync(file, ${JSON.stringify(reusable(bundle('second')))});
const fresh = load();
print({ same: old === fresh, answer: fresh.handler().answer, calls: fresh.handler().calls });`,
    );
    expect(out).toEqual({ same: false, answer: 'second', calls: 2 });
  });

  it('loads where code generation from strings is disabled (through node:vm)', async () => {
    await writeFile(file, reusable(bundle('third')));
    const out = await inNode(
      file,
      `let blocked = false; try { new Function('1'); } catch { blocked = true; }
const { answer, strict, self, closer } = load().handler();
print({ blocked, answer, strict, self, closer, same: load() === load() });`,
      ['--disallow-code-generation-from-strings'],
    );
    expect(out).toEqual({ blocked: true, answer: 'third', strict: true, self: true, closer: '*/', same: true });
  });

  it('names the file in stack traces of the bundle', async () => {
    await writeFile(file, reusable('"use strict";\nmodule.exports.handler = () => { throw new Error("boom"); };\n'));
    const out = await inNode(file, `try { load().handler(); print(''); } catch (error) { print(error.stack); }`);
    expect(out).toContain(`at module.exports.handler (${file}:`);
  });
});
