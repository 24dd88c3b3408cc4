import { applyChanges, applyServiceChanges } from './apply';
import { makeBackup } from './backup';
import { writeBackup } from './backup-file';
import type { NumbersContext } from './context';
import { BackupError, Cancelled } from './errors';
import type { ApiErrorInfo } from '../twilio/errors';
import type { Change, Regulatory, RunReport, ServiceChange } from './types';

export interface RunOptions {
  readonly dryRun: boolean;
  readonly command: string;
  readonly concurrency?: number;
  readonly regulatory?: Regulatory;
  /** Asked once, before the backup, when some number would change; false cancels the run. */
  readonly confirm?: (changes: readonly Change[]) => Promise<boolean>;
}

/** A run's plan: the numbers (in order) and the Messaging Services it involves. */
export interface Planned {
  readonly changes: readonly Change[];
  readonly services: readonly ServiceChange[];
}

/**
 * The part attach and restore share, after everything is resolved and planned: a dry run stops
 * here; a plan with nothing to write writes no backup; otherwise the backup of every number and
 * service the run may write (its state before this run) is on disk before the first write. Then
 * the services are written, and the numbers: a number that needs a service which failed is not
 * written, and fails with the service's error (it would not be reachable).
 */
export async function execute(ctx: NumbersContext, planned: Planned, options: RunOptions): Promise<RunReport> {
  const { changes, services } = planned;
  const report = { plan: changes, services };
  if (options.dryRun) return { dryRun: true, backup: null, ...report, results: [], serviceResults: [] };
  let backup: string | null = null;
  const touched = services.filter((s) => s.update !== null);
  if (touched.length > 0 || changes.some((c) => c.update !== null)) {
    if (options.confirm !== undefined && !(await options.confirm(changes))) throw new Cancelled();
    const made = makeBackup(ctx.accountSid, options.command, ctx.now?.() ?? new Date(), {
      numbers: changes.filter((c) => c.skipped === undefined).map((c) => c.number),
      services: touched.map((s) => s.service),
    });
    backup = await writeBackup(ctx.root, made, ctx.fs).catch((e: unknown) => {
      throw new BackupError(e);
    });
    ctx.onBackup?.(backup);
  }
  const serviceResults = await applyServiceChanges(services, ctx.api.updateService, { retry: ctx.retry });
  const failedServices = new Map<string, ApiErrorInfo>(
    serviceResults.flatMap((r) => (r.error !== undefined ? [[r.sid, r.error] as const] : [])),
  );
  const results = await applyChanges(changes, ctx.api.updateNumber, {
    failedServices,
    retry: ctx.retry,
    concurrency: options.concurrency,
    regulatory: options.regulatory,
    onProgress: ctx.onProgress,
  });
  return { dryRun: false, backup, ...report, results, serviceResults };
}
