// How every command ends: one table of exit codes, one mapping from an error to its code, and the
// last resort for an error nothing else caught. Only src/cli/ sets an exit code.
import { InputError } from '../errors/input-error';
import { CredentialsError } from '../twilio/credentials';

/** Every command's exit codes (their --help and docs/cli.md say the same). */
export const EXIT = {
  /** Done: everything asked succeeded (or --help). */
  ok: 0,
  /** Something outside our code failed: Twilio, the network, the server the simulator posted to. */
  failed: 1,
  /** Invalid input: a flag, a file, the configuration; nothing was written. */
  invalidInput: 2,
  /** Credentials missing, malformed or rejected by Twilio (20003). */
  credentials: 3,
} as const;

/** Ended by a signal while it was writing (attach, restore): 128 + its number, as a shell reports it. */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
export type ExitSignal = keyof typeof SIGNAL_EXIT;

/** The code an error ends a command with: 2 invalid input, 3 credentials, 1 anything else. */
export function exitCodeFor(cause: unknown): number {
  if (cause instanceof InputError) return EXIT.invalidInput;
  if (cause instanceof CredentialsError) return EXIT.credentials;
  return EXIT.failed;
}

/** The last resort of every command: a one-line error, no stack trace, exit 1. */
export function fail(cause: unknown): void {
  const text = cause instanceof Error ? cause.message : String(cause);
  console.error(`Error: ${text}`);
  if (process.env.DEBUG && cause instanceof Error) console.error(cause.stack);
  process.exitCode = EXIT.failed;
}

/** A command's entry point: the exit code its main resolves with, or `fail`. */
export function runMain(main: () => Promise<number>): void {
  main().then((code) => (process.exitCode = code), fail);
}
