import type { NumbersContext } from './context';
import { readProjectDomains } from './deploy-record';
import { InputError } from '../errors/input-error';
import { planAttach, SERVICE_MODES, type ServiceMode } from './attach-plan';
import { DEFAULT_COUNTRY, parseCountry, resolveNumbers } from './resolve';
import { withRunLock } from './lock';
import { execute } from './run';
import type { Change, PhoneNumberState, Regulatory, RunReport } from './types';
import { checkConcurrency, checkSid, checkUrl } from './validate';

/** What to attach where, resolved by the caller (`npm run numbers -- attach` or `npm run deploy -- --attach`). */
export interface AttachRequest {
  /** The absolute http(s) URL numbers' SMS will go to (SmsMethod POST). */
  readonly url: string;
  /** Optional fallback URL (SmsFallbackMethod POST). */
  readonly fallbackUrl?: string;
  /** E.164 numbers, PN SIDs, or numbers as people type them; or every number of the account. */
  readonly numbers: readonly string[] | 'all';
  /** Default region (ISO 3166 alpha-2) for numbers typed without a country code; 'US' when left out. */
  readonly country?: string;
  readonly regulatory?: Regulatory;
  /** Updates at once, default 8. */
  readonly concurrency?: number;
  readonly dryRun?: boolean;
  /** For chosen numbers whose Messaging Service answers for them: see src/numbers/attach-plan.ts. */
  readonly messagingService?: ServiceMode;
  /** Recorded in the backup, e.g. "npm run deploy -- --attach +15551230000". */
  readonly command: string;
  /** Asked before the first write when some number would change (the CLI asks on a terminal for --all). */
  readonly confirm?: (changes: readonly Change[]) => Promise<boolean>;
}

/** Problems with the request itself, found without calling Twilio; the URL is checked when known. */
export function attachProblems(request: Omit<AttachRequest, 'url'> & { readonly url?: string }): string[] {
  const country = parseCountry(request.country);
  const problems = [
    request.url !== undefined ? checkUrl('--url', request.url) : undefined,
    request.fallbackUrl !== undefined ? checkUrl('--fallback-url', request.fallbackUrl) : undefined,
    'problem' in country ? country.problem : undefined,
    checkConcurrency(request.concurrency),
    request.messagingService !== undefined && !SERVICE_MODES.includes(request.messagingService)
      ? `--messaging-service must be one of ${SERVICE_MODES.join(', ')}.`
      : undefined,
    checkSid('--bundle-sid', 'BU', request.regulatory?.bundleSid),
    checkSid('--address-sid', 'AD', request.regulatory?.addressSid),
    checkSid('--identity-sid', 'RI', request.regulatory?.identitySid),
    // --all is the text 'all', never of length 0.
    request.numbers.length === 0 ? 'No numbers given: list them, use --file <path or ->, or --all.' : undefined,
  ];
  return problems.filter((p): p is string => p !== undefined);
}

/**
 * Resolves and validates everything, plans, and unless dryRun backs up then writes, holding the
 * project's run lock (src/numbers/lock.ts) from the first read to the last write.
 * Throws InputError (src/numbers/errors.ts, exit 2) before any write on invalid input, and
 * CredentialsError (src/twilio/credentials.ts, exit 3) when Twilio rejects the credentials.
 */
export async function attachNumbers(ctx: NumbersContext, request: AttachRequest): Promise<RunReport> {
  const problems = attachProblems(request);
  if (problems.length > 0) throw new InputError(problems);
  // A dry run writes nothing: it needs no lock, and does not stop a real run.
  return request.dryRun === true ? attach(ctx, request) : withRunLock(ctx, request.command, () => attach(ctx, request));
}

async function attach(ctx: NumbersContext, request: AttachRequest): Promise<RunReport> {
  const [account, services, projectDomains] = await Promise.all([
    ctx.api.listNumbers(),
    ctx.api.listServices(),
    readProjectDomains(ctx.root, ctx.accountSid),
  ]);
  let chosen: readonly PhoneNumberState[] = account;
  if (request.numbers !== 'all') {
    const country = parseCountry(request.country);
    const resolved = resolveNumbers(request.numbers, account, 'country' in country ? country.country : DEFAULT_COUNTRY);
    if (resolved.problems.length > 0) throw new InputError(resolved.problems);
    chosen = resolved.numbers;
  }
  const planned = planAttach({
    chosen,
    account,
    services,
    url: request.url,
    fallbackUrl: request.fallbackUrl,
    mode: request.messagingService,
    projectDomains,
  });
  const report = await execute(ctx, planned, {
    dryRun: request.dryRun ?? false,
    command: request.command,
    concurrency: request.concurrency,
    regulatory: request.regulatory,
    confirm: request.confirm,
  });
  return { ...report, projectDomains };
}
