import * as fsPromises from 'node:fs/promises';

/**
 * The file system calls backups and the run lock make: passed in (NumbersContext.fs), so a test
 * can make one of them fail (ENOSPC, EACCES) where running as root would not.
 */
export type NumbersFs = Pick<
  typeof fsPromises,
  'mkdir' | 'open' | 'readFile' | 'readdir' | 'rename' | 'stat' | 'unlink'
>;

export const realFs: NumbersFs = fsPromises;

export const errorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;
