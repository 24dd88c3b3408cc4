// Serving with the real local runtime (twilio-run's own server), shared by `npm start` and `npm run dev`.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, isIP } from 'node:net';
import { join } from 'node:path';
import { LOCAL_MEMORY, PRINT_DELIVERIES } from '../config/env';
import type { RuntimeReport, RuntimeRequest } from './local-runtime';

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

/**
 * HOST as the address to listen on (unset or empty: 127.0.0.1, this machine only); undefined when
 * it is not an IP address. The local runtime checks no signature, so by default nothing but this
 * machine can call it.
 */
export function readHost(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return '127.0.0.1';
  return isIP(value.trim()) === 0 ? undefined : value.trim();
}

export const badHostMessage = (value: string | undefined): string =>
  `HOST=${value} is not an IP address: unset it to serve this machine only (127.0.0.1), ` +
  'or set an address of this machine, such as 0.0.0.0 for every network interface.';

/** Listening on every interface (or on a non-loopback one): say what that exposes. */
export function hostWarning(host: string): string | undefined {
  if (host === '127.0.0.1' || host === '::1' || host.startsWith('127.')) return undefined;
  return (
    `Warning: HOST=${host}: anything on the network can call the functions, unsigned ` +
    '(the local runtime checks no X-Twilio-Signature), and they run with the credentials in .env. ' +
    'Unset HOST to serve this machine only.'
  );
}

/** On a busy port twilio-run's own CLI asks interactively for another one: check first, on that address. */
export function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => server.close(() => resolve(true)))
      .listen(port, host);
  });
}

export interface Address {
  readonly port: number;
  readonly host: string;
}

/** Where to serve (PORT and HOST), or why not: a message for the user. */
export async function chooseAddress(env: NodeJS.ProcessEnv, command: string): Promise<Address | string> {
  const port = readPort(env.PORT);
  if (port === undefined) return badPortMessage(env.PORT);
  const host = readHost(env.HOST);
  if (host === undefined) return badHostMessage(env.HOST);
  return (await portIsFree(port, host)) ? { port, host } : busyPortMessage(port, command);
}

/** The local-only variables: memory in this process unless --sync, deliveries printed unless --send. */
export function localContext(flags: { readonly sync: boolean; readonly send: boolean }): Record<string, string> {
  return { ...(flags.sync ? {} : { [LOCAL_MEMORY]: '1' }), ...(flags.send ? {} : { [PRINT_DELIVERIES]: '1' }) };
}

export interface RuntimeProcess {
  readonly child: ChildProcess;
  /** What it reported once it listened or failed; `exited` when it ended before saying anything. */
  readonly ready: Promise<RuntimeReport | { readonly kind: 'exited' }>;
}

/**
 * Starts the local runtime process (./local-runtime.ts) on the built dist/, without --live: each
 * function is loaded once, and module state (the functions' in-process memory) lives as long as
 * the process. Its output goes to this terminal.
 */
export function spawnRuntime(
  root: string,
  address: Address,
  options: {
    readonly context: Record<string, string>;
    readonly routes: boolean;
    /** The process's own variables (not the functions'): this process's by default. */
    readonly env?: NodeJS.ProcessEnv;
  },
): RuntimeProcess {
  const { env = process.env, ...rest } = options;
  const request: RuntimeRequest = { root, ...address, url: baseUrl(address), ...rest };
  const script = join(__dirname, 'local-runtime.ts');
  const child = spawn(
    process.execPath,
    ['-r', require.resolve('ts-node/register/transpile-only'), script, JSON.stringify(request)],
    { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const ready = new Promise<RuntimeReport | { readonly kind: 'exited' }>((resolve) => {
    child.on('message', (report: RuntimeReport) => resolve(report));
    child.once('exit', () => resolve({ kind: 'exited' }));
  });
  // Once it has spoken, the channel has nothing more to carry; left open, it would keep this process alive.
  void ready.then(() => child.connected && child.disconnect());
  return { child, ready };
}

/** The URL to print: the address itself, or this machine's loopback one when it listens on every interface. */
export function baseUrl({ host, port }: Address): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${isIP(shown) === 6 ? `[${shown}]` : shown}:${port}`;
}

export interface BannerFacts {
  /** SYNC_SERVICE_SID from .env, when set: then the banner says which memory is in use. */
  readonly syncServiceSid?: string;
  readonly sync: boolean;
  readonly send: boolean;
}

export function servingBanner(address: Address, facts: BannerFacts, command: string): string {
  const base = baseUrl(address);
  const memory =
    facts.syncServiceSid === undefined
      ? []
      : facts.sync
        ? [
            `Memory: Twilio Sync service ${facts.syncServiceSid} (--sync): ` +
              'the same documents the deployed functions use.',
          ]
        : [
            `Memory: in this process (forgotten when it stops); Twilio Sync ${facts.syncServiceSid} is not touched.` +
              ` Use it with ${command} -- --sync.`,
          ];
  return [
    '',
    `SMS Switchboard is serving on ${base}: /sms (router), /auto-reply, /forward, /ignore.`,
    ...memory,
    ...(facts.send ? ['Deliveries (email, chat) are sent for real (--send).'] : []),
    'Send it a message the way Twilio does:',
    `  curl -s -X POST ${base}/sms --data-urlencode 'From=+15551230000' ` +
      `--data-urlencode 'To=+15005550006' --data-urlencode 'Body=Hello'`,
    '',
  ].join('\n');
}
