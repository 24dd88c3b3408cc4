// `npm start -- [--sync] [--send]` and `npm run dev -- [--sync] [--send]`: the flags of the local commands.
import { parseOrExitCode, program, type Output } from './parse';

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
  output: Output,
): ParsedLocalArgs {
  const local = program(`${command} --`, what, output)
    .option(
      '--sync',
      "keep the functions' memory (last sender, once-per-sender replies) in Twilio Sync " +
        '(SYNC_SERVICE_SID), as deployed, instead of in this process',
      false,
    )
    .option('--send', 'send email and chat deliveries for real instead of printing them', false)
    .addHelpText('after', HELP);
  const code = parseOrExitCode(local, argv);
  if (code !== undefined) return { kind: 'exit', code };
  const { sync, send } = local.opts<{ sync: boolean; send: boolean }>();
  return { kind: 'run', flags: { sync, send } };
}
