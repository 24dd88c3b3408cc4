/** The last resort of every command: a one-line error, no stack trace, exit 1. */
export function fail(cause: unknown): void {
  const text = cause instanceof Error ? cause.message : String(cause);
  console.error(`Error: ${text}`);
  if (process.env.DEBUG && cause instanceof Error) console.error(cause.stack);
  process.exitCode = 1;
}
