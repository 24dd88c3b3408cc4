import type { ApiErrorInfo } from '../twilio/errors';

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

/**
 * The five fields that decide where a Messaging Service's inbound messages go (Console: Integration),
 * as the CLI and backups see them: '' when unset, methods upper case.
 * https://www.twilio.com/docs/messaging/api/service-resource
 */
export interface ServiceInbound {
  readonly inboundRequestUrl: string;
  readonly inboundMethod: string;
  readonly fallbackUrl: string;
  readonly fallbackMethod: string;
  /** true: "Defer to sender's webhook" (each number's own SmsUrl answers); false: the service's URL answers. */
  readonly useInboundWebhookOnNumber: boolean;
}
export const SERVICE_FIELDS = [
  'inboundRequestUrl',
  'inboundMethod',
  'fallbackUrl',
  'fallbackMethod',
  'useInboundWebhookOnNumber',
] as const satisfies ReadonlyArray<keyof ServiceInbound>;

/** Only the fields that must change; a field left out is not sent. */
export type ServiceUpdate = Partial<ServiceInbound>;

/** A Messaging Service as far as routing goes: its SID and inbound fields. */
export type ServiceRouting = ServiceInbound & { readonly sid: string };

/** One Messaging Service, reduced to what these commands read. */
export interface ServiceState extends ServiceInbound {
  readonly sid: string;
  readonly friendlyName: string;
  /** It has a registered US A2P 10DLC campaign (us_app_to_person_registered). */
  readonly a2pRegistered: boolean;
  /** The PN SIDs of its phone numbers (a number is in one service at most). */
  readonly numberSids: readonly string[];
}

/** What the plan says about one number. `update` null: already routed as asked, nothing is written. */
export interface Change {
  readonly number: PhoneNumberState;
  readonly update: RoutingUpdate | null;
  readonly after: SmsRouting;
  /** Left out of the run (--messaging-service skip): why. Nothing is written. */
  readonly skipped?: string;
  /** The Messaging Service whose update must succeed first, or the number stays unreachable. */
  readonly requires?: string;
  /** The Messaging Service the number is in, before and after the run: it may answer instead of the number. */
  readonly service?: { readonly now: ServiceRouting; readonly after: ServiceRouting };
}

/** What the plan says about one Messaging Service. `update` null: already as asked. */
export interface ServiceChange {
  readonly service: ServiceState;
  readonly update: ServiceUpdate | null;
  readonly after: ServiceInbound;
  /** Every number of the service whose routing this run changes, chosen or not (shown in the plan). */
  readonly numbers: readonly NumberRouting[];
}

/** A number's routing before and after a run, for the plan: `now` and `after` as `describe` prints them. */
export interface NumberRouting {
  readonly sid: string;
  readonly phoneNumber: string;
  readonly now: string;
  readonly after: string;
}

export type Outcome = 'changed' | 'unchanged' | 'skipped' | 'failed';

export interface NumberResult {
  readonly sid: string;
  readonly phoneNumber: string;
  readonly outcome: Outcome;
  readonly warning?: string;
  readonly error?: ApiErrorInfo;
}

export interface ServiceResult {
  readonly sid: string;
  readonly friendlyName: string;
  readonly outcome: Exclude<Outcome, 'skipped'>;
  readonly now: ServiceInbound;
  readonly after: ServiceInbound;
  readonly error?: ApiErrorInfo;
}

/**
 * This project's deployed domains, lowercase, each with the environment it serves (from
 * .twilioserverless/deploy.json, this account's records): "switchboard-1234-dev.twil.io" -> "dev".
 */
export type ProjectDomains = ReadonlyMap<string, string>;

/** What one attach or restore run did (or, with dryRun, would do). */
export interface RunReport {
  readonly dryRun: boolean;
  /** The backup written before the first write, relative to cwd; null when nothing was written. */
  readonly backup: string | null;
  readonly plan: readonly Change[];
  /** The Messaging Services the run involves, written before the numbers. */
  readonly services: readonly ServiceChange[];
  /** Empty for a dry run. */
  readonly results: readonly NumberResult[];
  /** Empty for a dry run. */
  readonly serviceResults: readonly ServiceResult[];
  /** This project's deployed domains (deploy.json, this account), to show "this-project (dev) ...". */
  readonly projectDomains?: ProjectDomains;
  /** For a restore: the backup it put back (relative to cwd, as given or as `latest` chose it). */
  readonly restoredFrom?: { readonly path: string; readonly createdAt: string; readonly command: string };
}
