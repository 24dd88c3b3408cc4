/**
 * The numbers the generated configurations and messages share, in small pools so that
 * collisions happen often: a sender who is a forward target, a target that is the receiving
 * number, a relay to a routed number.
 */
export const RECEIVING = ['+15005550006', '+15005550007', '+15005550008'] as const;
export const TARGETS = ['+15551230001', '+15551230002', '+15551230003', '+447700900123'] as const;
export const STRANGERS = ['+12125550143', '+19005550199', '+33612345678'] as const;
export const POOL: readonly string[] = [...RECEIVING, ...TARGETS, ...STRANGERS];

/** The Sync service the generated configurations name (the stand-in serves this one). */
export const SYNC_SID = 'IS0123456789abcdef0123456789abcdef';

/** Twilio's own keywords, as twilio-facts.md lists them: never auto-replied by us. */
export const RESERVED = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'START',
  'YES',
  'UNSTOP',
  'HELP',
  'INFO',
] as const;

/** Words the generated configurations answer (keywords), so messages hit them often. */
export const ANSWERED = ['HOURS', 'price', 'Menu', 'A1'] as const;

/** A TwiML injection: it must stay text wherever it appears. */
export const INJECTION = '</Message><Message to="+19998887777">pwned</Message><Message>';
