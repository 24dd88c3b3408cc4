// `npm run dev [-- --sync] [--send]`: build, serve with the real local runtime, and on every change
// to functions/, src/, assets/ or .env rebuild and restart the runtime, so an edit is live within
// a few seconds.
import { basename } from 'node:path';
import { isEditorLeftover } from '../build/assets';
import { readDotenv } from '../build/dotenv';
import { buildInPlace, fromRoot } from './dev-build';
import { parseLocalArgs, type LocalFlags } from './local-args';
import { printProblems } from './print-problems';
import { watchProject } from './watch-project';
import {
  baseUrl,
  busyPortMessage,
  chooseAddress,
  hostWarning,
  localContext,
  portIsFree,
  servingBanner,
  spawnRuntime,
  type Address,
  type RuntimeProcess,
} from './serve';
import { EXIT, fail, runMain } from './exit';

/** What a build reads: a change to anything here (added, saved in any way, removed) means a rebuild. */
const SOURCES = ['functions', 'src', 'assets', '.env'];
/** Editors save in bursts (temp file, rename, chmod): one rebuild per burst. */
const DEBOUNCE_MS = 100;

/** The runtime process: it loads each function once and reads .env when it starts, so every good build restarts it. */
interface Server {
  readonly child: RuntimeProcess['child'];
  serving: boolean;
  stopping: boolean;
}

export async function main(argv: readonly string[], root = process.cwd(), env = process.env): Promise<number> {
  const out = (text: string): void => console.log(text);
  const err = (text: string): void => console.error(text);
  const what = 'Builds and serves the functions locally, and rebuilds and restarts on every save.';
  const parsed = parseLocalArgs('npm run dev', what, argv, { out, err });
  if (parsed.kind === 'exit') return parsed.code;
  const address = await chooseAddress(env, 'npm run dev');
  if (typeof address === 'string') {
    err(address);
    return EXIT.invalidInput;
  }
  return watchAndServe(root, address, parsed.flags);
}

/** Resolves with the exit code once stopped (Ctrl-C or SIGTERM), after the runtime has exited. */
async function watchAndServe(root: string, address: Address, flags: LocalFlags): Promise<number> {
  const { port, host } = address;
  let server: Server | undefined;
  let stopped = false;
  let building = false;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;

  async function stopServer(): Promise<void> {
    const current = server;
    server = undefined;
    if (current === undefined || current.child.exitCode !== null || current.child.signalCode !== null) return;
    current.stopping = true;
    await new Promise((resolve) => current.child.once('exit', resolve).kill('SIGTERM'));
  }

  /** `restart`: why the running one is replaced (none: the first start). */
  async function startServer(restart?: string): Promise<void> {
    await stopServer();
    // The old process has just released the port; wait for it rather than fail on it.
    for (let i = 0; i < 50 && !(await portIsFree(port, host)); i++) await new Promise((r) => setTimeout(r, 100));
    if (stopped) return;
    const runtime = spawnRuntime(root, address, { context: localContext(flags), routes: restart === undefined });
    const started: Server = { child: runtime.child, serving: false, stopping: false };
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
    const ready = await runtime.ready;
    if (ready.kind === 'busy') return console.error(busyPortMessage(port, 'npm run dev'));
    started.serving = ready.kind === 'listening';
    if (!started.serving) return;
    if (restart !== undefined) return console.log(`Restarted the local runtime on ${baseUrl(address)}: ${restart}.`);
    const warning = hostWarning(host);
    if (warning !== undefined) console.error(warning);
    const syncServiceSid = (await readDotenv(root)).SYNC_SERVICE_SID?.trim() || undefined;
    console.log(servingBanner(address, { ...flags, syncServiceSid }, 'npm run dev'));
  }

  async function rebuild(): Promise<void> {
    const t0 = Date.now();
    try {
      const result = await buildInPlace(root);
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
    await startServer(server === undefined ? undefined : 'rebuilt');
  }

  /** One build at a time; changes during a build cause exactly one more. */
  async function buildLoop(): Promise<void> {
    if (building) return void (pending = true);
    building = true;
    try {
      do {
        pending = false;
        await rebuild();
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

  // An editor's swap and backup files change as it works: not a reason to rebuild (.env itself is).
  const watcher = await watchProject(root, SOURCES, (path) =>
    path.includes('/') && isEditorLeftover(basename(path)) ? undefined : schedule(),
  );
  await buildLoop();
  console.log('Watching functions/, src/, assets/ and .env. Stop with Ctrl-C.');

  return new Promise((resolve) => {
    const stop = (): void => {
      stopped = true;
      clearTimeout(timer);
      void Promise.all([watcher.close(), stopServer()]).then(() => resolve(0));
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
}

if (require.main === module) runMain(() => main(process.argv.slice(2)));
