/**
 * The five fields that decide where a number's SMS go, as the CLI and backups see them: '' when unset
 * (Twilio answers null or '' for an unset field; both read as ''). Methods are upper case.
 * https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource
 */
export const ROUTING_FIELDS = [
  'smsUrl',
  'smsMethod',
  'smsFallbackUrl',
  'smsFallbackMethod',
  'smsApplicationSid',
] as const;
export type RoutingField = (typeof ROUTING_FIELDS)[number];
export type SmsRouting = { readonly [K in RoutingField]: string };

/** One IncomingPhoneNumber, reduced to what these commands read. */
export interface PhoneNumberState extends SmsRouting {
  readonly sid: string;
  readonly phoneNumber: string;
}

/** Only the fields that must change; a field left out is not sent. */
export type RoutingUpdate = Partial<SmsRouting>;

/** Regulatory SIDs some countries require with every update of a number. Sent only with a write. */
export interface Regulatory {
  readonly bundleSid?: string;
  readonly addressSid?: string;
  readonly identitySid?: string;
}

/** A Messaging Service that handles a number's inbound messages itself (use_inbound_webhook_on_number false). */
export interface ServiceOverride {
  readonly serviceSid: string;
  readonly friendlyName: string;
}

/** What the plan says about one number. `update` null: already routed as asked, nothing is written. */
export interface Change {
  readonly number: PhoneNumberState;
  readonly update: RoutingUpdate | null;
  readonly after: SmsRouting;
  readonly warning?: string;
}

/** A Twilio error as printed: never a URL with credentials, never a header. */
export interface ApiErrorInfo {
  readonly status?: number;
  readonly code?: number;
  readonly message: string;
  readonly moreInfo?: string;
}

export type Outcome = 'changed' | 'unchanged' | 'failed';

export interface NumberResult {
  readonly sid: string;
  readonly phoneNumber: string;
  readonly outcome: Outcome;
  readonly warning?: string;
  readonly error?: ApiErrorInfo;
}

/** What one attach or restore run did (or, with dryRun, would do). */
export interface RunReport {
  readonly dryRun: boolean;
  /** The backup written before the first write, relative to cwd; null when nothing was written. */
  readonly backup: string | null;
  readonly plan: readonly Change[];
  /** Empty for a dry run. */
  readonly results: readonly NumberResult[];
  /** This project's deployed domain (deploy.json of this account), to show "this-project /sms". */
  readonly projectDomain?: string;
  /** For a restore: the backup it put back (relative to cwd, as given or as `latest` chose it). */
  readonly restoredFrom?: { readonly path: string; readonly createdAt: string; readonly command: string };
}
