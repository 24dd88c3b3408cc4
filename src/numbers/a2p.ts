import type { ServiceState } from './types';

/**
 * What US carriers block, by error code, and what to do about it. Told apart by prefix, not by
 * what a phone-number library thinks is valid: NANP toll-free numbers begin with 800, 833, 844,
 * 855, 866, 877 or 888 (https://www.twilio.com/docs/messaging/api/tollfree-verification-resource);
 * any other +1 number is a long code.
 */
const TOLL_FREE = /^\+1(?:800|833|844|855|866|877|888)\d{7}$/;
const LONG_CODE = /^\+1\d{10}$/;

export const isTollFree = (phoneNumber: string): boolean => TOLL_FREE.test(phoneNumber);
export const isUsLongCode = (phoneNumber: string): boolean => LONG_CODE.test(phoneNumber) && !isTollFree(phoneNumber);

export interface Warning {
  readonly code: number;
  readonly message: string;
}

const BLOCKED = 'texts it sends to US numbers (replies, forwards) will be blocked';
const TEN_DLC = 'https://www.twilio.com/docs/messaging/compliance/a2p-10dlc';
const TFV = 'https://www.twilio.com/docs/messaging/compliance/toll-free/console-onboarding';

/**
 * US A2P 10DLC: an unregistered long code's messages to US numbers are blocked (30034); a
 * registered campaign puts the number in a Messaging Service. An unverified toll-free number is
 * blocked (30032). `verifications`: the statuses of the number's toll-free verifications.
 */
export function a2pWarnings(
  phoneNumber: string,
  service: ServiceState | undefined,
  verifications: readonly string[],
): Warning[] {
  if (isTollFree(phoneNumber)) {
    if (verifications.some((status) => status === 'TWILIO_APPROVED')) return [];
    const now = verifications.length === 0 ? 'none submitted' : verifications.join(', ');
    return [
      {
        code: 30032,
        message:
          `Toll-free number without an approved toll-free verification (${now}): ` +
          'the texts it sends (replies, forwards) will be blocked (error 30032). ' +
          `Submit one in Console > Messaging > Regulatory Compliance > Toll-Free Verifications: ${TFV}`,
      },
    ];
  }
  if (!isUsLongCode(phoneNumber) || service?.a2pRegistered === true) return [];
  const where =
    service === undefined
      ? 'in no Messaging Service'
      : `in Messaging Service ${service.sid} ("${service.friendlyName}"), which has no registered A2P campaign`;
  return [
    {
      code: 30034,
      message:
        `US long code ${where}: ${BLOCKED} (error 30034). Register a brand and a campaign for A2P 10DLC ` +
        `and add the number to the campaign's Messaging Service: ${TEN_DLC}`,
    },
  ];
}
