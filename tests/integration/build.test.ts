/**
 * `npm run build`: refuses an invalid configuration listing every problem, and otherwise writes
 * what deploys: one self-contained, plain CommonJS bundle per function, assets without source maps.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildProject } from '../../src/build/build';
import { REPO, copySources, type TempProject } from '../helpers/project';

const run = promisify(execFile);

describe('npm run build with an invalid configuration', () => {
  let project: TempProject;
  let result: { code: number; output: string };

  beforeAll(async () => {
    project = await copySources('invalid');
    await mkdir(join(project.dir, 'assets'));
    await writeFile(
      join(project.dir, 'assets', 'routing.private.json'),
      JSON.stringify({
        numbers: {
          '5551230000': { mode: 'ignore' },
          '+15005550006': { mode: 'forward', to: ['+15005550006'] },
          '+15005550007': { mode: 'shout' },
          '+15005550008': { mode: 'auto-reply', to: ['+15551230001'] },
        },
      }),
    );
    await writeFile(join(project.dir, '.env'), 'FORWARD_TO=+15551230001,oops\nDEFAULT_MODE=loud\n');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    result = await run(npm, ['run', 'build'], { cwd: project.dir, env: { ...process.env, FORCE_COLOR: '0' } }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (failure: { code?: number; stdout?: string; stderr?: string }) => ({
        code: failure.code ?? 1,
        output: `${failure.stdout ?? ''}${failure.stderr ?? ''}`,
      }),
    );
  });
  afterAll(() => project?.remove());

  test('exits non-zero and says the build was refused', () => {
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Build refused/);
  });

  test.each([
    [
      'the number that is not E.164',
      /error: assets\/routing\.private\.json: numbers\.5551230000: .*not an E\.164 number/,
    ],
    ['the target equal to its receiving number', /error: .*numbers\.\+15005550006\.to: .*receiving number itself/],
    ['the unknown mode', /error: .*numbers\.\+15005550007\.mode: .*"shout" is not a mode/],
    ['the field of another mode', /error: .*numbers\.\+15005550008\.to: belongs to mode "forward"/],
    ['the invalid FORWARD_TO item', /error: FORWARD_TO\[1\]: "oops" is not a target: write an E\.164 number/],
    ['the invalid DEFAULT_MODE', /error: DEFAULT_MODE: .*"loud" is not a mode/],
  ])('lists %s', (_what, line) => {
    expect(result.output).toMatch(line);
  });

  test('writes nothing to deploy', async () => {
    await expect(readdir(join(project.dir, 'dist'))).rejects.toThrow();
  });
});

describe('a successful build', () => {
  let project: TempProject;
  let functions: string[];

  beforeAll(async () => {
    project = await copySources('valid');
    await mkdir(join(project.dir, 'assets'));
    await copyFile(join(REPO, 'examples', 'routing.private.json'), join(project.dir, 'assets', 'routing.private.json'));
    await writeFile(join(project.dir, 'assets', 'widget.js'), 'module.exports = 1;\n');
    await writeFile(join(project.dir, 'assets', 'widget.js.map'), '{"version":3,"sources":["../src/secret.ts"]}');
    const result = await buildProject(project.dir);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    functions = (await readdir(join(project.dir, 'functions'))).filter((f) => f.endsWith('.ts'));
  });
  afterAll(() => project?.remove());

  test('writes one .js per function, named like its source, and nothing else', async () => {
    const built = await readdir(join(project.dir, 'dist', 'functions'));
    expect(built.sort()).toEqual(functions.map((f) => f.replace(/\.ts$/, '.js')).sort());
    expect(built).toEqual(
      expect.arrayContaining([
        'sms.protected.js',
        'auto-reply.protected.js',
        'forward.protected.js',
        'ignore.protected.js',
      ]),
    );
  });

  test('no function requires a project file; a package it requires is one the deployed service installs', async () => {
    const dependencies = Object.keys(
      (JSON.parse(await readFile(join(project.dir, 'package.json'), 'utf8')) as { dependencies: object }).dependencies,
    );
    // twilio is the runtime's Twilio global; libphonenumber-js is loaded on the first relay.
    expect(dependencies).toEqual(expect.arrayContaining(['twilio', 'libphonenumber-js']));
    for (const file of await readdir(join(project.dir, 'dist', 'functions'))) {
      const code = await readFile(join(project.dir, 'dist', 'functions', file), 'utf8');
      const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
      const packageOf = (name: string): string => name.split('/')[0];
      expect([
        file,
        required.filter((name) => !name.startsWith('node:') && !dependencies.includes(packageOf(name))),
      ]).toEqual([file, []]);
      expect(code).not.toMatch(/\.\.\/src|\/src\/routing/);
    }
  });

  test('each function is a plain esbuild bundle: readable, modules marked, nothing compiled at run time', async () => {
    for (const file of await readdir(join(project.dir, 'dist', 'functions'))) {
      const code = await readFile(join(project.dir, 'dist', 'functions', file), 'utf8');
      const lines = code.split('\n');
      // Not minified: many short lines, indented as esbuild prints them.
      expect([file, lines.length > 100, lines.filter((line) => line.startsWith('  ')).length > 20]).toEqual([
        file,
        true,
        true,
      ]);
      // esbuild's marker before each module: the function's source, and the shared code from src/.
      expect(code).toContain(`// functions/${file.replace(/\.js$/, '.ts')}\n`);
      expect(code).toMatch(/^\/\/ src\/routing\/[a-z-]+\.ts$/m);
      // No loader: nothing compiles code from a string, and nothing is kept on the global object.
      expect([file, code.match(/\bFunction\(|\beval\(|\bnode:vm\b|require\("vm"\)|runInThisContext/g)]).toEqual([
        file,
        null,
      ]);
      expect([file, code.match(/globalThis(\[[^\]]*\]|\.\w+)\s*(\?\?|\|\|)?=[^=]/g)]).toEqual([file, null]);
      expect(code).toMatch(/^module\.exports = __toCommonJS\(/m);
    }
  });

  test('each function loads on its own, copied alone into an empty directory', async () => {
    const alone = await mkdtemp(join(tmpdir(), 'sms-switchboard-alone-'));
    try {
      for (const file of await readdir(join(project.dir, 'dist', 'functions'))) {
        await copyFile(join(project.dir, 'dist', 'functions', file), join(alone, file));
        const { stdout } = await run(
          process.execPath,
          ['-e', `process.stdout.write(typeof require(${JSON.stringify(join(alone, file))}).handler)`],
          { cwd: alone },
        );
        expect([file, stdout]).toEqual([file, 'function']);
      }
    } finally {
      await rm(alone, { recursive: true, force: true });
    }
  });

  test('copies the assets, the routing file included, without any source map', async () => {
    const assets = await readdir(join(project.dir, 'dist', 'assets'));
    expect(assets).toEqual(expect.arrayContaining(['routing.private.json', 'widget.js']));
    expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
  });

  test('writes no source map next to the functions either', async () => {
    expect((await readdir(join(project.dir, 'dist', 'functions'))).filter((name) => name.endsWith('.map'))).toEqual([]);
  });
});
