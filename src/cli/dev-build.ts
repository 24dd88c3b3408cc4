import { copyFile, cp, mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildProject, type BuildResult } from '../build/build';

/** Where dev mode builds before swapping the result in: inside dist/, so `rename` stays on one filesystem. */
const STAGE = join('dist', '.dev-stage');
/** The parts of dist/ that twilio-run serves (.twilioserverlessrc). */
const SERVED = ['functions', 'assets'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map(async (e) =>
      e.isDirectory() ? (await filesUnder(join(dir, e.name))).map((f) => join(e.name, f)) : [e.name],
    ),
  );
  return nested.flat();
}

/**
 * A stand-in project root: directories link to the real ones (esbuild follows links to the real
 * sources), files are copies. assets/ is copied too: the build copies it with fs.cp, which would
 * copy a link as a link.
 */
async function prepareStage(root: string, stage: string): Promise<void> {
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === '.git') continue;
    const [from, to] = [join(root, entry.name), join(stage, entry.name)];
    if (entry.name === 'assets') await cp(from, to, { recursive: true });
    // 'junction' lets Windows link directories without admin rights; other systems ignore it.
    else if (entry.isDirectory()) await symlink(from, to, 'junction');
    else if (entry.isFile()) await copyFile(from, to);
  }
}

/** Moves each built file over the served one (rename: a request never sees half a file), then drops stale ones. */
async function swapIn(built: string, dist: string): Promise<void> {
  for (const part of SERVED) {
    const fresh = await filesUnder(join(built, part));
    const stale = await filesUnder(join(dist, part));
    for (const file of fresh) {
      await mkdir(dirname(join(dist, part, file)), { recursive: true });
      await rename(join(built, part, file), join(dist, part, file));
    }
    const gone = stale.filter((f) => !fresh.includes(f));
    for (const file of gone) await rm(join(dist, part, file), { force: true });
  }
}

/**
 * buildProject, without ever leaving dist/ empty or half-written: it builds a staged copy and
 * swaps the result in only when it succeeded. buildProject itself empties dist/ before bundling,
 * so a syntax error (esbuild throws) would otherwise take every function offline until fixed.
 */
export async function buildInPlace(root: string): Promise<BuildResult> {
  const stage = join(root, STAGE);
  await prepareStage(root, stage);
  try {
    const result = await buildProject(stage);
    if (result.ok) await swapIn(join(stage, 'dist'), join(root, 'dist'));
    return result;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** esbuild names files relative to the stage (`../../functions/x.ts`): name them from the root again. */
export const fromRoot = (message: string): string => message.replace(/^(?:\.\.[\\/]){2}/gm, '');
