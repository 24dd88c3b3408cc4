import { readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { redactUrlsIn } from '../redact/url';
import type { NumbersContext } from './context';
import { InputError } from '../errors/input-error';
import { errorCode, realFs, type NumbersFs } from './fs';

/**
 * One attach or restore at a time per project: two at once would each back up the other's
 * half-written state and leave the account mixed, both reporting success.
 */
export const LOCK_FILE = join('.twilioserverless', 'numbers.lock');

/** What the lock file holds: who is running, to name it to a second run. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly command: string;
}

/** This process, as the lock sees it: passed in, so a test can play another process. */
export interface LockProcess {
  readonly pid: number;
  readonly host: string;
  /** Whether a process of this machine is still running. */
  readonly isAlive: (pid: number) => boolean;
}

/** kill(pid, 0) sends nothing: ESRCH says the process is gone; EPERM, that it runs as another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}

export const thisProcess = (): LockProcess => ({ pid: process.pid, host: hostname(), isAlive });

function parseHolder(text: string): LockHolder | undefined {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.startedAt === 'string'
      ? { pid: h.pid, host: h.host, startedAt: h.startedAt, command: typeof h.command === 'string' ? h.command : '' }
      : undefined;
  } catch {
    // Not JSON, or JSON null: not a lock we wrote either.
  }
  return undefined;
}

/** The holder, 'gone' when the file vanished meanwhile, 'unreadable' when it is not a lock we wrote. */
async function readHolder(fs: NumbersFs, path: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  try {
    return parseHolder(await fs.readFile(path, 'utf8')) ?? 'unreadable';
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return 'gone';
    throw e;
  }
}

const describeHolder = (h: LockHolder, owner: LockProcess): string =>
  `pid ${h.pid}${h.host === owner.host ? '' : ` on ${h.host}`}, started ${h.startedAt}` +
  (h.command !== '' ? ` (${h.command})` : '');

function refused(holder: LockHolder | 'unreadable' | undefined, owner: LockProcess): InputError {
  const who =
    holder === undefined
      ? 'another run is starting at this moment'
      : holder === 'unreadable'
        ? 'its lock file is unreadable'
        : describeHolder(holder, owner);
  return new InputError([
    `Another attach or restore is running in this project (${who}). ` +
      'Wait until it has ended, then run this command again. ' +
      `If it is not running any more, delete ${LOCK_FILE}.`,
  ]);
}

export interface HeldLock {
  release(): Promise<void>;
}

/** Exclusive create: of two runs creating the file at once, exactly one succeeds. False if it exists. */
async function create(fs: NumbersFs, path: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(path, 'wx', 0o600);
  } catch (e) {
    if (errorCode(e) === 'EEXIST') return false;
    throw e;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`, 'utf8');
  } catch (e) {
    // A file created but not written (a full disk) would refuse every later run as "unreadable": it is ours, gone.
    await handle.close();
    await fs.unlink(path);
    throw e;
  }
  await handle.close();
  return true;
}

/**
 * Takes the lock or throws InputError naming the run that holds it. A lock left by a process of
 * this machine that is gone (killed, crashed) is taken over, with a note: nobody is left to wait
 * for. (Two runs taking over the same stale lock at the same instant could both remove it; the
 * window is the time between reading the file and removing it.)
 */
export async function acquireLock(
  ctx: Pick<NumbersContext, 'root' | 'fs' | 'lockProcess' | 'now' | 'warn'>,
  command: string,
): Promise<HeldLock> {
  const fs = ctx.fs ?? realFs;
  const owner = ctx.lockProcess ?? thisProcess();
  const path = join(ctx.root, LOCK_FILE);
  const mine: LockHolder = {
    pid: owner.pid,
    host: owner.host,
    startedAt: (ctx.now?.() ?? new Date()).toISOString(),
    command: redactUrlsIn(command),
  };
  await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // The second try follows a stale lock removed, or a holder that ended meanwhile.
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (await create(fs, path, mine)) return { release: () => release(fs, path, mine) };
    const holder = await readHolder(fs, path);
    if (holder === 'gone') continue;
    if (holder === 'unreadable' || holder.host !== owner.host || owner.isAlive(holder.pid) || attempt === 2)
      throw refused(holder, owner);
    await fs.unlink(path).catch((e: unknown) => {
      if (errorCode(e) !== 'ENOENT') throw e;
    });
    ctx.warn?.(
      `Note: ${LOCK_FILE} was left by a run that is no longer running (${describeHolder(holder, owner)}); ` +
        'taken over. Its backup, if it wrote one, is in .twilioserverless/backups/.',
    );
  }
  throw refused(undefined, owner);
}

/** Removes the lock if it is still this run's own. */
async function release(fs: NumbersFs, path: string, mine: LockHolder): Promise<void> {
  const holder = await readHolder(fs, path);
  if (typeof holder === 'object' && holder.pid === mine.pid && holder.startedAt === mine.startedAt)
    await fs.unlink(path).catch(() => undefined);
}

/**
 * For a signal handler (Ctrl-C), which cannot wait: removes the lock of process `pid`, if it
 * holds one. Returns whether it did.
 */
export function releaseLockSync(cwd: string, pid: number): boolean {
  const path = join(cwd, LOCK_FILE);
  try {
    if (parseHolder(readFileSync(path, 'utf8'))?.pid !== pid) return false;
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` holding the lock; released however `work` ends. */
export async function withRunLock<T>(ctx: NumbersContext, command: string, work: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(ctx, command);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
