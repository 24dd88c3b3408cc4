// The one file watcher of the local commands: chokidar over the project root, so a folder created
// later is watched too, and a file replaced by rename (vim, `sed -i`, atomic saves) stays watched:
// Node's recursive fs.watch stops reporting such a file on Linux.
import { watch, type FSWatcher } from 'chokidar';
import { sep } from 'node:path';

/** Never the sources of a rebuild: dependencies, build output, state the commands write. */
const IGNORED = /(^|[\\/])(node_modules|dist|\.git|\.twilioserverless|coverage)([\\/]|$)/;

/**
 * Calls `changed` with the path (relative to `root`, `/`-separated) of every file or folder added,
 * changed or removed under `root`, down to `depth` folders (all when undefined). Resolves once watching.
 */
export async function watchProject(root: string, changed: (path: string) => void, depth?: number): Promise<FSWatcher> {
  const watcher = watch('.', {
    cwd: root,
    ignoreInitial: true,
    ignored: IGNORED,
    ...(depth === undefined ? {} : { depth }),
  });
  watcher.on('all', (_event, path) => changed(path.split(sep).join('/')));
  await new Promise((resolve) => watcher.once('ready', resolve));
  return watcher;
}
