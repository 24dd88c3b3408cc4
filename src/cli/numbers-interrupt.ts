import type { NumbersContext } from '../numbers/context';
import { releaseLockSync } from '../numbers/lock';
import { SIGNAL_EXIT, type ExitSignal } from './exit';
import type { Printer } from './numbers-io';

/**
 * While an attach or restore runs, Ctrl-C (or a kill, or the terminal closing) still ends the
 * command at once, as it would without a handler, but first releases the run lock and says what
 * state the numbers may be in and how to finish or undo.
 */
export async function interruptible<T>(
  ctx: NumbersContext,
  printer: Printer,
  work: (ctx: NumbersContext) => Promise<T>,
): Promise<T> {
  let backup: string | undefined;
  const stop = (signal: ExitSignal): void => {
    releaseLockSync(ctx.root, process.pid);
    printer.err(
      backup === undefined
        ? `Interrupted (${signal}) before any write: nothing was changed.`
        : `Interrupted (${signal}): the numbers written so far stay written. Run the same command again to finish, ` +
            `or undo it: npm run numbers -- restore ${backup}`,
    );
    process.exit(SIGNAL_EXIT[signal]);
  };
  const handlers = (Object.keys(SIGNAL_EXIT) as ExitSignal[]).map((signal) => [signal, () => stop(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  try {
    return await work({
      ...ctx,
      onBackup: (path) => {
        backup = path;
        ctx.onBackup?.(path);
      },
    });
  } finally {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  }
}
