/**
 * The variables of email and Slack forwards. SENDGRID_API_KEY and SLACK_WEBHOOK_URL are secrets:
 * no message here ever quotes them (a build's output is read over shoulders and pasted in issues).
 */
import * as v from 'valibot';
import { isEmail } from '../routing/targets';
import { milliseconds } from './milliseconds';

export interface DeliverySettings {
  /** SendGrid's API key (SENDGRID_API_KEY), with the Mail Send permission. */
  readonly sendgridApiKey?: string;
  /** The verified sender the emails come from (EMAIL_FROM). */
  readonly emailFrom?: string;
  /** Where SendGrid's API is: its origin, or a stand-in's (SENDGRID_API_BASE_URL, a test hook). */
  readonly sendgridApiBaseUrl: string;
  /** The Slack incoming webhook (SLACK_WEBHOOK_URL). */
  readonly slackWebhookUrl?: string;
  /** How long each email or Slack delivery may take, retry included (DELIVERY_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /**
   * Print deliveries instead of sending them (SWITCHBOARD_PRINT_DELIVERIES=1): set by `npm start`
   * and `npm run dev` for the local runtime unless --send, never deployed.
   */
  readonly print: boolean;
}

export const DELIVERY_DEFAULTS: DeliverySettings = {
  sendgridApiBaseUrl: 'https://api.sendgrid.com',
  timeoutMs: 3000,
  print: false,
};

/** SendGrid and Slack get 4 s at most, like Sync: the function must answer within 5 s. */
export const MAX_DELIVERY_TIMEOUT_MS = 4000;

export const DELIVERY_ENV_NAMES = [
  'SENDGRID_API_KEY',
  'EMAIL_FROM',
  'SENDGRID_API_BASE_URL',
  'SLACK_WEBHOOK_URL',
  'DELIVERY_TIMEOUT_MS',
] as const;

/** A test hook: deploy never uploads it (a deployed function always talks to SendGrid itself). */
export const TEST_HOOKS: readonly string[] = ['SENDGRID_API_BASE_URL'];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http to this machine (a stand-in): anything else would carry a secret in clear text. */
const isSafeUrl = (url: URL): boolean =>
  url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));

const SlackWebhookUrl = v.pipe(
  v.string(),
  v.trim(),
  v.check(
    (text) => URL.canParse(text) && isSafeUrl(new URL(text)),
    // Never the value: the URL is the webhook's only credential.
    (issue) =>
      URL.canParse(String(issue.input))
        ? 'is not an https:// URL (http:// only for 127.0.0.1 or localhost, a stand-in): ' +
          'the URL is a secret, never sent in clear text; copy the https://hooks.slack.com/services/... URL ' +
          "from your Slack app's Incoming Webhooks page"
        : 'is not a URL: copy the https://hooks.slack.com/services/... URL ' +
          "from your Slack app's Incoming Webhooks page",
  ),
);

const SendgridApiKey = v.pipe(
  v.string(),
  v.trim(),
  v.check(
    (text) => !/\s/.test(text),
    'contains a space or a line break: paste the API key alone (SendGrid > Settings > API Keys)',
  ),
);

const EmailFrom = v.pipe(
  v.string(),
  v.trim(),
  v.check(
    isEmail,
    (issue) =>
      `${issue.received} is not an email address: write the address of a sender verified in SendGrid ` +
      '(Settings > Sender Authentication), e.g. switchboard@example.com',
  ),
);

const ApiOrigin = v.pipe(
  v.string(),
  v.trim(),
  v.check(
    (text) => {
      const url = URL.canParse(text) ? new URL(text) : undefined;
      return url !== undefined && isSafeUrl(url) && url.pathname === '/' && url.search === '' && url.username === '';
    },
    (issue) =>
      `${issue.received} is not an origin: write https://host[:port], or http://127.0.0.1:<port> for a stand-in ` +
      '(npm run stand-in), with no path; or leave it unset for https://api.sendgrid.com',
  ),
  v.transform((text) => new URL(text).origin),
);

const DeliveryTimeout = milliseconds(MAX_DELIVERY_TIMEOUT_MS, DELIVERY_DEFAULTS.timeoutMs, 'SendGrid or Slack');

/** How readEnv reads one variable: its schema's output, or `fallback` when unset or invalid (reported). */
export type ReadOne = <S extends v.GenericSchema>(
  name: string,
  schema: S,
  fallback: v.InferOutput<S>,
) => v.InferOutput<S>;

export function readDeliveryEnv(one: ReadOne, print: boolean): DeliverySettings {
  return {
    sendgridApiKey: one('SENDGRID_API_KEY', SendgridApiKey, '') || undefined,
    emailFrom: one('EMAIL_FROM', EmailFrom, '') || undefined,
    sendgridApiBaseUrl: one('SENDGRID_API_BASE_URL', ApiOrigin, DELIVERY_DEFAULTS.sendgridApiBaseUrl),
    slackWebhookUrl: one('SLACK_WEBHOOK_URL', SlackWebhookUrl, '') || undefined,
    timeoutMs: one('DELIVERY_TIMEOUT_MS', DeliveryTimeout, DELIVERY_DEFAULTS.timeoutMs),
    print,
  };
}
