import { createInterface } from 'node:readline/promises';
import type { Environment } from '../config/env';
import { redactUrlsIn } from '../redact/url';

/** A stream the commands print to; isTTY decides progress bars and prompts. */
export type OutStream = NodeJS.WritableStream & { readonly isTTY?: boolean };
export type InStream = NodeJS.ReadableStream & { readonly isTTY?: boolean };

/** Everything `npm run numbers` touches outside its arguments: passed in, so tests bring their own. */
export interface NumbersIo {
  readonly env: Environment;
  readonly cwd: string;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: InStream;
  /** Asks a yes/no question on the terminal. */
  readonly confirm: (question: string) => Promise<boolean>;
  readonly now: () => Date;
}

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export const defaultIo = (io: Partial<NumbersIo> = {}): NumbersIo => ({
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  confirm: askOnTerminal,
  now: () => new Date(),
  ...io,
});

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Every line printed goes through here: known secrets (the token or API secret, and the Basic
 * auth string made from it) are replaced, and every URL's password hidden (src/redact/url.ts),
 * whatever code path produced the text.
 */
export class Printer {
  private readonly secrets: string[] = [];

  constructor(private readonly io: Pick<NumbersIo, 'stdout' | 'stderr'>) {}

  hide(...secrets: string[]): void {
    this.secrets.push(...secrets.filter((s) => s.length >= 4));
  }

  redact(text: string): string {
    return redactUrlsIn(this.secrets.reduce((acc, secret) => acc.split(secret).join('***'), text));
  }

  out(text: string): void {
    this.io.stdout.write(`${this.redact(text)}\n`);
  }

  err(text: string): void {
    this.io.stderr.write(`${this.redact(text)}\n`);
  }
}
