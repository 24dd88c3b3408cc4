/**
 * Everything the handlers print, as the Functions runtime would keep it in its logs: every
 * console method, each call formatted the way console formats it (an Error with its stack and
 * own properties).
 */
import { format } from 'node:util';

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

export interface Capture {
  /** Every line printed since the capture started. */
  text(): string;
  stop(): void;
}

export function captureConsole(): Capture {
  const lines: string[] = [];
  const spies = METHODS.map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(`${method}: ${format(...args)}`);
    }),
  );
  return { text: () => lines.join('\n'), stop: () => spies.forEach((spy) => spy.mockRestore()) };
}

/** The places a phone number's digits or a body could show, to report a leak precisely. */
export function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret) || text.includes(secret.replace(/^\+/, '')));
}
