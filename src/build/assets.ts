// Which files of assets/ the build copies to dist/assets. Everything in the assets folder deploys,
// and public unless its name has `.private.` before the extension: an editor's backup of the
// routing file (`routing.private.json.bak`, `.routing.private.json.swp`) would be readable by anyone.
import { cp, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { warning, type Problem } from '../config/problem';

const ROUTING_FILE_NAME = 'routing.private.json';

/** Swap files, backups, temporary files: what editors leave beside the file being edited. */
export const isEditorLeftover = (name: string): boolean =>
  name.startsWith('.') || /(~|\.bak|\.orig|\.swp|\.tmp)$/i.test(name);

/** Why a file or folder of assets/ is not copied; undefined when it is. */
export function leftoverReason(name: string, isDirectory: boolean): string | undefined {
  if (name.startsWith('.')) return 'a hidden name (editor swap files, system files)';
  if (isDirectory) return undefined;
  if (isEditorLeftover(name)) return 'an editor leftover or backup';
  if (/routing/i.test(name) && name !== ROUTING_FILE_NAME)
    return `a copy of the routing file: only ${ROUTING_FILE_NAME} deploys, and privately`;
  // A source map would publish the sources it maps.
  if (name.endsWith('.map')) return 'a source map';
  return undefined;
}

/**
 * Copies `root`/assets to `dist`/assets, leaving out what leftoverReason names. Returns a warning
 * for each file or folder left out, so every command that builds says so.
 */
export async function copyAssets(root: string, dist: string): Promise<Problem[]> {
  const from = join(root, 'assets');
  const skipped: Problem[] = [];
  await cp(from, join(dist, 'assets'), {
    recursive: true,
    filter: async (source) => {
      if (source === from) return true;
      const reason = leftoverReason(basename(source), (await stat(source)).isDirectory());
      if (reason === undefined) return true;
      const where = join('assets', relative(from, source)).split(sep).join('/');
      skipped.push(
        warning(where, `not copied to dist/assets (${reason}): it would deploy as public. Move it out of assets/.`),
      );
      return false;
    },
  });
  return skipped.sort((a, b) => a.where.localeCompare(b.where));
}
