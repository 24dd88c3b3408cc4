import type { InboundMessage } from './inbound';
import { isReservedKeyword } from './keywords';
import { isE164, sameNumber, withoutChannel } from './phone';
import type { Rule } from './rule';
import { MAX_BODY, clip, fillWithin } from './text';

/** TwiML allows at most 10 <Message> verbs in one answer (error 14109 beyond). */
export const MAX_MESSAGES = 10;

export interface OutboundMessage {
  /** E.164 recipient; absent means "reply to the sender". */
  readonly to?: string;
  readonly body: string;
  readonly media: readonly string[];
}

export interface Decision {
  readonly messages: readonly OutboundMessage[];
  /** Why nothing (or less than asked) is sent, for the operator's log. Never sent to anyone. */
  readonly note?: string;
}

const silent = (note?: string): Decision => ({ messages: [], note });

export function decide(message: InboundMessage, rule: Rule): Decision {
  switch (rule.mode) {
    case 'ignore':
      return silent();
    case 'auto-reply':
      return autoReply(message, rule.message);
    case 'forward':
      return forward(message, rule.to, rule.template);
  }
}

function autoReply(message: InboundMessage, text: string): Decision {
  // Twilio answers opt-out, opt-in and help keywords itself; a second answer would double-reply.
  if (message.optOutType !== '' || isReservedKeyword(message.body)) {
    return silent('keyword message: Twilio answers it itself');
  }
  if (text === '') return silent('auto-reply message is empty');
  return { messages: [{ body: clip(text, MAX_BODY), media: [] }] };
}

function forward(message: InboundMessage, targets: readonly string[], template: string): Decision {
  if (sameNumber(message.from, message.to)) {
    return silent('sender is the receiving number: forwarding would loop');
  }
  const sender = withoutChannel(message.from);
  const recipients = [...new Set(targets)].filter((to) => isE164(to) && to !== sender).slice(0, MAX_MESSAGES);
  if (recipients.length === 0) {
    return silent(
      targets.length === 0
        ? 'forward has no target: set FORWARD_TO or "to" in the routing file'
        : 'forward has no usable target (each is invalid or is the sender)',
    );
  }
  const body = fillWithin(template, { From: message.from, To: message.to, Body: message.body }, 'Body');
  const media = message.media;
  return { messages: recipients.map((to) => ({ to, body, media })) };
}
