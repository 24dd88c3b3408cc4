/**
 * Function logs are kept by Twilio and are personal data: lines name the MessageSid and the
 * reason, never a message body or a full phone number.
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
};
