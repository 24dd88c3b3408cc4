/**
 * Silences what the handlers write (notes, warnings, errors) for one test, and hands back the
 * spies for the tests that read it. Undone by `jest.restoreAllMocks()` in afterEach.
 */
export interface QuietConsole {
  readonly log: jest.SpyInstance;
  readonly warn: jest.SpyInstance;
  readonly error: jest.SpyInstance;
}

export function quietConsole(): QuietConsole {
  const silence = (method: 'log' | 'warn' | 'error') => jest.spyOn(console, method).mockImplementation(() => undefined);
  return { log: silence('log'), warn: silence('warn'), error: silence('error') };
}
