import { describe } from '../numbers/classify';
import { changedFields, type FieldChange } from '../numbers/plan';
import { redactUrl } from '../redact/url';
import type { StatusRow } from '../numbers/status';
import type { ApiErrorInfo, RunReport } from '../numbers/types';
import type { Printer } from './numbers-io';
import { table } from './numbers-table';

const routingText = (row: StatusRow): string => (row.path !== undefined ? `${row.routing} ${row.path}` : row.routing);

/** `status`: one row per number, then why each overridden number's own URL is not used. */
export function printStatus(rows: readonly StatusRow[], printer: Printer, json: boolean): void {
  if (json) {
    printer.out(JSON.stringify({ numbers: rows }));
    return;
  }
  if (rows.length === 0) {
    printer.out('This account has no phone numbers.');
    return;
  }
  const cells = rows.map((r) => [r.phoneNumber, r.sid, routingText(r), r.smsUrl ?? '', r.overriddenBy ?? '']);
  for (const line of table(['NUMBER', 'SID', 'ROUTING', 'SMS URL', 'OVERRIDDEN BY'], cells)) printer.out(line);
  const overridden = rows.filter((r) => r.overriddenBy !== null);
  if (overridden.length > 0) {
    printer.out('');
    printer.out(`${overridden.length} number(s) do not use their own SMS URL:`);
    for (const r of overridden) {
      printer.out(
        r.routing === 'messaging-service'
          ? `  ${r.phoneNumber}: Messaging Service ${r.overriddenBy} answers its messages. ` +
              `To use the number's URL, set the service's Integration ` +
              `to "Defer to sender's webhook" or remove the number from it.`
          : `  ${r.phoneNumber}: TwiML App ${r.overriddenBy} answers its messages ` +
              `(SmsApplicationSid). \`npm run numbers -- attach\` clears it.`,
      );
    }
  }
}

export function formatError(error: ApiErrorInfo): string {
  const code =
    error.code !== undefined ? `error ${error.code}` : error.status !== undefined ? `HTTP ${error.status}` : undefined;
  return [error.message, code, error.moreInfo].filter((part) => part !== undefined).join(' | ');
}

/** The API's parameter names, as Console and Twilio's docs write them. */
const PARAMETER: Record<FieldChange['field'], string> = {
  smsUrl: 'SmsUrl',
  smsMethod: 'SmsMethod',
  smsFallbackUrl: 'SmsFallbackUrl',
  smsFallbackMethod: 'SmsFallbackMethod',
  smsApplicationSid: 'SmsApplicationSid',
};

const shown = (value: string): string => redactUrl(value);
const cell = (value: string): string => (value === '' ? '(empty)' : shown(value));

/** `--dry-run`: each number, now -> after, every field it would write, and nothing written. */
function printPlan(report: RunReport, printer: Printer, json: boolean): void {
  const domain = report.projectDomain !== undefined ? { projectDomain: report.projectDomain } : {};
  if (json) {
    const plan = report.plan.map((c) => ({
      sid: c.number.sid,
      phoneNumber: c.number.phoneNumber,
      outcome: c.update === null ? 'unchanged' : 'change',
      now: describe(c.number, domain),
      after: describe(c.after, domain),
      changes: Object.fromEntries(
        changedFields(c).map((f) => [f.field, { now: shown(f.now), after: shown(f.after) }] as const),
      ),
      ...(c.warning !== undefined ? { warning: c.warning } : {}),
    }));
    printer.out(JSON.stringify({ dryRun: true, backup: null, ...restoredFrom(report), plan }));
    return;
  }
  printRestoredFrom(report, printer);
  for (const c of report.plan) {
    const now = describe(c.number, domain);
    printer.out(
      c.update === null
        ? `${c.number.phoneNumber}: ${now} (unchanged)`
        : `${c.number.phoneNumber}: ${now} -> ${describe(c.after, domain)}`,
    );
    for (const f of changedFields(c)) printer.out(`  ${PARAMETER[f.field]}: ${cell(f.now)} -> ${cell(f.after)}`);
    if (c.warning !== undefined) printer.out(`  warning: ${c.warning}`);
  }
  const changing = report.plan.filter((c) => c.update !== null).length;
  printer.out(`Dry run: ${changing} would change, ${report.plan.length - changing} unchanged. Nothing was written.`);
}

const restoredFrom = (report: RunReport) =>
  report.restoredFrom !== undefined ? { restoredFrom: report.restoredFrom } : {};

function printRestoredFrom(report: RunReport, printer: Printer): void {
  const from = report.restoredFrom;
  if (from !== undefined) printer.out(`Restoring ${from.path} (made ${from.createdAt} by: ${from.command})`);
}

/** After a run: the summary table, warnings, failures with Twilio's code and link, how to rerun or undo. */
export function printReport(report: RunReport, printer: Printer, json: boolean, rerun: string): void {
  if (report.dryRun) {
    printPlan(report, printer, json);
    return;
  }
  if (json) {
    printer.out(JSON.stringify({ backup: report.backup, ...restoredFrom(report), results: report.results }));
    return;
  }
  printRestoredFrom(report, printer);
  const rows = report.results.map((r) => [
    r.phoneNumber,
    r.sid,
    r.outcome,
    r.error !== undefined ? formatError(r.error) : r.warning !== undefined ? 'warning below' : '',
  ]);
  for (const line of table(['NUMBER', 'SID', 'OUTCOME', 'DETAIL'], rows)) printer.out(line);
  const count = (outcome: string): number => report.results.filter((r) => r.outcome === outcome).length;
  const failed = count('failed');
  printer.out('');
  printer.out(`changed ${count('changed')}, unchanged ${count('unchanged')}, failed ${failed}`);
  for (const r of report.results) if (r.warning !== undefined) printer.out(`warning: ${r.phoneNumber}: ${r.warning}`);
  if (report.backup !== null) printer.out(`Backup of the state before this run: ${report.backup}`);
  if (failed > 0) {
    printer.err(`${failed} number(s) failed (listed above with Twilio's error code and link).`);
    printer.err(`Rerun the same command to finish the job (numbers already done are skipped): ${rerun}`);
  }
  if (report.backup !== null) printer.out(`To undo this run: npm run numbers -- restore ${report.backup}`);
}

/** 0: everything asked succeeded; 1: some numbers failed. */
export const exitCodeOf = (report: RunReport): number => (report.results.some((r) => r.outcome === 'failed') ? 1 : 0);
