/**
 * Two-way relay: a forward target answers a sender through the Twilio number. Its texts (hints,
 * refusals) live here too.
 */
import { reply, sendTo, type Decision } from './decide';
import type { InboundMessage } from './inbound';
import { isE164 } from './phone';
import { MAX_BODY, clip } from './text';

/**
 * A target's answer to a sender: an E.164 number, then `:` or a space, then the text
 * (`+15551230000: see you at 5`). The default forward template starts with the sender's number
 * in this same form, so replying is copy, edit, send.
 */
const COMMAND = /^\s*(\+\d+)(?:\s*:|\s)\s*([\s\S]*)$/;

export type RelayCommand = { readonly to: string; readonly text: string } | { readonly invalid: string };

/** The relay command in a body, `undefined` when the body does not start with a +number. */
export function readRelayCommand(body: string): RelayCommand | undefined {
  const match = COMMAND.exec(body);
  if (match === null) return undefined;
  const [, to, text] = match;
  if (!isE164(to)) return { invalid: `${to} is not a valid number` };
  return { to, text: text.trim() };
}

const HOW = 'To answer someone, start with their number: +15551230000: your text';
const HINT = `Not sent. ${HOW}`;

/**
 * A target writing to the Twilio number: a relay to a sender, or a hint on how to make one.
 * `lastSender` is what the store remembers, if anything.
 */
export function relay(message: InboundMessage, lastSender: string | undefined): Decision {
  const command = readRelayCommand(message.body);
  const media = message.media;
  if (command === undefined) {
    // What the store returns is data from outside: only a valid number becomes a recipient, and
    // never the target itself or the Twilio number (Twilio refuses a message to its sender, 21266).
    const usable =
      lastSender !== undefined && isE164(lastSender) && lastSender !== message.from && lastSender !== message.to;
    if (usable && (message.body.trim() !== '' || media.length > 0)) {
      return { messages: [sendTo(message, lastSender, clip(message.body.trim(), MAX_BODY), media)] };
    }
    return reply(message, HINT);
  }
  if ('invalid' in command) return reply(message, `Not sent: ${command.invalid}. ${HOW}`);
  if (command.to === message.from || command.to === message.to) {
    return reply(
      message,
      `Not sent: ${command.to} is ${command.to === message.from ? 'your own number' : 'this Twilio number'}.`,
    );
  }
  if (command.text === '' && media.length === 0)
    return reply(message, `Not sent: the text after ${command.to} is empty.`);
  return { messages: [sendTo(message, command.to, clip(command.text, MAX_BODY), media)] };
}
