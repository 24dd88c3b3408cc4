import { build as bundle } from 'esbuild';
import { access, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkForBuild } from '../config/load';
import { hasErrors, type Problem } from '../config/problem';
import { ROUTING_FILE } from '../config/routing-file';
import { copyAssets } from './assets';
import { readDotenv } from './dotenv';

export interface BuildResult {
  readonly ok: boolean;
  readonly problems: readonly Problem[];
  /** Built function files, relative to the project root. */
  readonly functions: readonly string[];
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

async function readOptional(path: string): Promise<string | undefined> {
  return (await exists(path)) ? readFile(path, 'utf8') : undefined;
}

export interface BuildOptions {
  /** The variables file the configuration is checked with (default `.env`), as `deploy --env` chooses it. */
  readonly envFile?: string;
}

/** Validates the configuration the build would deploy: `.env` (or options.envFile) plus the routing file. */
export async function checkProject(root: string, options: BuildOptions = {}): Promise<Problem[]> {
  const env = await readDotenv(root, options.envFile);
  return checkForBuild(env, await readOptional(join(root, ROUTING_FILE)));
}

/** The names in package.json "dependencies": what the deployed service installs. */
async function deployedDependencies(root: string): Promise<string[]> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { dependencies?: object };
  return Object.keys(pkg.dependencies ?? {});
}

/**
 * One function and everything it imports, as esbuild writes a CommonJS bundle: not minified, each
 * module under its `// src/...` marker, so a deployed function reads in Console as the source does.
 */
async function bundleFunction(root: string, source: string, external: readonly string[]): Promise<string> {
  const { outputFiles } = await bundle({
    absWorkingDir: root,
    entryPoints: [join('functions', source)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // What package.json "dependencies" lists is installed in the deployed service (and in
    // node_modules locally), so a function requires it rather than carrying a copy: `twilio` (the
    // runtime's `Twilio` global is that library) and libphonenumber-js (loaded on first use).
    external: [...external],
    logLevel: 'silent',
    write: false,
  });
  return outputFiles[0].text;
}

/**
 * Validates, then bundles each function into one self-contained CommonJS file in dist/functions
 * (deployed functions cannot require each other) and copies assets to dist/assets. The Twilio
 * helper is the runtime's `Twilio` global, never bundled. Source maps are not written, and assets
 * are copied without leftovers (./assets.ts): everything in the assets folder deploys.
 */
export async function buildProject(root: string, options: BuildOptions = {}): Promise<BuildResult> {
  const problems = await checkProject(root, options);
  if (hasErrors(problems)) return { ok: false, problems, functions: [] };

  const dist = join(root, 'dist');
  await rm(dist, { recursive: true, force: true });
  const sources = (await readdir(join(root, 'functions'))).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  // Every bundle first, then the files: a failing bundle (a syntax error) leaves no write in flight.
  const external = await deployedDependencies(root);
  const bundles = await Promise.all(sources.map((source) => bundleFunction(root, source, external)));
  await mkdir(join(dist, 'functions'), { recursive: true });
  await Promise.all(
    sources.map((source, i) => writeFile(join(dist, 'functions', source.replace(/\.ts$/, '.js')), bundles[i])),
  );
  await mkdir(join(dist, 'assets'), { recursive: true });
  const skipped = (await exists(join(root, 'assets'))) ? await copyAssets(root, dist) : [];
  return {
    ok: true,
    problems: [...problems, ...skipped],
    functions: sources.map((f) => join('dist', 'functions', f.replace(/\.ts$/, '.js'))),
  };
}
