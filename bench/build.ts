/**
 * What the benchmark measures: the functions as `npm run build` bundles them (buildProject), in a
 * throw-away copy of the sources, so the repository's own dist/ is left alone. The routing file the
 * router reads is built in as the private asset, as a deploy would have it.
 */
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildProject } from '../src/build/build';
import { copySources, REPO, type TempProject } from '../tests/helpers/project';

export interface Built {
  readonly project: TempProject;
  readonly functionsDir: string;
  /** The built routing file (dist/assets/routing.private.json). */
  readonly routingFile: string;
  readonly functions: ReadonlyArray<{ readonly file: string; readonly bytes: number }>;
}

export async function buildForBench(routingExample = join(REPO, 'examples', 'routing.private.json')): Promise<Built> {
  const project = await copySources('bench');
  try {
    await mkdir(join(project.dir, 'assets'), { recursive: true });
    await cp(routingExample, join(project.dir, 'assets', 'routing.private.json'));
    const result = await buildProject(project.dir);
    if (!result.ok)
      throw new Error(`build failed: ${result.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
    const functionsDir = join(project.dir, 'dist', 'functions');
    const files = (await readdir(functionsDir)).filter((f) => f.endsWith('.js')).sort();
    const functions = await Promise.all(
      files.map(async (file) => ({ file, bytes: (await stat(join(functionsDir, file))).size })),
    );
    return {
      project,
      functionsDir,
      routingFile: join(project.dir, 'dist', 'assets', 'routing.private.json'),
      functions,
    };
  } catch (cause) {
    await project.remove();
    throw cause;
  }
}
