import { parseBackup, type Backup, type BackupNumber, type BackupService } from './backup';
import { readBackupFile } from './backup-file';
import type { NumbersContext } from './context';
import { readProjectDomains } from './deploy-record';
import { InputError } from '../errors/input-error';
import { LATEST, latestBackup } from './latest-backup';
import { withRunLock } from './lock';
import { plan, type Target } from './plan';
import { inboundOf, routingOf, withoutUnsetMethods } from './fields';
import { execute } from './run';
import { serviceChange, withServices } from './services';
import type { PhoneNumberState, RunReport, ServiceState, ServiceUpdate } from './types';
import { checkConcurrency } from './validate';
import { isSid } from '../twilio/sid';

export interface RestoreRequest {
  /** A file written by attach or restore, relative to cwd or absolute; or `latest`, the newest one. */
  readonly backupPath: string;
  readonly dryRun?: boolean;
  readonly concurrency?: number;
  readonly command: string;
}

/** Every field as saved (a number's routing, a service's inbound fields), but a method Twilio had none of. */
const target = (entry: BackupNumber): Target => withoutUnsetMethods(routingOf(entry));
const serviceTarget = (entry: BackupService): ServiceUpdate => withoutUnsetMethods(inboundOf(entry));

/** A field of any JSON value: null has none; a string, number or boolean has none of the keys asked for here. */
const field = (data: unknown, key: string): unknown => (data as Record<string, unknown> | null)?.[key];

/** The entries a file names under `key`, read loosely: checked against the account even when other fields are wrong. */
const named = (data: unknown, key: string, name: string): Array<{ sid: string; name: string }> => {
  const entries = field(data, key);
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry: unknown) => {
    const [sid, text] = [field(entry, 'sid'), field(entry, name)];
    return typeof sid === 'string' ? [{ sid, name: typeof text === 'string' ? text : '?' }] : [];
  });
};

interface Account {
  readonly numbers: Map<string, PhoneNumberState>;
  readonly services: Map<string, ServiceState>;
}

function accountProblems(data: unknown, account: Account): string[] {
  const numbers = named(data, 'numbers', 'phoneNumber').flatMap(({ sid, name }) => {
    const now = account.numbers.get(sid);
    if (now === undefined) return [`${name} (${sid}) from the backup is no longer a number of this account.`];
    if (now.phoneNumber !== name)
      return [`${sid}: the backup says ${name}, but this SID is ${now.phoneNumber}: the file was edited.`];
    return [];
  });
  const services = named(data, 'services', 'friendlyName').flatMap(({ sid, name }) =>
    account.services.has(sid)
      ? []
      : [`Messaging Service ${sid} ("${name}") from the backup is no longer a service of this account.`],
  );
  return [...numbers, ...services];
}

/**
 * The backup, validated whole before anything is written: its fields (URLs empty or http(s),
 * methods GET or POST, SIDs by shape), its account, every number in the account as saved, and
 * every Messaging Service still there.
 * Every problem is reported at once (InputError, exit 2).
 */
async function checkedBackup(ctx: NumbersContext, path: string): Promise<{ backup: Backup; account: Account }> {
  const data = await readBackupFile(ctx.root, path, ctx.fs);
  const { backup, problems: found } = parseBackup(data);
  const problems = found.map((p) => `${path} is not a valid backup: ${p}`);
  const accountSid = field(data, 'accountSid');
  if (typeof accountSid === 'string' && isSid('AC', accountSid) && accountSid !== ctx.accountSid) {
    problems.push(
      `${path} was made for account ${accountSid}; these credentials are for ${ctx.accountSid}. ` +
        'Refused: restore it with the credentials of the account it was made for.',
    );
  }
  // Only this account's numbers can be checked; another account's file is refused without a call.
  if (accountSid !== ctx.accountSid) throw new InputError(problems);
  const [numbers, services] = await Promise.all([ctx.api.listNumbers(), ctx.api.listServices()]);
  const account = {
    numbers: new Map(numbers.map((n) => [n.sid, n] as const)),
    services: new Map(services.map((s) => [s.sid, s] as const)),
  };
  problems.push(...accountProblems(data, account));
  if (backup === undefined || problems.length > 0) throw new InputError(problems);
  return { backup, account };
}

/**
 * Puts every SMS routing field of every number, and the inbound fields of every Messaging Service,
 * in the backup back as they were (services first). A restore is a run like any other: it holds
 * the run lock, and backs up the state it replaces first, so it can be undone too.
 */
export async function restoreNumbers(ctx: NumbersContext, request: RestoreRequest): Promise<RunReport> {
  const concurrencyProblem = checkConcurrency(request.concurrency);
  if (concurrencyProblem !== undefined) throw new InputError([concurrencyProblem]);
  const run = async (): Promise<RunReport> => {
    // Chosen under the lock: the newest backup is then that of the run before this one.
    const path =
      request.backupPath === LATEST ? await latestBackup(ctx.root, ctx.accountSid, ctx.fs) : request.backupPath;
    const [{ backup, account }, projectDomains] = await Promise.all([
      checkedBackup(ctx, path),
      readProjectDomains(ctx.root, ctx.accountSid),
    ]);
    const saved = new Map(backup.numbers.map((entry) => [entry.sid, target(entry)] as const));
    const numbers = backup.numbers.flatMap((entry) => account.numbers.get(entry.sid) ?? []);
    const changes = plan(numbers, (n) => saved.get(n.sid) ?? {});
    const context = {
      account: account.numbers,
      routingAfter: new Map(changes.map((c) => [c.number.sid, c.after] as const)),
      projectDomains,
    };
    const services = backup.services.flatMap((entry) => {
      const service = account.services.get(entry.sid);
      return service === undefined ? [] : [serviceChange(service, serviceTarget(entry), context)];
    });
    const planned = { changes: withServices(changes, [...account.services.values()], services), services };
    const report = await execute(ctx, planned, {
      dryRun: request.dryRun ?? false,
      command: request.command,
      concurrency: request.concurrency,
    });
    return { ...report, projectDomains, restoredFrom: { path, createdAt: backup.createdAt, command: backup.command } };
  };
  return request.dryRun === true ? run() : withRunLock(ctx, request.command, run);
}
