import { routingOf } from './fields';
import { ROUTING_FIELDS, type Change, type PhoneNumberState, type RoutingUpdate, type SmsRouting } from './types';

/** The fields a number must end with; a field left out stays as it is. */
export type Target = Partial<SmsRouting>;

/**
 * Attaching sets SmsUrl and SmsMethod POST (and the fallback when given), and clears an
 * SmsApplicationSid: while one is set Twilio ignores the sms*Url fields.
 * https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource
 */
export function attachTarget(url: string, fallbackUrl?: string): Target {
  return {
    smsUrl: url,
    smsMethod: 'POST',
    smsApplicationSid: '',
    ...(fallbackUrl !== undefined ? { smsFallbackUrl: fallbackUrl, smsFallbackMethod: 'POST' } : {}),
  };
}

const same = (field: keyof SmsRouting, a: string, b: string): boolean =>
  field === 'smsMethod' || field === 'smsFallbackMethod' ? a.toUpperCase() === b.toUpperCase() : a === b;

/**
 * Only the fields that differ. Clearing is sending '' (the only way Twilio clears a field), and
 * since a field already empty is never sent, SmsApplicationSid='' goes out only when the number has
 * one: Twilio's OpenAPI description (twilio-oai) gives that field the pattern ^AP[0-9a-fA-F]{32}$, which
 * rejects ''.
 */
export function diff(current: SmsRouting, target: Target): RoutingUpdate | null {
  const update: { -readonly [K in keyof SmsRouting]?: string } = {};
  for (const field of ROUTING_FIELDS) {
    const wanted = target[field];
    if (wanted !== undefined && !same(field, current[field], wanted)) update[field] = wanted;
  }
  return Object.keys(update).length === 0 ? null : update;
}

/** Pure: a number as it is and what it should become -> its change. */
export function changeOf(number: PhoneNumberState, target: Target): Change {
  const update = diff(number, target);
  return { number, update, after: { ...routingOf(number), ...(update ?? {}) } };
}

/** Pure: the numbers as they are and what each should become -> the changes. */
export const plan = (numbers: readonly PhoneNumberState[], targetOf: (number: PhoneNumberState) => Target): Change[] =>
  numbers.map((number) => changeOf(number, targetOf(number)));

/** One field a change writes, as it is and as it will be. */
export interface FieldChange {
  readonly field: keyof SmsRouting;
  readonly now: string;
  readonly after: string;
}

/** Every field the change writes, in ROUTING_FIELDS order: what a plan must show, not just the URL. */
export const changedFields = (change: Change): FieldChange[] =>
  ROUTING_FIELDS.filter((field) => change.update?.[field] !== undefined).map((field) => ({
    field,
    now: change.number[field],
    after: change.after[field],
  }));
