import { a2pWarnings, isTollFree, isUsLongCode } from '../../src/numbers/a2p';
import type { ServiceState } from '../../src/numbers/types';

const SERVICE: ServiceState = {
  sid: `MG${'2'.repeat(32)}`,
  friendlyName: 'Marketing',
  inboundRequestUrl: '',
  inboundMethod: 'POST',
  fallbackUrl: '',
  fallbackMethod: 'POST',
  useInboundWebhookOnNumber: true,
  a2pRegistered: false,
  numberSids: [],
};
const TFV = 'https://www.twilio.com/docs/messaging/compliance/toll-free/console-onboarding';
const TEN_DLC = 'https://www.twilio.com/docs/messaging/compliance/a2p-10dlc';

describe('toll-free and US long codes, told apart by prefix', () => {
  it.each([
    '+18005550100',
    '+18335550100',
    '+18445550100',
    '+18555550100',
    '+18665550100',
    '+18775550100',
    '+18885550100',
  ])('%s is toll-free, not a long code', (number) => {
    expect([isTollFree(number), isUsLongCode(number)]).toEqual([true, false]);
  });

  it('a whole number only: a digit more, or anything before the +, is neither', () => {
    for (const number of ['+180055501000', 'x+18885550100', '1+18005550100', '+12025550100 ', '+120255501000']) {
      expect([number, isTollFree(number), isUsLongCode(number)]).toEqual([number, false, false]);
    }
    expect(isUsLongCode('x+12025550100')).toBe(false);
    expect(isUsLongCode('+1202555010')).toBe(false);
  });

  it('any other +1 number with 10 digits is a long code; other countries are neither', () => {
    expect([isTollFree('+12025550100'), isUsLongCode('+12025550100')]).toEqual([false, true]);
    expect([isTollFree('+18995550100'), isUsLongCode('+18995550100')]).toEqual([false, true]);
    expect([isTollFree('+442071838750'), isUsLongCode('+442071838750')]).toEqual([false, false]);
  });
});

describe('a2pWarnings', () => {
  it('an unverified toll-free number: 30032, the verifications so far, and where to submit one', () => {
    expect(a2pWarnings('+18885550100', undefined, [])).toEqual([
      {
        code: 30032,
        message:
          'Toll-free number without an approved toll-free verification (none submitted): ' +
          'the texts it sends (replies, forwards) will be blocked (error 30032). ' +
          `Submit one in Console > Messaging > Regulatory Compliance > Toll-Free Verifications: ${TFV}`,
      },
    ]);
    expect(a2pWarnings('+18885550100', undefined, ['TWILIO_REJECTED', 'IN_REVIEW'])[0]?.message).toMatch(
      /^Toll-free number without an approved toll-free verification \(TWILIO_REJECTED, IN_REVIEW\): /,
    );
  });

  it('an approved toll-free verification among others: no warning, in a service or not', () => {
    expect(a2pWarnings('+18885550100', undefined, ['TWILIO_REJECTED', 'TWILIO_APPROVED'])).toEqual([]);
    expect(a2pWarnings('+18885550100', SERVICE, ['TWILIO_APPROVED'])).toEqual([]);
  });

  it('a US long code in no Messaging Service: 30034, with the way to register', () => {
    expect(a2pWarnings('+12025550100', undefined, [])).toEqual([
      {
        code: 30034,
        message:
          'US long code in no Messaging Service: texts it sends to US numbers (replies, forwards) will be blocked ' +
          '(error 30034). Register a brand and a campaign for A2P 10DLC ' +
          `and add the number to the campaign's Messaging Service: ${TEN_DLC}`,
      },
    ]);
  });

  it('a US long code in a service without a registered campaign names the service; registered: no warning', () => {
    expect(a2pWarnings('+12025550100', SERVICE, [])).toEqual([
      {
        code: 30034,
        message:
          `US long code in Messaging Service ${SERVICE.sid} ("Marketing"), which has no registered A2P campaign: ` +
          'texts it sends to US numbers (replies, forwards) will be blocked (error 30034). ' +
          'Register a brand and a campaign for A2P 10DLC ' +
          `and add the number to the campaign's Messaging Service: ${TEN_DLC}`,
      },
    ]);
    expect(a2pWarnings('+12025550100', { ...SERVICE, a2pRegistered: true }, [])).toEqual([]);
  });

  it('a number outside the US: no warning', () => {
    expect(a2pWarnings('+442071838750', undefined, [])).toEqual([]);
  });
});
