// `npm start -- [--sync] [--send]` and `npm run dev -- [--sync] [--send]`: the flags of the local commands.
import { Command } from 'commander';
import { parseOrExitCode } from './parse';

export interface LocalFlags {
  /** Use Twilio Sync (SYNC_SERVICE_SID) for the functions' memory, as deployed, instead of this process. */
  readonly sync: boolean;
  /** Send email and chat deliveries for real instead of printing them. */
  readonly send: boolean;
}

export type ParsedLocalArgs =
  { readonly kind: 'run'; readonly flags: LocalFlags } | { readonly kind: 'exit'; readonly code: number };

const HELP = `
Serves on 127.0.0.1 (this machine only); HOST=<address> to change it, PORT=<number> for the port
(default 3000). The local runtime checks no X-Twilio-Signature: anything that can reach it can call
the functions. .env is read when the runtime starts.`;

export function parseLocalArgs(
  command: string,
  what: string,
  argv: readonly string[],
  output: { readonly out: (text: string) => void; readonly err: (text: string) => void },
): ParsedLocalArgs {
  const program = new Command(`${command} --`)
    .description(what)
    .option(
      '--sync',
      "keep the functions' memory (last sender, once-per-sender replies) in Twilio Sync " +
        '(SYNC_SERVICE_SID), as deployed, instead of in this process',
      false,
    )
    .option('--send', 'send email and chat deliveries for real instead of printing them', false)
    .addHelpText('after', HELP)
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) });
  const code = parseOrExitCode(program, argv);
  if (code !== undefined) return { kind: 'exit', code };
  const { sync, send } = program.opts<{ sync: boolean; send: boolean }>();
  return { kind: 'run', flags: { sync, send } };
}
