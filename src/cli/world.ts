// What every command touches outside its arguments: passed in, so tests bring their own.

/** A stream the commands print to; isTTY decides progress bars and prompts. */
export type OutStream = NodeJS.WritableStream & { readonly isTTY?: boolean };
export type InStream = NodeJS.ReadableStream & { readonly isTTY?: boolean };

/** The injected environment of a command. */
export interface CommandWorld {
  /** The project folder: where .env, .twilioserverlessrc and .twilioserverless/ are (the working directory). */
  readonly root: string;
  /** The shell's variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly now: () => Date;
}

/** A command that may ask before it writes (numbers attach --all): a world with a terminal to ask on. */
export interface Prompter {
  readonly stdin: InStream;
  /** Asks a yes/no question on the terminal. */
  readonly confirm: (question: string) => Promise<boolean>;
}

/** This process's world. */
export const processWorld = (): CommandWorld => ({
  root: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
});

/** Writes each line to `stream`. */
export const lines =
  (stream: OutStream) =>
  (line: string): void =>
    void stream.write(`${line}\n`);
