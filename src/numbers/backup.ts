import { join } from 'node:path';
import * as v from 'valibot';
import { validate } from '../config/issues';
import { redactUrl } from '../redact/url';
import { sidPattern, sidShape, sidSource } from '../twilio/sid';
import { inboundOf, routingOf } from './fields';
import type { PhoneNumberState, ServiceState } from './types';
import { checkUrl } from './validate';

export const BACKUP_DIR = join('.twilioserverless', 'backups');

const sid = (prefix: string) => v.pipe(v.string(), v.regex(sidPattern(prefix), `must be ${sidShape(prefix)}`));

const quoted = (input: unknown): string => JSON.stringify(redactUrl(String(input)));

/**
 * '' (unset) or an absolute http(s) URL: what Twilio itself accepts. A backup is a file anyone with
 * the checkout can edit, and restore writes it to the account: `javascript:` or `file:` never passes.
 */
// Stryker disable next-line StringLiteral: equivalent, only whether there is a problem counts here, not its wording
const isHttpUrl = (u: string): boolean => checkUrl('url', u) === undefined;

const url = v.pipe(
  v.string(),
  v.check(
    (u) => u === '' || isHttpUrl(u),
    (issue) => `${quoted(issue.input)} is neither empty nor an http(s) URL`,
  ),
);

/** GET or POST in any case, read as upper case; '' when Twilio answered none (restore leaves it as it is). */
const method = v.pipe(
  v.string(),
  v.check(
    (m) => m === '' || /^(GET|POST)$/i.test(m),
    (issue) => `${quoted(issue.input)} is not GET or POST`,
  ),
  v.toUpperCase(),
);

const NumberEntry = v.object({
  sid: sid('PN'),
  phoneNumber: v.string(),
  smsUrl: url,
  smsMethod: method,
  smsFallbackUrl: url,
  smsFallbackMethod: method,
  smsApplicationSid: v.pipe(
    v.string(),
    v.regex(new RegExp(`^(?:${sidSource('AP')})?$`), `must be empty or ${sidShape('AP')}`),
  ),
});

/** No SID twice: which of two saved states would be meant? */
const distinct = <T extends { sid: string }>(entries: T[]): boolean =>
  // Stryker disable next-line MethodExpression: SIDs are letters and hex digits; upper or lower, the same pairs match
  new Set(entries.map((e) => e.sid.toUpperCase())).size === entries.length;

/** A Messaging Service's five inbound fields (version 2). */
const ServiceEntry = v.object({
  sid: sid('MG'),
  friendlyName: v.string(),
  inboundRequestUrl: url,
  inboundMethod: method,
  fallbackUrl: url,
  fallbackMethod: method,
  useInboundWebhookOnNumber: v.boolean(),
});

const BackupSchema = v.object({
  // 1: numbers only (before Messaging Services were written); 2: with `services`.
  version: v.picklist([1, 2]),
  accountSid: sid('AC'),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  command: v.string(),
  numbers: v.pipe(v.array(NumberEntry), v.check(distinct, 'a number is named more than once')),
  services: v.optional(v.pipe(v.array(ServiceEntry), v.check(distinct, 'a service is named more than once')), []),
});

/**
 * A backup file: the SMS routing of each number a run may write, and the inbound fields of each
 * Messaging Service it writes, as they were before the run's first write.
 */
export type Backup = v.InferOutput<typeof BackupSchema>;
export type BackupNumber = Backup['numbers'][number];
export type BackupService = Backup['services'][number];

export function makeBackup(
  accountSid: string,
  command: string,
  at: Date,
  state: { readonly numbers: readonly PhoneNumberState[]; readonly services?: readonly ServiceState[] },
): Backup {
  const { numbers, services = [] } = state;
  return {
    version: 2,
    accountSid,
    createdAt: at.toISOString(),
    command,
    numbers: numbers.map((n) => ({ sid: n.sid, phoneNumber: n.phoneNumber, ...routingOf(n) })),
    services: services.map((s) => ({ sid: s.sid, friendlyName: s.friendlyName, ...inboundOf(s) })),
  };
}

/** Every problem of a parsed backup file at once, each saying where: `numbers[2].smsUrl: ...`. */
export function parseBackup(data: unknown): { backup: Backup | undefined; problems: string[] } {
  const { output, problems } = validate(BackupSchema, data);
  return {
    backup: output,
    problems: problems.map((p) => `${p.where === '' ? '' : `${p.where}: `}${p.message}`),
  };
}
