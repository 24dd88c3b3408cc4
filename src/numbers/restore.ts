import { parseBackup, type Backup, type BackupNumber } from './backup';
import { readBackupFile } from './backup-file';
import type { NumbersContext } from './context';
import { InputError } from './errors';
import { LATEST, latestBackup } from './latest-backup';
import { withRunLock } from './lock';
import { plan, type Target } from './plan';
import { execute } from './run';
import type { PhoneNumberState, RunReport } from './types';
import { checkConcurrency } from './validate';

export interface RestoreRequest {
  /** A file written by attach or restore, relative to cwd or absolute; or `latest`, the newest one. */
  readonly backupPath: string;
  readonly dryRun?: boolean;
  readonly concurrency?: number;
  readonly command: string;
}

/** Every field as saved; a method Twilio had none of ('') is left as it is, since it can't be written. */
const target = (entry: BackupNumber): Target => ({
  smsUrl: entry.smsUrl,
  smsFallbackUrl: entry.smsFallbackUrl,
  smsApplicationSid: entry.smsApplicationSid,
  ...(entry.smsMethod !== '' ? { smsMethod: entry.smsMethod } : {}),
  ...(entry.smsFallbackMethod !== '' ? { smsFallbackMethod: entry.smsFallbackMethod } : {}),
});

const field = (data: unknown, key: string): unknown =>
  typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;

/** The numbers a file names, read loosely: checked against the account even when other fields are wrong. */
const namedNumbers = (data: unknown): Array<{ sid: string; phoneNumber: string }> => {
  const numbers = field(data, 'numbers');
  return (Array.isArray(numbers) ? numbers : []).flatMap((n: unknown) => {
    const [sid, phoneNumber] = [field(n, 'sid'), field(n, 'phoneNumber')];
    return typeof sid === 'string' ? [{ sid, phoneNumber: typeof phoneNumber === 'string' ? phoneNumber : '?' }] : [];
  });
};

function accountProblems(data: unknown, account: ReadonlyMap<string, PhoneNumberState>): string[] {
  return namedNumbers(data).flatMap(({ sid, phoneNumber }) => {
    const now = account.get(sid);
    if (now === undefined) return [`${phoneNumber} (${sid}) from the backup is no longer a number of this account.`];
    if (now.phoneNumber !== phoneNumber)
      return [`${sid}: the backup says ${phoneNumber}, but this SID is ${now.phoneNumber}: the file was edited.`];
    return [];
  });
}

/**
 * The backup, validated whole before anything is written: its fields (URLs empty or http(s),
 * methods GET or POST, SIDs by shape), its account, and every number in the account as saved.
 * Every problem is reported at once (InputError, exit 2).
 */
async function checkedBackup(
  ctx: NumbersContext,
  path: string,
): Promise<{ backup: Backup; account: Map<string, PhoneNumberState> }> {
  const data = await readBackupFile(ctx.cwd, path, ctx.fs);
  const { backup, problems: found } = parseBackup(data);
  const problems = found.map((p) => `${path} is not a valid backup: ${p}`);
  const accountSid = field(data, 'accountSid');
  if (typeof accountSid === 'string' && /^AC[0-9a-fA-F]{32}$/.test(accountSid) && accountSid !== ctx.accountSid) {
    problems.push(
      `${path} was made for account ${accountSid}; these credentials are for ${ctx.accountSid}. ` +
        'Refused: restore it with the credentials of the account it was made for.',
    );
  }
  // Only this account's numbers can be checked; another account's file is refused without a call.
  if (accountSid !== ctx.accountSid) throw new InputError(problems);
  const account = new Map((await ctx.api.listNumbers()).map((n) => [n.sid, n] as const));
  problems.push(...accountProblems(data, account));
  if (backup === undefined || problems.length > 0) throw new InputError(problems);
  return { backup, account };
}

/**
 * Puts every SMS routing field of every number in the backup back as it was. A restore is a run
 * like any other: it holds the run lock, and backs up the state it replaces first, so it can be
 * undone too.
 */
export async function restoreNumbers(ctx: NumbersContext, request: RestoreRequest): Promise<RunReport> {
  const concurrencyProblem = checkConcurrency(request.concurrency);
  if (concurrencyProblem !== undefined) throw new InputError([concurrencyProblem]);
  const run = async (): Promise<RunReport> => {
    // Chosen under the lock: the newest backup is then that of the run before this one.
    const path =
      request.backupPath === LATEST ? await latestBackup(ctx.cwd, ctx.accountSid, ctx.fs) : request.backupPath;
    const { backup, account } = await checkedBackup(ctx, path);
    const saved = new Map(backup.numbers.map((entry) => [entry.sid, target(entry)] as const));
    const numbers = backup.numbers.flatMap((entry) => account.get(entry.sid) ?? []);
    const changes = plan(numbers, (n) => saved.get(n.sid) ?? {});
    const report = await execute(ctx, changes, {
      dryRun: request.dryRun ?? false,
      command: request.command,
      ...(request.concurrency !== undefined ? { concurrency: request.concurrency } : {}),
    });
    return { ...report, restoredFrom: { path, createdAt: backup.createdAt, command: backup.command } };
  };
  return request.dryRun === true ? run() : withRunLock(ctx, request.command, run);
}
