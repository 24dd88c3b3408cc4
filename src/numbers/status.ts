import { redactUrl } from '../redact/url';
import { a2pWarnings, isTollFree, type Warning } from './a2p';
import { classify, type Routing } from './classify';
import type { NumbersContext } from './context';
import { readProjectDomains } from './deploy-record';
import { serviceByNumber } from './services';

/** One row of `npm run numbers -- status`; the --json shape. */
export interface StatusRow {
  readonly sid: string;
  readonly phoneNumber: string;
  readonly routing: Routing;
  /** For this-project: the function path. */
  readonly path?: string;
  /** For this-project: the environment whose domain the number's URL is on, e.g. dev or production. */
  readonly environment?: string;
  /** The number's own SmsUrl (credentials in it masked), null when empty. */
  readonly smsUrl: string | null;
  /** The SID (MG... or AP...) of what answers instead of the number's own URL, null when nothing does. */
  readonly overriddenBy: string | null;
  /** The Messaging Service the number is in, whether it answers for it or not. */
  readonly messagingService: { sid: string; friendlyName: string; a2pRegistered: boolean } | null;
  /** What US carriers will block (30034, 30032), and what to do. */
  readonly warnings: readonly Warning[];
}

/** Every number of the account, where its SMS go now, and what would block its texts; by phone number. */
export async function numbersStatus(ctx: NumbersContext): Promise<StatusRow[]> {
  const [numbers, services, projectDomains] = await Promise.all([
    ctx.api.listNumbers(),
    ctx.api.listServices(),
    readProjectDomains(ctx.root, ctx.accountSid),
  ]);
  // Only an account with toll-free numbers needs their verifications read.
  const verifications = numbers.some((n) => isTollFree(n.phoneNumber))
    ? await ctx.api.listTollfreeVerifications()
    : new Map<string, string[]>();
  const byNumber = serviceByNumber(services);
  return numbers
    .map((n): StatusRow => {
      const service = byNumber.get(n.sid);
      const c = classify(n, { projectDomains, service });
      return {
        sid: n.sid,
        phoneNumber: n.phoneNumber,
        routing: c.routing,
        ...(c.path !== undefined ? { path: c.path } : {}),
        ...(c.environment !== undefined ? { environment: c.environment } : {}),
        smsUrl: n.smsUrl === '' ? null : redactUrl(n.smsUrl),
        overriddenBy: c.overriddenBy ?? null,
        messagingService:
          service === undefined
            ? null
            : { sid: service.sid, friendlyName: service.friendlyName, a2pRegistered: service.a2pRegistered },
        warnings: a2pWarnings(n.phoneNumber, service, verifications.get(n.sid) ?? []),
      };
    })
    .sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber));
}
