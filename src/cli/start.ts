// `npm start`: build, then serve every function with the real local runtime (twilio-run).
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { buildProject } from '../build/build';
import { printProblems } from './print-problems';
import { fail } from './exit';

/** twilio-run ignores PORT and, on a busy port, asks interactively for another: check first. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => server.close(() => resolve(true)))
      .listen(port);
  });
}

export function readPort(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
      .once('connect', () => (socket.end(), resolve(true)))
      .once('error', () => resolve(false));
  });
}

async function waitUntilServing(port: number, child: { exitCode: number | null }): Promise<boolean> {
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    if (await accepts(port)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export async function main(root = process.cwd(), env = process.env): Promise<number> {
  const port = readPort(env.PORT);
  if (port === undefined) {
    console.error(`PORT=${env.PORT} is not a port number: set PORT to a number from 1 to 65535, or unset it for 3000.`);
    return 2;
  }
  if (!(await portIsFree(port))) {
    console.error(`Port ${port} is already in use: stop what is using it, or choose another with PORT=<number> npm start.`);
    return 2;
  }
  const result = await buildProject(root);
  printProblems(result.problems);
  if (!result.ok) {
    console.error('Not started: fix the configuration errors above, then run `npm start` again.');
    return 2;
  }
  const bin = join(root, 'node_modules', 'twilio-run', 'bin', 'twilio-run.js');
  const child = spawn(process.execPath, [bin, 'start', '--no-fork-process', '--port', String(port)], {
    cwd: root,
    stdio: 'inherit',
  });
  const base = `http://localhost:${port}`;
  if (await waitUntilServing(port, child)) {
    console.log(
      [
        '',
        `SMS Switchboard is serving on ${base}: /sms (router), /auto-reply, /forward, /ignore.`,
        'Send it a message the way Twilio does:',
        `  curl -s -X POST ${base}/sms --data-urlencode 'From=+15551230000' --data-urlencode 'To=+15005550006' --data-urlencode 'Body=Hello'`,
        '',
      ].join('\n'),
    );
  }
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop).once('SIGTERM', stop);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

if (require.main === module) main().then((code) => (process.exitCode = code), fail);
