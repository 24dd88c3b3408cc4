import { BACKUP_DIR } from './backup';

/** Invalid input, found before any write: the command stops with exit code 2. Lists every problem. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** A Twilio call that kept failing before anything was written (listing numbers): exit code 1. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
}

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
