/** Checks an HTTP answer is what Twilio needs (200, text/xml, well-formed TwiML) and reads its meaning. */
import type { ParsedTwiml } from './twiml';
import { parseTwiml } from './twiml';
import type { WebhookAnswer } from './webhook';

export function twimlOf(answer: WebhookAnswer): ParsedTwiml {
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}, not 200: ${answer.body}`);
  if (!/^text\/xml\b/.test(answer.contentType))
    throw new Error(`content-type ${answer.contentType}, not text/xml: ${answer.body}`);
  return parseTwiml(answer.body);
}
