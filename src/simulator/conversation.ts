import { sameNumber } from '../routing/phone';
import type { ShownDelivery } from './deliveries';
import type { SimulatedMessage } from './inbound-request';
import type { Action, TwimlMessage } from './twiml';

const indent = (text: string): string[] => text.split(/\r\n|\r|\n/).map((line) => `    ${line}`);

function content(body: string, media: readonly string[]): string[] {
  return [...(body === '' ? ['    (no text)'] : indent(body)), ...media.map((url) => `    [media] ${url}`)];
}

/** Who gets it: no `to` (or the sender's own number) is a reply; `from` defaults to the Twilio number. */
function heading(message: TwimlMessage, sent: SimulatedMessage): string {
  const from = `from ${message.from ?? sent.to}`;
  if (message.to === undefined || sameNumber(message.to, sent.from))
    return `Reply to the sender ${sent.from}, ${from}:`;
  return `To ${message.to}, ${from}:`;
}

/** An email or Slack message the function would send, as the local runtime printed it. */
function delivery(shown: ShownDelivery): string[] {
  if (shown.kind === 'slack') return ['Slack:', ...indent(shown.text.trimEnd())];
  return [`Email to ${shown.to}:`, `    Subject: ${shown.subject}`, ...indent(shown.text.trimEnd())];
}

/**
 * The exchange as a person would read it: the message sent, then what Twilio would send because
 * of the answer, one block per message, media listed under the text; then the emails and Slack
 * messages the function would send.
 */
export function renderConversation(
  sent: SimulatedMessage,
  actions: readonly Action[],
  deliveries: readonly ShownDelivery[] = [],
): string[] {
  const lines = [`${sent.from} texts ${sent.to}:`, ...content(sent.body, sent.media), ''];
  const others = deliveries.flatMap(delivery);
  if (actions.length === 0) return [...lines, '(no reply: <Response/>)', ...others];
  for (const action of actions) {
    if (action.kind === 'message') lines.push(heading(action, sent), ...content(action.body, action.media));
    else if (action.kind === 'redirect')
      lines.push(`Redirect: Twilio would fetch more TwiML from ${action.url || '(no URL)'}`);
    else lines.push(`<${action.verb}>: not a messaging verb`);
  }
  return [...lines, ...others];
}
