import type { Environment } from '../config/env';
import type { InboundMessage } from '../routing/inbound';
import { describeError } from '../twilio/errors';
import { redact } from './redact';

/**
 * Function logs are kept by Twilio and are personal data: lines name the MessageSid and the
 * reason, never a message body or a full phone number, unless LOG_LEVEL=debug.
 */
const PREFIX = 'sms-switchboard';

/** What an error's words must not show: the message's text, and the credentials in use. */
export interface Hidden {
  readonly body?: string;
  readonly secrets?: readonly string[];
}

const who = (sid: string): string => (sid === '' ? '(no MessageSid)' : sid);

/** LOG_LEVEL=info or debug: also say why a message got no answer when a rule decided so. */
const says = (env: Environment): boolean => env.LOG_LEVEL === 'info' || env.LOG_LEVEL === 'debug';

export const log = {
  /**
   * Why a message got no answer. A configuration to fix is a warning, always (the Twilio
   * Debugger shows it); a rule doing its job (a STOP, a blocked sender: a spam flood) is routine,
   * logged only at LOG_LEVEL=info or debug.
   */
  note(env: Environment, sid: string, text: string, problem: boolean): void {
    if (problem) console.warn(`${PREFIX} ${who(sid)}: ${text}`);
    else if (says(env)) console.log(`${PREFIX} ${who(sid)}: ${text}`);
  },
  /** Something outside our code did not do its part in time, and the message went on without it. */
  warn(sid: string, text: string): void {
    console.warn(`${PREFIX} ${who(sid)}: ${text}`);
  },
  /**
   * `text` is ours (a reason, a configuration problem naming configured numbers); `cause` comes
   * from elsewhere and may quote anything: it is said by name, code, status and message only,
   * never inspected whole (an HTTP error holds its request's Authorization header), then printed
   * without credentials (`hidden.secrets`: the token or API secret in use), phone numbers nor
   * copies of `hidden.body` (the message's).
   */
  error(sid: string, text: string, cause?: unknown, hidden: Hidden = {}): void {
    if (cause === undefined) console.error(`${PREFIX} ${who(sid)}: ${text}`);
    else console.error(`${PREFIX} ${who(sid)}: ${text}: ${redact(describeError(cause), hidden.body, hidden.secrets)}`);
  },
  /** The whole message, only when LOG_LEVEL=debug: for tracing a routing problem, then turn it off. */
  debug(env: Environment, sid: string, message: InboundMessage): void {
    if (env.LOG_LEVEL !== 'debug') return;
    console.log(
      `${PREFIX} ${who(sid)}: from ${message.from} to ${message.to}, ` +
        `${message.media.length} media: ${JSON.stringify(message.body)}`,
    );
  },
};
