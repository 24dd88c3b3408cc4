import { readFile } from 'node:fs/promises';
import { errorCode } from '../../src/numbers/fs';
import { fsError } from '../helpers/numbers-fs';

describe("errorCode: the code of a failed file system call, or undefined for what isn't one", () => {
  it("reads the code Node's file system gives", async () => {
    const missing = await readFile('/nonexistent/numbers.lock').catch((e: unknown) => e);
    expect(errorCode(missing)).toBe('ENOENT');
    expect(errorCode(fsError('EACCES'))).toBe('EACCES');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ENOENT'],
    ['an Error without a code', new Error('ENOENT')],
    ['a numeric code', { code: 2 }],
    ['an object without a code', {}],
  ])('is undefined for %s (a rejection need not be an Error)', (_what, thrown) => {
    expect(errorCode(thrown)).toBeUndefined();
  });
});
