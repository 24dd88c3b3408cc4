// `npm run deploy -- --attach`: numbers' attach (src/numbers/attach.ts) called directly with the
// deploy's credentials and the function's URL: the same plan, backup, output and exit code as
// `npm run numbers -- attach --url <that URL>`.
import { attachNumbers, type AttachRequest } from '../numbers/attach';
import type { ServiceMode } from '../numbers/attach-plan';
import type { NumbersContext } from '../numbers/context';
import type { Credentials } from '../twilio/credentials';
import { EXIT } from './exit';
import { numbersWorld, Printer } from './numbers-io';
import { openAccount, reportRun, withExitCode } from './numbers-run';
import type { CommandWorld, Prompter } from './world';

/** What `--attach` and the flags that go with it ask for. */
export interface DeployAttach {
  readonly numbers: readonly string[];
  /** Recorded in the backup: how to see what made the change. */
  readonly command: string;
  readonly country?: string;
  readonly fallbackUrl?: string;
  readonly messagingService?: ServiceMode;
}

/** The account the deploy's credentials open, and the printer that hides them. */
export interface AttachSession {
  readonly ctx: NumbersContext;
  readonly world: CommandWorld & Prompter;
  readonly printer: Printer;
}

/** Opens the account for the attach: the twilio SDK (TWILIO_API_BASE_URL) with the deploy's credentials. */
export async function openAttach(world: CommandWorld, credentials: Credentials): Promise<AttachSession> {
  const attachWorld = numbersWorld(world);
  const printer = new Printer(attachWorld);
  return { ctx: await openAccount(attachWorld, printer, credentials), world: attachWorld, printer };
}

const requestFor = (attach: DeployAttach, url: string, dryRun: boolean): AttachRequest => ({
  url,
  numbers: attach.numbers,
  dryRun,
  command: attach.command,
  ...(attach.country !== undefined ? { country: attach.country } : {}),
  ...(attach.fallbackUrl !== undefined ? { fallbackUrl: attach.fallbackUrl } : {}),
  ...(attach.messagingService !== undefined ? { messagingService: attach.messagingService } : {}),
});

/** The attach to `url` (or its dry run), printed as `numbers attach` prints it; its exit code. */
export function attachNumbersTo(
  session: AttachSession,
  attach: DeployAttach,
  url: string,
  dryRun: boolean,
): Promise<number> {
  const { ctx, world, printer } = session;
  return withExitCode(printer, () =>
    reportRun(ctx, world, printer, { json: false, rerun: attach.command }, (c) =>
      attachNumbers(c, requestFor(attach, url, dryRun)),
    ),
  );
}

/**
 * Before the deploy writes anything: the attach planned as a dry run, which prints nothing when it
 * passes. An unknown number, a number its Messaging Service answers for, a bad URL or rejected
 * credentials print why, as `numbers attach` does, and return that exit code (2 or 3; 1 when
 * Twilio kept failing): then nothing is deployed and no number changed.
 */
export function checkAttach(session: AttachSession, attach: DeployAttach, url: string): Promise<number> {
  return withExitCode(session.printer, async () => {
    await attachNumbers(session.ctx, requestFor(attach, url, true));
    return EXIT.ok;
  });
}
