// Serving with the real local runtime (twilio-run), shared by `npm start` and `npm run dev`.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

/** PORT as a port number (unset or empty: 3000); undefined when it is not one. */
export function readPort(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

export const badPortMessage = (value: string | undefined): string =>
  `PORT=${value} is not a port number: set PORT to a number from 1 to 65535, or unset it for 3000.`;

export const busyPortMessage = (port: number, command: string): string =>
  `Port ${port} is already in use: stop what is using it, or choose another with PORT=<number> ${command}.`;

/** twilio-run ignores PORT and, on a busy port, asks interactively for another: check first. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => server.close(() => resolve(true)))
      .listen(port);
  });
}

/** The port to serve on (PORT, or 3000), or why there is none: a message for the user. */
export async function choosePort(value: string | undefined, command: string): Promise<number | string> {
  const port = readPort(value);
  if (port === undefined) return badPortMessage(value);
  return (await portIsFree(port)) ? port : busyPortMessage(port, command);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
      .once('connect', () => (socket.end(), resolve(true)))
      .once('error', () => resolve(false));
  });
}

/** Polls until the port accepts connections (true) or the child exits or 30 s pass (false). */
export async function waitUntilServing(port: number, child: { exitCode: number | null }): Promise<boolean> {
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    if (await accepts(port)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Starts twilio-run on the built dist/. In-process (`--no-fork-process`): forking costs about
 * 0.2 s a request. Its `--live` default reloads each function per request, so a rebuilt dist/
 * is served without a restart; only `.env` is read once, at start.
 */
export function spawnRuntime(root: string, port: number): ChildProcess {
  const bin = join(root, 'node_modules', 'twilio-run', 'bin', 'twilio-run.js');
  return spawn(process.execPath, [bin, 'start', '--no-fork-process', '--port', String(port)], {
    cwd: root,
    stdio: 'inherit',
  });
}

export function servingBanner(port: number): string {
  const base = `http://localhost:${port}`;
  return [
    '',
    `SMS Switchboard is serving on ${base}: /sms (router), /auto-reply, /forward, /ignore.`,
    'Send it a message the way Twilio does:',
    `  curl -s -X POST ${base}/sms --data-urlencode 'From=+15551230000' ` +
      `--data-urlencode 'To=+15005550006' --data-urlencode 'Body=Hello'`,
    '',
  ].join('\n');
}
