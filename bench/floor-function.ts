/**
 * The floor as a function file, for the measurements that load files (cold load, the local
 * runtime): a handler with no logic that answers a fixed TwiML with the runtime's `Twilio` builder.
 */
import { writeFile } from 'node:fs/promises';
import type { ParsedMessage } from '../tests/helpers/twiml';

/** CommonJS source of a function answering `messages`, as twilio-run loads it (`require(file).handler`). */
export function floorSource(messages: readonly ParsedMessage[]): string {
  const plan = messages.map(({ to, from, body, media }) => ({
    attributes: { ...(to === undefined ? {} : { to }), ...(from === undefined ? {} : { from }) },
    body,
    media,
  }));
  return `"use strict";
const plan = ${JSON.stringify(plan)};
exports.handler = function (context, event, callback) {
  const response = new Twilio.twiml.MessagingResponse();
  for (const { attributes, body, media } of plan) {
    if (media.length === 0) { response.message(attributes, body); continue; }
    const message = response.message(attributes, '');
    if (body !== '') message.body(body);
    for (const url of media) message.media(url);
  }
  callback(null, response);
};
`;
}

export const writeFloor = (path: string, messages: readonly ParsedMessage[]): Promise<void> =>
  writeFile(path, floorSource(messages));
