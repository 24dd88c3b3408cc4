import { Command, CommanderError } from 'commander';
import { EXIT } from './exit';

/**
 * Runs commander on `argv` (configured with exitOverride, so it throws instead of exiting).
 * Returns undefined when the command should go on, or the exit code: 0 after --help, 2 for a
 * bad flag or argument (commander has already printed why).
 */
export function parseOrExitCode(command: Command, argv: readonly string[]): number | undefined {
  try {
    command.parse([...argv], { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    throw error;
  }
}

/** Where a command's --help and its parse errors are printed. */
export interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** A command's program: it throws instead of exiting (see parseOrExitCode) and prints through `output`. */
export const program = (name: string, description: string, output: Output): Command =>
  new Command(name)
    .description(description)
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) });
