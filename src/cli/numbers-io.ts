import { createInterface } from 'node:readline/promises';
import { redactUrlsIn } from '../redact/url';
import { processWorld, type CommandWorld, type Prompter } from './world';

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/** `npm run numbers`' world: this process's, with its terminal to ask on; `given` replaces any part. */
export const numbersWorld = (given: Partial<CommandWorld & Prompter> = {}): CommandWorld & Prompter => ({
  ...processWorld(),
  stdin: process.stdin,
  confirm: askOnTerminal,
  ...given,
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

  constructor(private readonly world: Pick<CommandWorld, 'stdout' | 'stderr'>) {}

  hide(...secrets: string[]): void {
    this.secrets.push(...secrets.filter((s) => s.length >= 4));
  }

  redact(text: string): string {
    return redactUrlsIn(this.secrets.reduce((acc, secret) => acc.split(secret).join('***'), text));
  }

  out(text: string): void {
    this.world.stdout.write(`${this.redact(text)}\n`);
  }

  err(text: string): void {
    this.world.stderr.write(`${this.redact(text)}\n`);
  }
}
