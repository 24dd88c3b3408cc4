// `npm start`: build, then serve every function with the real local runtime (twilio-run).
import { buildProject } from '../build/build';
import { printProblems } from './print-problems';
import { fail } from './exit';
import { choosePort, readPort, servingBanner, spawnRuntime, waitUntilServing } from './serve';

export { readPort };

export async function main(root = process.cwd(), env = process.env): Promise<number> {
  const port = await choosePort(env.PORT, 'npm start');
  if (typeof port === 'string') {
    console.error(port);
    return 2;
  }
  const result = await buildProject(root);
  printProblems(result.problems);
  if (!result.ok) {
    console.error('Not started: fix the configuration errors above, then run `npm start` again.');
    return 2;
  }
  const child = spawnRuntime(root, port);
  if (await waitUntilServing(port, child)) console.log(servingBanner(port));
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop).once('SIGTERM', stop);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

if (require.main === module) main().then((code) => (process.exitCode = code), fail);
