import { SERVICE_FIELDS, type ServiceChange, type ServiceInbound, type ServiceResult } from '../numbers/types';
import { inboundOf } from '../numbers/fields';
import { redactUrl } from '../redact/url';
import type { Printer } from './numbers-io';
import { formatError } from './numbers-error';
import { table } from './table';

/** The API's parameter names, as Twilio's docs write them. */
const PARAMETER: Record<keyof ServiceInbound, string> = {
  inboundRequestUrl: 'InboundRequestUrl',
  inboundMethod: 'InboundMethod',
  fallbackUrl: 'FallbackUrl',
  fallbackMethod: 'FallbackMethod',
  useInboundWebhookOnNumber: 'UseInboundWebhookOnNumber',
};

/** The five fields as `--json` prints them: URLs without their passwords. */
export const inboundJson = (s: ServiceInbound): ServiceInbound => ({
  ...inboundOf(s),
  inboundRequestUrl: redactUrl(s.inboundRequestUrl),
  fallbackUrl: redactUrl(s.fallbackUrl),
});

const cell = (value: string | boolean): string =>
  typeof value === 'boolean' ? String(value) : value === '' ? '(empty)' : redactUrl(value);

const name = (s: { sid: string; friendlyName: string }): string => `Messaging Service ${s.sid} ("${s.friendlyName}")`;

/** `--json` plan: `services: [{sid, friendlyName, outcome, now, after, numbers}]`. */
export const servicePlanJson = (changes: readonly ServiceChange[]) =>
  changes.map((c) => ({
    sid: c.service.sid,
    friendlyName: c.service.friendlyName,
    outcome: c.update === null ? 'unchanged' : 'change',
    now: inboundJson(c.service),
    after: inboundJson(c.after),
    numbers: c.numbers,
  }));

/** `--json` results: `services: [{sid, friendlyName, outcome, now, after, error?}]`. */
export const serviceResultsJson = (results: readonly ServiceResult[]) =>
  results.map((r) => ({ ...r, now: inboundJson(r.now), after: inboundJson(r.after) }));

/** Each service: every field it would write, then every number whose routing changes, now -> after. */
export function printServicePlan(changes: readonly ServiceChange[], printer: Printer): void {
  for (const c of changes) {
    printer.out(`${name(c.service)}:${c.update === null ? ' (unchanged)' : ''}`);
    for (const field of SERVICE_FIELDS) {
      if (c.update?.[field] !== undefined)
        printer.out(`  ${PARAMETER[field]}: ${cell(c.service[field])} -> ${cell(c.after[field])}`);
    }
    if (c.numbers.length > 0) printer.out(`  ${c.numbers.length} number(s) of the service change routing:`);
    for (const n of c.numbers) printer.out(`    ${n.phoneNumber}: ${n.now} -> ${n.after}`);
  }
}

/** After a run: one row per service, failures with Twilio's code and link. */
export function printServiceResults(results: readonly ServiceResult[], printer: Printer): void {
  if (results.length === 0) return;
  const rows = results.map((r) => [
    r.friendlyName,
    r.sid,
    r.outcome,
    r.error !== undefined ? formatError(r.error) : '',
  ]);
  for (const line of table([['MESSAGING SERVICE', 'SID', 'OUTCOME', 'DETAIL'], ...rows])) printer.out(line);
  printer.out('');
}
