import { DELIVERIES_HEADER, type ShownDelivery } from '../runtime/print-deliveries';

export { DELIVERIES_HEADER };
export type { ShownDelivery };

const isText = (value: unknown): value is string => typeof value === 'string';

function shown(item: unknown): ShownDelivery | undefined {
  // null (and any other non-object) has none of these fields.
  const { kind, to, subject, text } = (item ?? {}) as Record<string, unknown>;
  if (kind === 'email' && isText(to) && isText(subject) && isText(text)) return { kind, to, subject, text };
  if (kind === 'slack' && isText(text)) return { kind, text };
  return undefined;
}

/**
 * The email and Slack deliveries the local functions printed instead of sending
 * (SWITCHBOARD_PRINT_DELIVERIES, which `npm start` sets unless --send), from the answer's header:
 * base64 JSON. No header (a deployed function, or --send): none. What does not read as one is left out.
 */
export function readDeliveries(header: string | undefined): ShownDelivery[] {
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent (both fail to parse below: none)
  if (header === undefined || header === '') return [];
  try {
    const list: unknown = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
    return Array.isArray(list) ? list.map(shown).filter((item) => item !== undefined) : [];
  } catch {
    return [];
  }
}
