/**
 * The account `npm run stand-in` serves: a few numbers as a new user's account might hold them,
 * some in Messaging Services (one that answers for its numbers, one that defers to each number's
 * own webhook; one with a registered A2P campaign, one without), one toll-free not verified yet,
 * each still on the URL Twilio gives a new number.
 */
import type { TwilioApiStandIn } from './twilio-api';

export interface SeededNumber {
  readonly phoneNumber: string;
  readonly sid: string;
  /** What to say about it: its kind and Messaging Service. */
  readonly note: string;
}

/** Fixed credentials: the stand-in is local and throw-away, and the lines to paste stay the same every run. */
export const STAND_IN_ACCOUNT = {
  accountSid: `AC${'5a'.repeat(16)}`,
  authToken: `standin${'0'.repeat(18)}token`,
} as const;

export function seedAccount(api: TwilioApiStandIn): SeededNumber[] {
  const [support1, support2, alerts, plain1, plain2] = [
    '+12025550100',
    '+12025550101',
    '+12025550102',
    '+12025550103',
    '+12025550104',
  ].map((phoneNumber, i) => api.addNumber(phoneNumber, { friendly_name: `(202) 555-010${i}` }));
  const tollFree = api.addNumber('+18885550123', { friendly_name: '(888) 555-0123' });
  api.addService('Acme Support', false, [support1.sid, support2.sid], { us_app_to_person_registered: true });
  api.addService('Acme Alerts', true, [alerts.sid], { us_app_to_person_registered: false });
  const answers = 'in Messaging Service "Acme Support" (A2P campaign registered), which answers for its numbers';
  return [
    { phoneNumber: support1.phone_number, sid: support1.sid, note: `long code, ${answers}` },
    { phoneNumber: support2.phone_number, sid: support2.sid, note: `long code, ${answers}` },
    {
      phoneNumber: alerts.phone_number,
      sid: alerts.sid,
      note: 'long code, in Messaging Service "Acme Alerts" (no A2P campaign), which defers to the number\'s webhook',
    },
    { phoneNumber: plain1.phone_number, sid: plain1.sid, note: 'long code, in no Messaging Service' },
    { phoneNumber: plain2.phone_number, sid: plain2.sid, note: 'long code, in no Messaging Service' },
    { phoneNumber: tollFree.phone_number, sid: tollFree.sid, note: 'toll-free, not verified, in no Messaging Service' },
  ];
}
