import type { Environment } from '../config/env';
import type { InboundMessage } from '../routing/inbound';

/**
 * Function logs are kept by Twilio and are personal data: lines name the MessageSid and the
 * reason, never a message body or a full phone number, unless LOG_LEVEL=debug.
 */
const PREFIX = 'sms-switchboard';

const who = (sid: string): string => (sid === '' ? '(no MessageSid)' : sid);

export const log = {
  info(sid: string, text: string): void {
    console.log(`${PREFIX} ${who(sid)}: ${text}`);
  },
  error(sid: string, text: string, cause?: unknown): void {
    if (cause === undefined) console.error(`${PREFIX} ${who(sid)}: ${text}`);
    else console.error(`${PREFIX} ${who(sid)}: ${text}:`, cause);
  },
  /** The whole message, only when LOG_LEVEL=debug: for tracing a routing problem, then turn it off. */
  debug(env: Environment, sid: string, message: InboundMessage): void {
    if (env.LOG_LEVEL !== 'debug') return;
    console.log(`${PREFIX} ${who(sid)}: from ${message.from} to ${message.to}, ${message.media.length} media: ${JSON.stringify(message.body)}`);
  },
};
