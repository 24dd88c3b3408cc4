import type { TwilioApiStandIn } from '../../src/stand-in/twilio-api';

/**
 * The fields the commands write that Twilio answers null or "" alike when unset (a restore can
 * only clear them by sending ""): compared as "" on both sides.
 */
const UNSET_ALIKE = ['sms_url', 'sms_fallback_url', 'sms_application_sid', 'inbound_request_url', 'fallback_url'];

/**
 * Every number and every Messaging Service of the stand-in's account, field by field, as the API
 * holds them; only date_updated (which every write moves) is left out.
 */
export function accountState(api: TwilioApiStandIn): Record<string, unknown> {
  const fields = <T extends { date_updated: string }>({ date_updated: _moved, ...rest }: T): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [key, value === null && UNSET_ALIKE.includes(key) ? '' : value]),
    );
  return { numbers: api.allNumbers().map(fields), services: api.allServices().map(fields) };
}
