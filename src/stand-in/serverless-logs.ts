/**
 * The Logs resource of the Serverless API stand-in, as Twilio's v1 API has it:
 * GET /v1/Services/{ServiceSid}/Environments/{EnvironmentSid}/Logs (newest first; FunctionSid,
 * StartDate, EndDate filters; StartDate defaults to a day ago) and .../Logs/{Sid}.
 * https://www.twilio.com/docs/serverless/api/resource/logs
 */
import { invalid } from './serverless-http';
import { now, sid, type Row } from './serverless-store';

export type LogLevel = 'info' | 'warn' | 'error';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a function wrote, as one row of the Logs resource. */
export function logRow(
  make: (prefix: string, accountSid: string, under: string, fields: Record<string, unknown>) => Row,
  environment: Row,
  fields: { functionSid: string; level: LogLevel; message: string; date?: Date },
): Row {
  const row = make(
    'NO',
    environment.account_sid,
    `Services/${String(environment.service_sid)}/Environments/${environment.sid}/Logs`,
    {
      service_sid: environment.service_sid,
      environment_sid: environment.sid,
      build_sid: environment.build_sid,
      deployment_sid: null,
      function_sid: fields.functionSid,
      request_sid: sid('RQ'),
      level: fields.level,
      message: fields.message,
    },
  );
  // Created when the function wrote it, which a test may set in the past.
  return {
    ...row,
    date_created: fields.date === undefined ? now() : fields.date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

function date(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw invalid(`${name} must be an ISO 8601 date`);
  return at;
}

/** The environment's logs the query asks for, newest first. */
export function listLogs(logs: readonly Row[], environment: Row, query: URLSearchParams, at = Date.now()): Row[] {
  const start = date(query, 'StartDate') ?? at - DAY_MS;
  const end = date(query, 'EndDate') ?? Infinity;
  const functionSid = query.get('FunctionSid');
  return logs
    .filter((log) => log.environment_sid === environment.sid)
    .filter((log) => functionSid === null || log.function_sid === functionSid)
    .filter((log) => {
      const created = Date.parse(String(log.date_created));
      return created >= start && created <= end;
    })
    .sort((a, b) => String(b.date_created).localeCompare(String(a.date_created)));
}
