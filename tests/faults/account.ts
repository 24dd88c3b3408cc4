/**
 * An account worth breaking: numbers routed every way a real account has them (demo reply,
 * TwiML Bin, Studio Flow, another Function, a webhook with GET, a fallback, a TwiML App, nothing),
 * with voice configured too, some in a Messaging Service; and how to compare it afterwards.
 */
import type { NumberResource } from '../../src/stand-in/twilio-shapes';
import type { TwilioApiStandIn } from '../../src/stand-in/twilio-api';

export const URL_ = 'https://switchboard-1234-dev.twil.io/sms';

const APP = (n: number) => `AP${n.toString(16).padStart(32, '0')}`;

const ROUTINGS: ReadonlyArray<Partial<NumberResource>> = [
  {},
  { sms_url: 'https://handler.twilio.com/twiml/EH0123456789abcdef0123456789abcdef', sms_method: 'POST' },
  {
    sms_url: `https://webhooks.twilio.com/v1/Accounts/AC${'1'.repeat(32)}/Flows/FW${'2'.repeat(32)}`,
    sms_method: 'POST',
  },
  {
    sms_url: 'https://other-5678-prod.twil.io/inbound',
    sms_method: 'GET',
    sms_fallback_url: 'https://example.com/fallback',
    sms_fallback_method: 'GET',
  },
  { sms_url: 'http://legacy.example.com/sms.php?x=1&y=2', sms_method: 'GET' },
  { sms_url: null, sms_method: 'POST', sms_fallback_url: null },
  { sms_url: 'https://example.com/app-overridden', sms_application_sid: APP(7) },
  { sms_url: URL_, sms_method: 'POST' }, // already attached: unchanged
];

const VOICES: ReadonlyArray<Partial<NumberResource>> = [
  {},
  {
    voice_url: 'https://example.com/voice',
    voice_method: 'GET',
    voice_fallback_url: 'https://example.com/voice-fallback',
  },
  { voice_application_sid: APP(9), voice_url: '' },
];

/**
 * `count` numbers, routed in turn every way above;
 * every fifth number in a Messaging Service that keeps its inbound.
 */
export function seedAccount(api: TwilioApiStandIn, count: number): NumberResource[] {
  const numbers = Array.from({ length: count }, (_, i) =>
    api.addNumber(`+1415555${String(i).padStart(4, '0')}`, {
      ...ROUTINGS[i % ROUTINGS.length],
      ...VOICES[i % VOICES.length],
    }),
  );
  api.addService(
    'Marketing',
    false,
    numbers.filter((_, i) => i % 5 === 0).map((n) => n.sid),
  );
  api.addService(
    'Support',
    true,
    numbers.filter((_, i) => i % 5 === 1).map((n) => n.sid),
  );
  return numbers.map((n) => ({ ...n }));
}

/** The five SMS routing fields as the commands read them: null and '' alike, methods upper case. */
export function smsRouting(n: NumberResource): Record<string, string> {
  return {
    sms_url: n.sms_url ?? '',
    sms_method: n.sms_method.toUpperCase(),
    sms_fallback_url: n.sms_fallback_url ?? '',
    sms_fallback_method: n.sms_fallback_method.toUpperCase(),
    sms_application_sid: n.sms_application_sid ?? '',
  };
}

/** Everything else: voice, regulatory, names... which no command may touch. */
export function otherFields(n: NumberResource): Record<string, unknown> {
  return Object.fromEntries(Object.entries(n).filter(([key]) => !key.startsWith('sms_') && key !== 'date_updated'));
}

/** Numbers whose SMS routing differs from `before`, or whose other fields changed at all. */
export function differences(
  api: TwilioApiStandIn,
  before: readonly NumberResource[],
  expected: (n: NumberResource) => Record<string, string>,
): string[] {
  return before.flatMap((was) => {
    const now = api.number(was.sid);
    const problems: string[] = [];
    if (JSON.stringify(smsRouting(now)) !== JSON.stringify(expected(was))) {
      problems.push(
        `${was.phone_number}: SMS routing ${JSON.stringify(smsRouting(now))}, ` +
          `expected ${JSON.stringify(expected(was))}`,
      );
    }
    if (JSON.stringify(otherFields(now)) !== JSON.stringify(otherFields(was)))
      problems.push(`${was.phone_number}: a field other than SMS routing changed`);
    return problems;
  });
}

/** What attach makes of a number: SmsUrl and POST, no TwiML App; the fallback as it was. */
export const attached = (n: NumberResource): Record<string, string> => ({
  ...smsRouting(n),
  sms_url: URL_,
  sms_method: 'POST',
  sms_application_sid: '',
});

/**
 * No request ever sent a parameter outside SMS routing to a number (Voice*, FriendlyName...), nor
 * outside the five inbound fields to a Messaging Service.
 */
export function foreignParameters(api: TwilioApiStandIn): string[] {
  const toNumber = new Set(['SmsUrl', 'SmsMethod', 'SmsFallbackUrl', 'SmsFallbackMethod', 'SmsApplicationSid']);
  const toService = new Set([
    'InboundRequestUrl',
    'InboundMethod',
    'FallbackUrl',
    'FallbackMethod',
    'UseInboundWebhookOnNumber',
  ]);
  return [
    ...new Set(
      api.requests
        .filter((r) => r.method === 'POST')
        .flatMap((r) => {
          const allowed = r.path.startsWith('/v1/Services/') ? toService : toNumber;
          return Object.keys(r.form).filter((k) => !allowed.has(k));
        }),
    ),
  ];
}
