/**
 * Throw-away project directories for the real local runtime: what `npm run build` produces,
 * with the configuration a test wants (.env, routing file), under os.tmpdir().
 */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildProject } from '../../src/build/build';

/** The repository: sources to build from, and the node_modules every temp project links to. */
export const REPO = resolve(__dirname, '..', '..');

export interface TempProject {
  readonly dir: string;
  remove(): Promise<void>;
}

async function tempDir(prefix: string): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), `sms-switchboard-${prefix}-`));
  // rm does not follow the node_modules symlink: only the link goes.
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A copy of the project's sources (no .env, no routing file, no dist), with node_modules linked:
 * enough to build, to run `npm run build`, and to change a file without touching the repository.
 */
export async function copySources(prefix = 'src'): Promise<TempProject> {
  const project = await tempDir(prefix);
  for (const entry of ['functions', 'src']) await cp(join(REPO, entry), join(project.dir, entry), { recursive: true });
  for (const file of ['package.json', 'tsconfig.json', '.twilioserverlessrc'])
    await cp(join(REPO, file), join(project.dir, file));
  await symlink(join(REPO, 'node_modules'), join(project.dir, 'node_modules'), 'dir');
  return project;
}

/** Builds the sources once, with no configuration, and returns the project holding dist/. */
export async function buildOnce(): Promise<TempProject> {
  const project = await copySources('build');
  const result = await buildProject(project.dir);
  if (!result.ok) {
    await project.remove();
    throw new Error(`build failed: ${result.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
  }
  return project;
}

export interface ServedProjectOptions {
  /** Lines of `.env`; absent: no `.env` at all. */
  readonly env?: Readonly<Record<string, string>>;
  /** The routing file's text (or a value to write as JSON), placed as dist/assets/routing.private.json. */
  readonly routing?: string | object;
}

/**
 * A project the local runtime can serve: the built dist/, `.twilioserverlessrc`, package.json,
 * `.env` and a node_modules link (twilio-run needs @twilio/runtime-handler resolvable from here).
 * The routing file goes straight into dist/assets, as after a build, but without the build's
 * validation, so a test can also serve an invalid one (as an older deploy might hold).
 */
export async function servedProject(built: TempProject, options: ServedProjectOptions = {}): Promise<TempProject> {
  const project = await tempDir('serve');
  await cp(join(built.dir, 'dist'), join(project.dir, 'dist'), { recursive: true });
  await cp(join(REPO, '.twilioserverlessrc'), join(project.dir, '.twilioserverlessrc'));
  await writeFile(join(project.dir, 'package.json'), await readFile(join(REPO, 'package.json')));
  await symlink(join(REPO, 'node_modules'), join(project.dir, 'node_modules'), 'dir');
  if (options.env !== undefined) {
    const lines = Object.entries(options.env).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
    await writeFile(join(project.dir, '.env'), lines.join('\n') + '\n');
  }
  if (options.routing !== undefined) {
    const text = typeof options.routing === 'string' ? options.routing : JSON.stringify(options.routing, null, 2);
    await mkdir(join(project.dir, 'dist', 'assets'), { recursive: true });
    await writeFile(join(project.dir, 'dist', 'assets', 'routing.private.json'), text);
  }
  return project;
}
