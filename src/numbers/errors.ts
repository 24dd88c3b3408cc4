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
