import { readBackup, type Backup } from './backup';
import type { NumbersContext } from './context';
import { InputError } from './errors';
import { plan } from './plan';
import { execute } from './run';
import type { RunReport, SmsRouting } from './types';
import { checkConcurrency } from './validate';

export interface RestoreRequest {
  /** A file written by attach or restore, relative to cwd or absolute. */
  readonly backupPath: string;
  readonly dryRun?: boolean;
  readonly concurrency?: number;
  readonly command: string;
}

const routing = (entry: Backup['numbers'][number]): SmsRouting => ({
  smsUrl: entry.smsUrl,
  smsMethod: entry.smsMethod,
  smsFallbackUrl: entry.smsFallbackUrl,
  smsFallbackMethod: entry.smsFallbackMethod,
  smsApplicationSid: entry.smsApplicationSid,
});

/**
 * Puts every SMS routing field of every number in the backup back as it was. Refuses a backup of
 * another account, and a number no longer in the account, before any write. A restore is a run
 * like any other: it backs up the state it replaces first, so it can be undone too.
 */
export async function restoreNumbers(ctx: NumbersContext, request: RestoreRequest): Promise<RunReport> {
  const concurrencyProblem = checkConcurrency(request.concurrency);
  if (concurrencyProblem !== undefined) throw new InputError([concurrencyProblem]);
  const backup = await readBackup(ctx.cwd, request.backupPath);
  if (backup.accountSid !== ctx.accountSid) {
    throw new InputError([
      `${request.backupPath} was made for account ${backup.accountSid}; these credentials are for ${ctx.accountSid}. ` +
        'Refused: restore it with the credentials of the account it was made for.',
    ]);
  }
  const account = new Map((await ctx.api.listNumbers()).map((n) => [n.sid, n] as const));
  const missing = backup.numbers.filter((entry) => !account.has(entry.sid));
  if (missing.length > 0) {
    throw new InputError(
      missing.map(
        (entry) => `${entry.phoneNumber} (${entry.sid}) from the backup is no longer a number of this account.`,
      ),
    );
  }
  const saved = new Map(backup.numbers.map((entry) => [entry.sid, routing(entry)] as const));
  const numbers = backup.numbers.flatMap((entry) => account.get(entry.sid) ?? []);
  const changes = plan(numbers, (n) => saved.get(n.sid) ?? {});
  return execute(ctx, changes, {
    dryRun: request.dryRun ?? false,
    command: request.command,
    ...(request.concurrency !== undefined ? { concurrency: request.concurrency } : {}),
  });
}
