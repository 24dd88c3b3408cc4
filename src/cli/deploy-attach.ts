// `npm run deploy -- --attach`: the numbers command's own attach (src/cli/numbers-run.ts), fed
// the deployed function's URL. Same plan, backup, output and exit code as `npm run numbers -- attach`.
import { Writable } from 'node:stream';
import type { Credentials } from '../twilio/credentials';
import type { CommandWorld, OutStream } from './world';
import { attachCommand } from './numbers-run';

export interface DeployAttach {
  readonly url: string;
  readonly numbers: readonly string[];
  /** Recorded in the backup: how to see what made the change. */
  readonly command: string;
  readonly credentials: Credentials;
  readonly dryRun: boolean;
  readonly country?: string;
  readonly fallbackUrl?: string;
}

function run(
  attach: DeployAttach,
  world: CommandWorld,
  streams: { stdout: OutStream; stderr: OutStream },
): Promise<number> {
  return attachCommand(
    {
      url: attach.url,
      numbers: attach.numbers,
      dryRun: attach.dryRun,
      command: attach.command,
      ...(attach.country === undefined ? {} : { country: attach.country }),
      ...(attach.fallbackUrl === undefined ? {} : { fallbackUrl: attach.fallbackUrl }),
    },
    { world: { ...world, ...streams }, credentials: attach.credentials },
  );
}

/** The attach itself (or its dry run): everything printed as `numbers attach` prints it. */
export const attachNumbersTo = (attach: DeployAttach, world: CommandWorld): Promise<number> =>
  run(attach, world, { stdout: world.stdout, stderr: world.stderr });

/**
 * Before the deploy writes anything: the same attach as a silent dry run, so an unknown number,
 * a bad URL or rejected credentials stop the command (exit 2 or 3) with nothing written anywhere.
 * Returns its exit code, and what it said on stderr (shown only if it refused).
 */
export async function checkAttach(
  attach: DeployAttach,
  world: CommandWorld,
): Promise<{ code: number; errors: string }> {
  let errors = '';
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const capture = new Writable({
    write: (chunk: Buffer | string, _encoding, done) => {
      errors += chunk.toString();
      done();
    },
  });
  const code = await run({ ...attach, dryRun: true }, world, { stdout: discard, stderr: capture });
  return { code, errors: errors.trimEnd() };
}
