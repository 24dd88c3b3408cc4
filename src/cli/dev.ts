// `npm run dev`: build, serve with the real local runtime, and rebuild on every change to
// functions/, src/, assets/ or .env, so an edit is live within a second.
import type { ChildProcess } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildInPlace, fromRoot } from './dev-build';
import { fail } from './exit';
import { printProblems } from './print-problems';
import { busyPortMessage, choosePort, portIsFree, servingBanner, spawnRuntime, waitUntilServing } from './serve';

const WATCHED = ['functions', 'src', 'assets'];
/** Editors save in bursts (temp file, rename, chmod): one rebuild per burst. */
const DEBOUNCE_MS = 100;

const readEnvFile = (root: string): Promise<string | undefined> =>
  readFile(join(root, '.env'), 'utf8').catch(() => undefined);

/** The twilio-run child. It reads .env only when it starts, so a changed .env means a restart. */
interface Server {
  readonly child: ChildProcess;
  readonly envText: string | undefined;
  serving: boolean;
  stopping: boolean;
}

export async function main(root = process.cwd(), env = process.env): Promise<number> {
  const port = await choosePort(env.PORT, 'npm run dev');
  if (typeof port === 'string') {
    console.error(port);
    return 2;
  }
  return watchAndServe(root, port);
}

/** Resolves with the exit code once stopped (Ctrl-C or SIGTERM), after the runtime has exited. */
async function watchAndServe(root: string, port: number): Promise<number> {
  let server: Server | undefined;
  let stopped = false;
  let building = false;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  const watchers = new Map<string, FSWatcher>();

  async function stopServer(): Promise<void> {
    const current = server;
    server = undefined;
    if (current === undefined || current.child.exitCode !== null || current.child.signalCode !== null) return;
    current.stopping = true;
    await new Promise((resolve) => current.child.once('exit', resolve).kill('SIGTERM'));
  }

  /** `restart`: why the running one is replaced (none: the first start). */
  async function startServer(envText: string | undefined, restart?: string): Promise<void> {
    await stopServer();
    // The old child has just released the port; twilio-run would prompt (and hang) if it were taken.
    for (let i = 0; i < 50 && !(await portIsFree(port)); i++) await new Promise((r) => setTimeout(r, 100));
    if (stopped) return;
    if (!(await portIsFree(port))) return console.error(busyPortMessage(port, 'npm run dev'));
    const started: Server = { child: spawnRuntime(root, port), envText, serving: false, stopping: false };
    server = started;
    started.child.once('exit', (code, signal) => {
      // Ctrl-C reaches the runtime too (same process group), maybe before our own handler runs.
      if (started.stopping || stopped) return;
      if (server === started) server = undefined;
      // A request can kill the in-process runtime (an async throw): bring it back, but never loop
      // on a runtime that cannot even start.
      const again = started.serving ? ' Restarting it.' : ' It starts again after the next change.';
      console.error(`The local runtime stopped (${signal ?? `exit code ${code}`}).${again}`);
      if (started.serving) schedule();
    });
    started.serving = await waitUntilServing(port, started.child);
    if (started.serving)
      console.log(
        restart === undefined ? servingBanner(port) : `Restarted the local runtime on port ${port}: ${restart}.`,
      );
  }

  async function rebuild(): Promise<void> {
    const t0 = Date.now();
    let filesChanged: boolean;
    try {
      const result = await buildInPlace(root);
      filesChanged = result.filesChanged;
      printProblems(result.problems);
      if (!result.ok) {
        console.error(
          'Not rebuilt: fix the configuration errors above and save.' +
            `${server ? ' The last good build is still serving.' : ''}`,
        );
        return;
      }
      console.log(`Built in ${Date.now() - t0} ms.`);
    } catch (cause) {
      const text = cause instanceof Error ? cause.message : String(cause);
      console.error(
        `${fromRoot(text)}\nNot rebuilt: fix the error above and save.` +
          `${server ? ' The last good build is still serving.' : ''}`,
      );
      return;
    }
    const envText = await readEnvFile(root);
    if (server === undefined) await startServer(envText);
    else if (server.envText !== envText) await startServer(envText, '.env changed');
    // twilio-run lists the files it serves when it starts.
    else if (filesChanged) await startServer(envText, 'a file was added or removed');
  }

  /** One build at a time; changes during a build cause exactly one more. */
  async function buildLoop(): Promise<void> {
    if (building) return void (pending = true);
    building = true;
    try {
      do {
        pending = false;
        await rebuild();
        watchAll();
      } while (pending && !stopped);
    } finally {
      building = false;
    }
  }

  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void buildLoop().catch(fail), DEBOUNCE_MS);
  }

  /** Watches what exists; called again after each build, so a folder created later gets watched too. */
  function watchAll(): void {
    for (const dir of WATCHED) {
      if (watchers.has(dir)) continue;
      try {
        watchers.set(
          dir,
          watch(join(root, dir), { recursive: true }, schedule).on('error', () => watchers.delete(dir)),
        );
      } catch {
        // Not there (yet): the root watcher sees it appear.
      }
    }
  }

  // The root itself, not recursively: for .env (editors replace it, so watching the file would
  // lose it) and for a watched folder appearing or disappearing.
  watchers.set(
    '.',
    watch(root, (_event, name) => (name === '.env' || WATCHED.includes(String(name)) ? schedule() : undefined)),
  );
  await buildLoop();
  console.log('Watching functions/, src/, assets/ and .env. Stop with Ctrl-C.');

  return new Promise((resolve) => {
    const stop = (): void => {
      stopped = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      void stopServer().then(() => resolve(0));
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
}

if (require.main === module) main().then((code) => (process.exitCode = code), fail);
