import { InputError } from '../errors/input-error';
import { BACKUP_DIR } from './backup';

/** The user answered no to the confirmation: nothing was written (exit code 2). */
export class Cancelled extends InputError {
  constructor() {
    super(['Cancelled: nothing was written.']);
  }
}

/** The backup could not be written (a full disk, no permission): nothing was written to Twilio (exit code 1). */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(cause: unknown) {
    const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
    super(
      `Cannot write the backup in ${BACKUP_DIR}/ (${cause instanceof Error ? cause.message : String(cause)}), ` +
        'so no number was changed. ' +
        (code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT'
          ? 'Free some disk space'
          : "Check the folder's permissions") +
        ', then run the command again.',
    );
  }
}
