/**
 * The real file system with one step of a backup write failing as a full disk (ENOSPC) or a
 * refused permission (EACCES) would: tests run as root, where permissions don't bite, so the
 * failure is passed in (NumbersContext.fs) instead. Every call is counted, to prove no retry loop.
 */
import * as real from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { NumbersFs } from '../../src/numbers/fs';

export type Step = 'mkdir' | 'stat' | 'open' | 'write' | 'sync' | 'rename';

export const fsError = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: injected failure`), { code });

/** Only the backup's own file fails: the run lock, also written through this fs, works. */
const isBackup = (path: unknown): boolean => String(path).includes('backups');

export function failingFs(step: Step, code: string): { fs: NumbersFs; calls: Record<Step, number> } {
  const calls: Record<Step, number> = { mkdir: 0, stat: 0, open: 0, write: 0, sync: 0, rename: 0 };
  const fail = (at: Step, path: unknown): void => {
    if (!isBackup(path)) return;
    // A run that retried (or tried name after name) for ever would hang the test: past 100 calls the
    // failure stops, so that such a loop ends, and the count shows it.
    if (++calls[at] <= 100 && at === step) throw fsError(code);
  };
  const fs: NumbersFs = {
    ...real,
    mkdir: (async (path: string, options?: object) => {
      fail('mkdir', path);
      return real.mkdir(path, options);
    }) as NumbersFs['mkdir'],
    open: (async (path: string, flags?: string, mode?: number) => {
      if (flags === 'wx') fail('open', path);
      const handle = await real.open(path, flags, mode);
      if (flags !== 'wx') return handle;
      const wrapped = {
        writeFile: async (data: string, encoding: BufferEncoding) => {
          fail('write', path);
          return handle.writeFile(data, encoding);
        },
        sync: async () => {
          fail('sync', path);
          return handle.sync();
        },
        close: () => handle.close(),
      };
      return wrapped as unknown as FileHandle;
    }) as NumbersFs['open'],
    stat: (async (path: string, options?: object) => {
      fail('stat', path);
      return real.stat(path, options);
    }) as NumbersFs['stat'],
    rename: async (from, to) => {
      fail('rename', to);
      return real.rename(from, to);
    },
  };
  return { fs, calls };
}
