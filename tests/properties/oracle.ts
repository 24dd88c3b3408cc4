/**
 * What every answer must be, whatever came in, stated from the outside: from the raw webhook
 * parameters and the generated configuration, not from the code under test.
 */
import { parseTwiml, type ParsedTwiml } from '../helpers/twiml';
import { RESERVED } from './numbers';

const E164 = /^\+[1-9]\d{1,14}$/;
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A parameter as text: the first of a repeated one; '' when absent or not text. */
export function raw(event: Readonly<Record<string, unknown>>, name: string): string {
  const value = Object.prototype.hasOwnProperty.call(event, name) ? event[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' || typeof first === 'number' ? String(first) : '';
}

/** An address as a person means it: what XML can't carry dropped, trimmed, without a channel prefix. */
export function numberOf(address: string): string {
  const clean = address.replace(FORBIDDEN, '').trim();
  return clean.slice(clean.indexOf(':') + 1);
}

/** The message is one Twilio answers itself (opt-out, opt-in, help), so we must not. */
export function isReserved(event: Readonly<Record<string, unknown>>): boolean {
  const word = raw(event, 'Body').replace(FORBIDDEN, '').trim().toUpperCase();
  return (
    (RESERVED as readonly string[]).includes(word) || raw(event, 'OptOutType').replace(FORBIDDEN, '').trim() !== ''
  );
}

export interface Expectation {
  readonly event: Readonly<Record<string, unknown>>;
  /** Numbers a `<Message to>` may name; 'any' when the sender is a target (a relay names any number). */
  readonly recipients: ReadonlySet<string> | 'any';
  /** The endpoint sends nothing, ever (/ignore). */
  readonly silent?: boolean;
  /** This service's own numbers (the receiving number among them): never answered, never sent to. */
  readonly own?: ReadonlySet<string>;
}

/** Checks one TwiML answer; throws naming the broken rule. Returns the parsed answer. */
export function checkAnswer(xml: string, expected: Expectation): ParsedTwiml {
  const answer = parseTwiml(xml); // well-formed, root <Response>, only <Message> verbs
  const fail = (rule: string): never => {
    throw new Error(`${rule}\nanswer: ${JSON.stringify(xml)}`);
  };
  const sender = numberOf(raw(expected.event, 'From'));
  const receiver = numberOf(raw(expected.event, 'To'));
  const reserved = isReserved(expected.event);
  if (expected.silent === true && answer.messages.length > 0) fail('/ignore sent a message');
  const own = expected.own ?? new Set([receiver]);
  if (answer.messages.length > 10) fail(`${answer.messages.length} messages: TwiML allows at most 10`);
  for (const message of answer.messages) {
    if (message.media.length > 10) fail(`${message.media.length} media in one message: at most 10`);
    if (message.body.length > 1600) fail(`a body of ${message.body.length} UTF-16 code units: at most 1600`);
    if (message.body === '' && message.media.length === 0) fail('an empty message (no text, no media)');
    if (message.media.some((url) => !/^https?:\/\/\S+$/i.test(url))) fail('a media URL that is not http(s)');
    // A sender other than the receiving number would send from someone else's number (or fail).
    if (message.from !== undefined && message.from !== receiver)
      fail(`a message from ${message.from}, not from the receiving number`);
    if (message.to === undefined) {
      if (reserved) fail('an auto-reply to a keyword Twilio answers itself');
      if (own.has(sender)) fail(`an answer to ${sender}, a number of this service (they could answer each other)`);
      continue;
    }
    if (!E164.test(message.to)) fail(`a message to ${JSON.stringify(message.to)}, not an E.164 number`);
    if (message.to === sender) fail('a message sent back to its sender');
    if (message.to === receiver) fail('a message sent to the receiving number itself (a loop)');
    if (own.has(message.to)) fail(`a message to ${message.to}, a number of this service (a loop)`);
    if (expected.recipients !== 'any' && !expected.recipients.has(message.to))
      fail(`a message to ${message.to}, who is not a configured target`);
  }
  return answer;
}
