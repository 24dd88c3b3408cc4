import { BackupError, Cancelled } from '../../src/numbers/errors';
import { fsError } from '../helpers/numbers-fs';

const DIR = '.twilioserverless/backups';

describe('BackupError', () => {
  it('is named BackupError where it is shown as text (String, its stack with DEBUG)', () => {
    const error = new BackupError(fsError('EACCES'));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BackupError');
    expect(String(error)).toMatch(/^BackupError: Cannot write the backup/);
  });

  it.each(['ENOSPC', 'EFBIG', 'EDQUOT'])('%s (no room): says nothing was changed and to free disk space', (code) => {
    expect(new BackupError(fsError(code)).message).toBe(
      `Cannot write the backup in ${DIR}/ (${code}: injected failure), so no number was changed. ` +
        'Free some disk space, then run the command again.',
    );
  });

  it.each(['EACCES', 'EPERM', 'EROFS'])(
    "%s: says nothing was changed and to check the folder's permissions",
    (code) => {
      expect(new BackupError(fsError(code)).message).toBe(
        `Cannot write the backup in ${DIR}/ (${code}: injected failure), so no number was changed. ` +
          "Check the folder's permissions, then run the command again.",
      );
    },
  );

  it('a cause that is not an Error, or none, is shown as text', () => {
    const advice = "so no number was changed. Check the folder's permissions, then run the command again.";
    expect(new BackupError(null).message).toBe(`Cannot write the backup in ${DIR}/ (null), ${advice}`);
    expect(new BackupError(undefined).message).toBe(`Cannot write the backup in ${DIR}/ (undefined), ${advice}`);
    expect(new BackupError('ENOSPC').message).toBe(`Cannot write the backup in ${DIR}/ (ENOSPC), ${advice}`);
    expect(new BackupError({ code: 'ENOSPC' }).message).toBe(
      `Cannot write the backup in ${DIR}/ ([object Object]), so no number was changed. ` +
        'Free some disk space, then run the command again.',
    );
  });
});

describe('Cancelled', () => {
  it('says nothing was written', () => {
    expect(new Cancelled().problems).toEqual(['Cancelled: nothing was written.']);
  });
});
