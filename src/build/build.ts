import { build as bundle } from 'esbuild';
import { access, cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { loadConfig } from '../config/load';
import { hasErrors, type Problem } from '../config/problem';
import { ROUTING_FILE } from '../config/routing-file';

export interface BuildResult {
  readonly ok: boolean;
  readonly problems: readonly Problem[];
  /** Built function files, relative to the project root. */
  readonly functions: readonly string[];
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

async function readOptional(path: string): Promise<string | undefined> {
  return (await exists(path)) ? readFile(path, 'utf8') : undefined;
}

/** The local `.env` as a record (missing file: none), as the Toolkit would deploy it. */
export async function readDotenv(root: string): Promise<Record<string, string>> {
  const text = await readOptional(join(root, '.env'));
  return text === undefined ? {} : parseDotenv(text);
}

/** Validates the configuration the build would deploy: `.env` plus the routing file. */
export async function checkProject(root: string): Promise<Problem[]> {
  const env = await readDotenv(root);
  return loadConfig(env, await readOptional(join(root, ROUTING_FILE))).problems;
}

/**
 * Validates, then bundles each function into one self-contained CommonJS file in dist/functions
 * (deployed functions cannot require each other) and copies assets to dist/assets. The Twilio
 * helper is the runtime's `Twilio` global, never bundled. Source maps are not written: everything
 * in the assets folder deploys, and a .map there would be public.
 */
export async function buildProject(root: string): Promise<BuildResult> {
  const problems = await checkProject(root);
  if (hasErrors(problems)) return { ok: false, problems, functions: [] };

  const dist = join(root, 'dist');
  await rm(dist, { recursive: true, force: true });
  const sources = (await readdir(join(root, 'functions'))).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  await bundle({
    absWorkingDir: root,
    entryPoints: sources.map((f) => join('functions', f)),
    outdir: join(dist, 'functions'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: ['twilio'],
    logLevel: 'silent',
  });
  await mkdir(join(dist, 'assets'), { recursive: true });
  if (await exists(join(root, 'assets'))) {
    await cp(join(root, 'assets'), join(dist, 'assets'), {
      recursive: true,
      filter: (source) => !source.endsWith('.map'),
    });
  }
  return { ok: true, problems, functions: sources.map((f) => join('dist', 'functions', f.replace(/\.ts$/, '.js'))) };
}
