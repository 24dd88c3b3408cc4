// The local runtime process that `npm start` and `npm run dev` spawn (./serve.ts): twilio-run's own
// server, configured as `twilio-run start` configures it (.twilioserverlessrc, .env), but listening
// on one address (its CLI has no host option) and without --live (each function is loaded once).
import type { AddressInfo } from 'node:net';
import { takeCoverage } from 'node:v8';
import { checkForValidRuntimeHandlerVersion } from 'twilio-run/dist/checks/check-runtime-handler';
import { getConfigFromCli, type StartCliFlags } from 'twilio-run/dist/config/start';
import { printRouteInfo } from 'twilio-run/dist/printers/start';
import { createLocalDevelopmentServer } from 'twilio-run/dist/runtime/server';
import { LOCAL_ONLY } from '../config/env';
import { EXIT } from './exit';

export interface RuntimeRequest {
  readonly root: string;
  readonly port: number;
  readonly host: string;
  /** The URL twilio-run prints its routes under. */
  readonly url: string;
  /** Print twilio-run's list of functions and assets (the first start; not each restart of `npm run dev`). */
  readonly routes: boolean;
  /** Added to the variables from .env: the local-only ones above. */
  readonly context: Readonly<Record<string, string>>;
}

/** What the process tells its parent, once. */
export type RuntimeReport =
  { readonly kind: 'listening'; readonly address: string } | { readonly kind: 'busy' } | { readonly kind: 'failed' };

const report = (message: RuntimeReport): void => void process.send?.(message);

async function serve(request: RuntimeRequest): Promise<number | undefined> {
  // The flags `twilio-run start --no-fork-process --no-live` would pass; the rc file adds the folders.
  const flags = { cwd: request.root, port: request.port, live: false, logs: true, forkProcess: false };
  // getConfigFromCli reads the yargs result; only these flags matter to it here.
  const config = await getConfigFromCli(flags as unknown as StartCliFlags);
  if (!checkForValidRuntimeHandlerVersion(config.pkgJson)) return EXIT.failed;
  const env: Record<string, string | undefined> = { ...config.env };
  // Whatever .env says about the local-only variables, the command's flags decide.
  for (const name of LOCAL_ONLY) delete env[name];
  config.env = { ...env, ...request.context };
  config.url = request.url;
  // As `twilio-run start` does: the functions' process sees the .env variables, not the shell's.
  process.env = { ...config.env };
  const app = await createLocalDevelopmentServer(request.port, config);
  const server = app.listen(request.port, request.host);
  return new Promise((resolve) => {
    server.once('error', (cause: NodeJS.ErrnoException) => {
      // One report only: the parent closes the channel after the first, and a second would fail (EPIPE).
      if (cause.code === 'EADDRINUSE') report({ kind: 'busy' });
      else {
        console.error(`The local runtime cannot listen on ${request.host}:${request.port}: ${cause.message}`);
        report({ kind: 'failed' });
      }
      resolve(EXIT.invalidInput);
    });
    server.once('listening', async () => {
      const { address } = server.address() as AddressInfo;
      if (request.routes) await printRouteInfo(config);
      report({ kind: 'listening', address });
      // Serving until stopped by a signal.
    });
  });
}

/**
 * Stopped by a signal (Ctrl-C, or npm start and npm run dev stopping it), a process dies without the
 * V8 coverage NODE_V8_COVERAGE asks for (`npm run coverage`): Node writes it only on a normal exit.
 * It is written first (takeCoverage does nothing without NODE_V8_COVERAGE), then the process dies
 * by the same signal, as it would have.
 */
function dieBySignalWithCoverage(signal: NodeJS.Signals): void {
  process.once(signal, () => {
    takeCoverage();
    process.kill(process.pid, signal);
  });
}

if (require.main === module) {
  dieBySignalWithCoverage('SIGTERM');
  dieBySignalWithCoverage('SIGINT');
  serve(JSON.parse(process.argv[2]) as RuntimeRequest).then(
    (code) => {
      if (code !== undefined) process.exit(code);
    },
    (cause: unknown) => {
      console.error(`The local runtime did not start: ${cause instanceof Error ? cause.message : String(cause)}`);
      report({ kind: 'failed' });
      process.exit(EXIT.failed);
    },
  );
}
