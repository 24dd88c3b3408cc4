import type { StatusRow } from '../numbers/status';
import type { Printer } from './numbers-io';
import { table } from './table';

/** "/sms (dev)": the function of this project a row routes to, and its environment. */
const functionText = (row: StatusRow): string =>
  `${row.path ?? ''}${row.environment !== undefined ? ` (${row.environment})` : ''}`;

/**
 * "this-project /sms (dev)"; a service that answers with this project's URL says so:
 * "messaging-service -> this-project /sms (dev)".
 */
const routingText = (row: StatusRow): string => {
  if (row.path === undefined) return row.routing;
  const project = `this-project ${functionText(row)}`;
  return row.routing === 'this-project' ? project : `${row.routing} -> ${project}`;
};

const serviceText = (row: StatusRow): string => {
  const s = row.messagingService;
  if (s === null) return '';
  return `${s.friendlyName} (${s.a2pRegistered ? 'A2P campaign' : 'no A2P campaign'})`;
};

/** Why each overridden number's own URL is not used, and how attach goes on. */
function printOverridden(rows: readonly StatusRow[], printer: Printer): void {
  const overridden = rows.filter((r) => r.overriddenBy !== null);
  if (overridden.length === 0) return;
  printer.out('');
  printer.out(`${overridden.length} number(s) do not use their own SMS URL:`);
  for (const r of overridden) {
    if (r.routing === 'messaging-service' && r.path !== undefined) {
      printer.out(
        `  ${r.phoneNumber}: Messaging Service ${r.overriddenBy} answers its messages with this project's ` +
          `${functionText(r)}, as \`--messaging-service url\` ` +
          'set it: every number of the service routes there.',
      );
      continue;
    }
    printer.out(
      r.routing === 'messaging-service'
        ? `  ${r.phoneNumber}: Messaging Service ${r.overriddenBy} answers its messages. ` +
            "`npm run numbers -- attach --messaging-service defer` makes the service use each number's own URL " +
            '("Defer to sender\'s webhook"); `--messaging-service url` sets the service\'s URL.'
        : `  ${r.phoneNumber}: TwiML App ${r.overriddenBy} answers its messages ` +
            '(SmsApplicationSid). `npm run numbers -- attach` clears it.',
    );
  }
}

/** `status`: one row per number, why some numbers' own URLs are not used, what carriers will block. */
export function printStatus(rows: readonly StatusRow[], printer: Printer, json: boolean): void {
  if (json) {
    printer.out(JSON.stringify({ numbers: rows }));
    return;
  }
  if (rows.length === 0) {
    printer.out('This account has no phone numbers.');
    return;
  }
  const header = ['NUMBER', 'SID', 'ROUTING', 'SMS URL', 'OVERRIDDEN BY', 'MESSAGING SERVICE'];
  const cells = rows.map((r) => [
    r.phoneNumber,
    r.sid,
    routingText(r),
    r.smsUrl ?? '',
    r.overriddenBy ?? '',
    serviceText(r),
  ]);
  for (const line of table([header, ...cells])) printer.out(line);
  printOverridden(rows, printer);
  const warned = rows.filter((r) => r.warnings.length > 0);
  if (warned.length === 0) return;
  printer.out('');
  printer.out(`${warned.length} number(s) whose texts carriers will block:`);
  for (const r of warned) for (const w of r.warnings) printer.out(`  ${r.phoneNumber}: ${w.code}: ${w.message}`);
}
