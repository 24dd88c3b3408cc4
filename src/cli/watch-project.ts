// The one file watcher of the local commands: chokidar over the project root, so a folder created
// later is watched too, and a file replaced by rename (vim, `sed -i`, atomic saves) stays watched:
// Node's recursive fs.watch stops reporting such a file on Linux. Watching the named entries
// themselves would miss a folder that does not exist yet, or is deleted and made again.
import { watch, type FSWatcher } from 'chokidar';
import { isAbsolute, relative, sep } from 'node:path';

/**
 * Calls `changed` with the path (relative to `root`, `/`-separated) of every file or folder added,
 * changed or removed under the entries of `root` named in `names` (e.g. `src`, `.env`). Resolves
 * once watching.
 */
export async function watchProject(
  root: string,
  names: readonly string[],
  changed: (path: string) => void,
): Promise<FSWatcher> {
  const ignored = (path: string): boolean => {
    const inRoot = isAbsolute(path) ? relative(root, path) : path;
    const top = inRoot.split(sep)[0];
    return top !== '' && top !== '.' && !names.includes(top);
  };
  const watcher = watch('.', { cwd: root, ignoreInitial: true, ignored });
  watcher.on('all', (_event, path) => changed(path.split(sep).join('/')));
  await new Promise((resolve) => watcher.once('ready', resolve));
  return watcher;
}
