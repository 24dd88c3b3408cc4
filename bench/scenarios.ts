/**
 * What the per-call benchmark sends each built function: realistic webhooks (the fixtures, varied
 * the way real traffic varies), the environment each mode reads, and the routing file the router
 * reads. Every event is a complete webhook, as Twilio posts it.
 */
import { join } from 'node:path';
import { fixtures, params, type WebhookParams } from '../tests/fixtures';
import { REPO } from '../tests/helpers/project';

export interface Scenario {
  readonly name: string;
  /** The built function, e.g. `auto-reply.protected.js`. */
  readonly file: string;
  /** The service's environment variables (the `context`). */
  readonly env: Readonly<Record<string, string>>;
  /** The routing file served as the private asset /routing.json, if any. */
  readonly routing?: string;
  readonly events: readonly WebhookParams[];
}

const LONG = 'Hello, I ordered a replacement part last week (order 48213) and it has not arrived yet. '.repeat(4);
const sid = (prefix: string, n: number): string => prefix + n.toString(16).padStart(32, '0');

/** Plain texts from a few senders: short, long, emoji, WhatsApp, a keyword Twilio answers itself. */
const texts = (to: string): WebhookParams[] => [
  params(fixtures.sms, { To: to }),
  params(fixtures.sms, {
    To: to,
    From: '+447700900123',
    Body: 'Can I change my booking to 3pm?',
    MessageSid: sid('SM', 1),
    SmsMessageSid: sid('SM', 1),
    SmsSid: sid('SM', 1),
  }),
  params(fixtures.sms, {
    To: to,
    Body: LONG,
    NumSegments: '3',
    MessageSid: sid('SM', 2),
    SmsMessageSid: sid('SM', 2),
    SmsSid: sid('SM', 2),
  }),
  params(fixtures.sms, {
    To: to,
    From: '+14155550199',
    Body: 'Thanks 👍 see you then!',
    MessageSid: sid('SM', 3),
    SmsMessageSid: sid('SM', 3),
    SmsSid: sid('SM', 3),
  }),
  params(fixtures.whatsapp, { To: `whatsapp:${to}` }),
  params(fixtures.sms, {
    To: to,
    From: '+13125550110',
    Body: 'What are your hours?',
    MessageSid: sid('SM', 4),
    SmsMessageSid: sid('SM', 4),
    SmsSid: sid('SM', 4),
  }),
  params(fixtures.sms, {
    To: to,
    From: '+16175550123',
    Body: 'Is the store on Main St open?',
    MessageSid: sid('SM', 5),
    SmsMessageSid: sid('SM', 5),
    SmsSid: sid('SM', 5),
  }),
  params(fixtures.optOut, { To: to }),
];

function without(event: WebhookParams, ...names: string[]): WebhookParams {
  return Object.fromEntries(Object.entries(event).filter(([name]) => !names.includes(name)));
}

/** MMS with one to three pictures. */
const pictures = (to: string): WebhookParams[] => {
  const third = fixtures.mms.MediaUrl1?.replace('ME9a8b', 'ME7c6d') ?? '';
  return [
    params(fixtures.mms, { To: to }),
    without(
      params(fixtures.mms, { To: to, From: '+447700900123', Body: 'Photo of the receipt', NumMedia: '1' }),
      'MediaUrl1',
      'MediaContentType1',
    ),
    params(fixtures.mms, {
      To: to,
      From: '+14155550199',
      Body: '',
      NumMedia: '3',
      MediaUrl2: third,
      MediaContentType2: 'image/jpeg',
    }),
    params(fixtures.mms, {
      To: to,
      From: '+13125550110',
      Body: 'Damage on arrival, see pictures. ' + LONG.slice(0, 200),
    }),
  ];
};

const RECEIVER = '+15005550006';

/** `routingFile`: the built private asset (dist/assets/routing.private.json, from examples/routing.private.json). */
export function scenarios(routingFile = join(REPO, 'examples', 'routing.private.json')): Scenario[] {
  const routed = ['+15005550006', '+15005550007', '+15005550008', '+15005550009'];
  return [
    {
      name: 'auto-reply',
      file: 'auto-reply.protected.js',
      env: { AUTO_REPLY_MESSAGE: 'Thanks for texting Acme Repairs. We answer within one business day.' },
      events: texts(RECEIVER),
    },
    {
      name: 'forward (MMS)',
      file: 'forward.protected.js',
      env: { FORWARD_TO: '+15551230000,+15551230001' },
      events: pictures(RECEIVER),
    },
    { name: 'ignore', file: 'ignore.protected.js', env: {}, events: texts(RECEIVER) },
    {
      name: 'router (routing file)',
      file: 'sms.protected.js',
      env: { FORWARD_TO: '+15551230002', AUTO_REPLY_MESSAGE: 'Thanks, we will get back to you soon.' },
      routing: routingFile,
      // Each listed number (forward, auto-reply, ignore) and one not listed (DEFAULT_MODE).
      events: routed.flatMap((to, i) => [...texts(to).slice(i, i + 3), ...pictures(to).slice(i % 2, (i % 2) + 1)]),
    },
    {
      name: 'router (advanced file)',
      file: 'sms.protected.js',
      env: { FORWARD_TO: '+15551230002' },
      routing: join(REPO, 'examples', 'routing.advanced.json'),
      // Business hours, keywords, an allow list, a block list: what examples/routing.advanced.json uses.
      events: [
        ...routed.slice(0, 3).flatMap((to) => texts(to).slice(0, 4)),
        params(fixtures.sms, { Body: 'hours?' }),
        params(fixtures.sms, { From: '+19005550100' }),
        params(fixtures.sms, { To: '+15005550007', From: '+15551234567' }),
        params(fixtures.mms, { From: '+15551230000', Body: '+12125550143: yes, 10am works' }),
      ],
    },
  ];
}
