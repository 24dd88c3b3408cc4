import { describe } from '../numbers/classify';
import { changedFields, type FieldChange } from '../numbers/plan';
import { redactUrl } from '../redact/url';
import type { Change, RunReport } from '../numbers/types';
import { EXIT } from './exit';
import { formatError } from './numbers-error';
import type { Printer } from './numbers-io';
import { printServicePlan, printServiceResults, servicePlanJson, serviceResultsJson } from './numbers-services-print';
import { table } from './table';

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

const serviceNow = (c: Change) => (c.service !== undefined ? { service: c.service.now } : {});
const serviceAfter = (c: Change) => (c.service !== undefined ? { service: c.service.after } : {});

/** `--dry-run`: each number, now -> after, every field it would write, and nothing written. */
function printPlan(report: RunReport, printer: Printer, json: boolean): void {
  const domains = report.projectDomains !== undefined ? { projectDomains: report.projectDomains } : {};
  if (json) {
    const plan = report.plan.map((c) => ({
      sid: c.number.sid,
      phoneNumber: c.number.phoneNumber,
      outcome: c.skipped !== undefined ? 'skipped' : c.update === null ? 'unchanged' : 'change',
      now: describe(c.number, { ...domains, ...serviceNow(c) }),
      after: describe(c.after, { ...domains, ...serviceAfter(c) }),
      changes: Object.fromEntries(
        changedFields(c).map((f) => [f.field, { now: shown(f.now), after: shown(f.after) }] as const),
      ),
      ...(c.skipped !== undefined ? { warning: c.skipped } : {}),
    }));
    const services = servicePlanJson(report.services);
    printer.out(JSON.stringify({ dryRun: true, backup: null, ...restoredFrom(report), plan, services }));
    return;
  }
  printRestoredFrom(report, printer);
  printServicePlan(report.services, printer);
  for (const c of report.plan) {
    const now = describe(c.number, { ...domains, ...serviceNow(c) });
    printer.out(
      c.skipped !== undefined
        ? `${c.number.phoneNumber}: ${now} (skipped: ${c.skipped})`
        : c.update === null
          ? `${c.number.phoneNumber}: ${now} (unchanged)`
          : `${c.number.phoneNumber}: ${now} -> ${describe(c.after, { ...domains, ...serviceAfter(c) })}`,
    );
    for (const f of changedFields(c)) printer.out(`  ${PARAMETER[f.field]}: ${cell(f.now)} -> ${cell(f.after)}`);
  }
  const changing = report.plan.filter((c) => c.update !== null).length;
  const skipped = report.plan.filter((c) => c.skipped !== undefined).length;
  const services = report.services.filter((s) => s.update !== null).length;
  printer.out(
    `Dry run: ${changing} would change, ${report.plan.length - changing - skipped} unchanged` +
      (skipped > 0 ? `, ${skipped} skipped` : '') +
      (services > 0 ? `, and ${services} Messaging Service(s)` : '') +
      '. Nothing was written.',
  );
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
    const services = serviceResultsJson(report.serviceResults);
    printer.out(JSON.stringify({ backup: report.backup, ...restoredFrom(report), results: report.results, services }));
    return;
  }
  printRestoredFrom(report, printer);
  printServiceResults(report.serviceResults, printer);
  const rows = report.results.map((r) => [
    r.phoneNumber,
    r.sid,
    r.outcome,
    r.error !== undefined ? formatError(r.error) : r.warning !== undefined ? 'warning below' : '',
  ]);
  for (const line of table([['NUMBER', 'SID', 'OUTCOME', 'DETAIL'], ...rows])) printer.out(line);
  const count = (outcome: string): number => report.results.filter((r) => r.outcome === outcome).length;
  const failed = count('failed') + report.serviceResults.filter((r) => r.outcome === 'failed').length;
  const skipped = count('skipped');
  printer.out('');
  printer.out(
    `changed ${count('changed')}, unchanged ${count('unchanged')}, ` +
      `${skipped > 0 ? `skipped ${skipped}, ` : ''}failed ${count('failed')}`,
  );
  for (const r of report.results) if (r.warning !== undefined) printer.out(`warning: ${r.phoneNumber}: ${r.warning}`);
  if (report.backup !== null) printer.out(`Backup of the state before this run: ${report.backup}`);
  if (failed > 0) {
    printer.err(`${failed} update(s) failed (listed above with Twilio's error code and link).`);
    printer.err(`Rerun the same command to finish the job (numbers already done are skipped): ${rerun}`);
  }
  if (report.backup !== null) printer.out(`To undo this run: npm run numbers -- restore ${report.backup}`);
}

/** A run that ended: 0 when everything asked succeeded, 1 when some number or service failed. */
export const runExitCode = (report: RunReport): number =>
  [...report.results, ...report.serviceResults].some((r) => r.outcome === 'failed') ? EXIT.failed : EXIT.ok;
