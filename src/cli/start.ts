// `npm start [-- --sync] [--send]`: build, then serve every function with the real local runtime,
// on 127.0.0.1 unless HOST says otherwise.
import { buildProject } from '../build/build';
import { readDotenv } from '../build/dotenv';
import { ROUTING_FILE } from '../config/routing-file';
import { parseLocalArgs } from './local-args';
import { printProblems } from './print-problems';
import { watchProject } from './watch-project';
import { busyPortMessage, chooseAddress, hostWarning, localContext, servingBanner, spawnRuntime } from './serve';
import { EXIT, runMain } from './exit';

export { readPort } from './serve';

/** What `npm start` serves is the build it made: an edit of these is served only after a restart. */
const READ_AT_START = [ROUTING_FILE, '.env'];

export const restartMessage = (file: string): string =>
  `${file} changed: npm start serves what it built when it started. Restart it (Ctrl-C, then npm start), ` +
  'or use npm run dev, which rebuilds and restarts on every save.';

export async function main(argv: readonly string[], root = process.cwd(), env = process.env): Promise<number> {
  const out = (text: string): void => console.log(text);
  const err = (text: string): void => console.error(text);
  const parsed = parseLocalArgs('npm start', 'Builds, then serves the functions locally.', argv, { out, err });
  if (parsed.kind === 'exit') return parsed.code;
  const address = await chooseAddress(env, 'npm start');
  if (typeof address === 'string') {
    err(address);
    return EXIT.invalidInput;
  }
  const result = await buildProject(root);
  printProblems(result.problems);
  if (!result.ok) {
    err('Not started: fix the configuration errors above, then run `npm start` again.');
    return EXIT.invalidInput;
  }
  const { flags } = parsed;
  const runtime = spawnRuntime(root, address, { context: localContext(flags), routes: true });
  const stop = (): void => void runtime.child.kill('SIGTERM');
  process.once('SIGINT', stop).once('SIGTERM', stop);
  const exited = new Promise<number>((resolve) => runtime.child.once('exit', (code) => resolve(code ?? 0)));
  const ready = await runtime.ready;
  if (ready.kind === 'busy') {
    err(busyPortMessage(address.port, 'npm start'));
    return EXIT.invalidInput;
  }
  if (ready.kind !== 'listening') return exited;

  const warning = hostWarning(address.host);
  if (warning !== undefined) err(warning);
  const syncServiceSid = (await readDotenv(root)).SYNC_SERVICE_SID?.trim() || undefined;
  out(servingBanner(address, { ...flags, syncServiceSid }, 'npm start'));
  const watcher = await watchProject(root, ['assets', '.env'], (path) =>
    READ_AT_START.includes(path) ? err(restartMessage(path)) : undefined,
  );
  const code = await exited;
  await watcher.close();
  return code;
}

if (require.main === module) runMain(() => main(process.argv.slice(2)));
