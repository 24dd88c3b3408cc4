import { applyChanges } from './apply';
import { makeBackup } from './backup';
import { writeBackup } from './backup-file';
import type { NumbersContext } from './context';
import { BackupError, Cancelled } from './errors';
import type { Change, Regulatory, RunReport } from './types';

export interface RunOptions {
  readonly dryRun: boolean;
  readonly command: string;
  readonly concurrency?: number;
  readonly regulatory?: Regulatory;
  /** Asked once, before the backup, when some number would change; false cancels the run. */
  readonly confirm?: (changes: readonly Change[]) => Promise<boolean>;
}

/**
 * The part attach and restore share, after everything is resolved and planned: a dry run stops
 * here; a plan with nothing to write writes no backup; otherwise the backup of every chosen number
 * (its state before this run) is on disk before the first write.
 */
export async function execute(
  ctx: NumbersContext,
  changes: readonly Change[],
  options: RunOptions,
): Promise<RunReport> {
  if (options.dryRun) return { dryRun: true, backup: null, plan: changes, results: [] };
  let backup: string | null = null;
  if (changes.some((c) => c.update !== null)) {
    if (options.confirm !== undefined && !(await options.confirm(changes))) throw new Cancelled();
    const now = ctx.now?.() ?? new Date();
    const made = makeBackup(
      ctx.accountSid,
      options.command,
      now,
      changes.map((c) => c.number),
    );
    backup = await writeBackup(ctx.cwd, made, ctx.fs).catch((e: unknown) => {
      throw new BackupError(e);
    });
    ctx.onBackup?.(backup);
  }
  const results = await applyChanges(changes, ctx.api.updateNumber, {
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.regulatory !== undefined ? { regulatory: options.regulatory } : {}),
    ...(ctx.retry !== undefined ? { retry: ctx.retry } : {}),
    ...(ctx.onProgress !== undefined ? { onProgress: ctx.onProgress } : {}),
  });
  return { dryRun: false, backup, plan: changes, results };
}
