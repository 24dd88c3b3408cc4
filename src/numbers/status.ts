import { redactUrl } from '../redact/url';
import { classify, type Routing } from './classify';
import type { NumbersContext } from './context';
import { readDeployRecord } from './deploy-record';

/** One row of `npm run numbers -- status`; the --json shape. */
export interface StatusRow {
  readonly sid: string;
  readonly phoneNumber: string;
  readonly routing: Routing;
  /** For this-project: the function path. */
  readonly path?: string;
  /** The number's own SmsUrl (credentials in it masked), null when empty. */
  readonly smsUrl: string | null;
  /** The SID (MG... or AP...) of what answers instead of the number's own URL, null when nothing does. */
  readonly overriddenBy: string | null;
}

/** Every number of the account and where its SMS go now, by phone number. */
export async function numbersStatus(ctx: NumbersContext): Promise<StatusRow[]> {
  const [numbers, overrides, record] = await Promise.all([
    ctx.api.listNumbers(),
    ctx.api.listServiceOverrides(),
    readDeployRecord(ctx.cwd),
  ]);
  const projectDomain = record !== undefined && record.accountSid === ctx.accountSid ? record.domain : undefined;
  return numbers
    .map((n): StatusRow => {
      const service = overrides.get(n.sid);
      const c = classify(n, {
        ...(service !== undefined ? { service } : {}),
        ...(projectDomain !== undefined ? { projectDomain } : {}),
      });
      return {
        sid: n.sid,
        phoneNumber: n.phoneNumber,
        routing: c.routing,
        ...(c.path !== undefined ? { path: c.path } : {}),
        smsUrl: n.smsUrl === '' ? null : redactUrl(n.smsUrl),
        overriddenBy: c.overriddenBy ?? null,
      };
    })
    .sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber));
}
