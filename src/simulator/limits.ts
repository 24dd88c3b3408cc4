import { isE164, withoutChannel } from '../routing/phone';
import type { Action } from './twiml';

// https://www.twilio.com/docs/messaging/twiml/message and the error codes it links.
const MAX_MESSAGES = 10;
const MAX_BODY = 1600;
const MAX_MEDIA = 10;

/**
 * What in a well-formed answer Twilio would still refuse or fail to send: said so the author of
 * a routing change sees it here rather than in the Console's error log.
 */
export function limitProblems(actions: readonly Action[]): string[] {
  const problems: string[] = [];
  const messages = actions.flatMap((a) => (a.kind === 'message' ? [a] : []));
  if (messages.length > MAX_MESSAGES) {
    problems.push(`${messages.length} <Message> verbs: Twilio sends at most ${MAX_MESSAGES} per answer (error 14109)`);
  }
  messages.forEach((m, i) => {
    const which = `message ${i + 1}`;
    // Twilio counts characters as UTF-16 code units, like String.length.
    if (m.body.length > MAX_BODY)
      problems.push(`${which}: the body has ${m.body.length} characters, at most ${MAX_BODY} (error 21617)`);
    if (m.media.length > MAX_MEDIA) problems.push(`${which}: ${m.media.length} <Media>, at most ${MAX_MEDIA}`);
    if (m.body.trim() === '' && m.media.length === 0)
      problems.push(`${which}: no body and no media: nothing to send (error 14103)`);
    if (m.to !== undefined && !isE164(withoutChannel(m.to)))
      problems.push(`${which}: to="${m.to}" is not an E.164 number (error 14101)`);
  });
  for (const a of actions) {
    if (a.kind === 'unknown')
      problems.push(`<${a.verb}> is not a messaging verb (only Message and Redirect): error 14110`);
  }
  return problems;
}
