import { CommanderError, type Command } from 'commander';
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
