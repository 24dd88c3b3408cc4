/**
 * Invalid input, found before anything was written: a flag, a file, a backup, a number that is not
 * the account's, a deploy record that names nothing. Every command ends with exit code 2 on it
 * (src/cli/exit.ts) and prints each problem, each saying what to do.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}
