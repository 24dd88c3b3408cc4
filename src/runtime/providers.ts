/**
 * The two providers, as plain HTTP requests with Node's fetch (no SDK to deploy): what to send for
 * a delivery, which status means delivered, and the error code a failed answer carries.
 */
import type { DeliverySettings } from '../config/delivery-env';
import type { Delivery, EmailDelivery, SlackDelivery } from '../routing/delivery';

export interface Request {
  /** `SendGrid` or `Slack`, for the log. */
  readonly provider: string;
  readonly url: string;
  readonly init: RequestInit;
  /** The status that means it was accepted. */
  readonly accepted: number;
  /** What a refusal's body says, in the provider's words (its error code or message; the caller redacts it). */
  readonly refusalOf: (body: string) => string | undefined;
}

const MAX_REFUSAL = 160;

/**
 * SendGrid v3 Mail Send: `202 Accepted` with an empty body, or an error status with
 * `{"errors":[{"message","field","help"}]}`. The first error says it: `from.email: The from
 * address does not match a verified Sender Identity`.
 * https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send
 */
function sendgridRefusal(body: string): string | undefined {
  try {
    const first: unknown = (JSON.parse(body) as { errors?: unknown[] }).errors?.[0];
    // No error, or not an object: no `message` of type string, so no words.
    const { field, message } = (first ?? {}) as { field?: unknown; message?: unknown };
    if (typeof message !== 'string') return undefined;
    // Stryker disable BlockStatement: emptied, the catch below falls off the function's end: undefined too.
    return (typeof field === 'string' && field !== '' ? `${field}: ${message}` : message).slice(0, MAX_REFUSAL);
  } catch {
    // Stryker restore BlockStatement
    return undefined;
  }
}

/** Reply-To is left unset: a reply would go to EMAIL_FROM, not to the texter, who has no address. */
function sendgrid(delivery: EmailDelivery, settings: DeliverySettings, apiKey: string, from: string): Request {
  const mail = {
    personalizations: [{ to: [{ email: delivery.to }] }],
    from: { email: from },
    subject: delivery.subject,
    // SendGrid wants text/plain first, then text/html.
    content: [
      { type: 'text/plain', value: delivery.text },
      { type: 'text/html', value: delivery.html },
    ],
  };
  return {
    provider: 'SendGrid',
    url: `${settings.sendgridApiBaseUrl}/v3/mail/send`,
    init: {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(mail),
    },
    accepted: 202,
    refusalOf: sendgridRefusal,
  };
}

/**
 * Slack incoming webhooks answer `200 ok`, or a 4xx with a bare code as the body (`invalid_payload`,
 * `no_service`, `channel_is_archived`...); anything else in the body is not a code.
 * https://api.slack.com/messaging/webhooks#handling_errors
 */
const slackRefusal = (body: string): string | undefined => /^[a-z0-9_]{1,64}$/.exec(body.trim())?.[0];

function slack(delivery: SlackDelivery, webhookUrl: string): Request {
  return {
    provider: 'Slack',
    url: webhookUrl,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(delivery.payload),
    },
    accepted: 200,
    refusalOf: slackRefusal,
  };
}

/** The request for a delivery, or which variables it lacks (the build refuses that; an old deploy may not). */
export function requestFor(delivery: Delivery, settings: DeliverySettings): Request | string {
  if (delivery.kind === 'slack')
    return settings.slackWebhookUrl === undefined
      ? 'SLACK_WEBHOOK_URL is not set'
      : slack(delivery, settings.slackWebhookUrl);
  const { sendgridApiKey, emailFrom } = settings;
  if (sendgridApiKey === undefined || emailFrom === undefined) return 'SENDGRID_API_KEY or EMAIL_FROM is not set';
  return sendgrid(delivery, settings, sendgridApiKey, emailFrom);
}
