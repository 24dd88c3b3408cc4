// An environment's Variables in the Serverless API stand-in (serverless-api.ts): list, create, fetch, update, delete.
import { invalid, notFound, TwilioError } from './serverless-http';
import { now, strip, type Row, type ServerlessStore } from './serverless-store';

export interface VariablesRequest {
  readonly method: string;
  readonly environment: Row;
  /** The variable's SID, when the path names one. */
  readonly id: string | undefined;
  readonly field: (name: string) => string | undefined;
  readonly list: (items: Row[], key: string) => [number, object];
  readonly one: (row: Row | undefined) => [number, object];
  readonly path: string;
}

export function variablesRoute(store: ServerlessStore, request: VariablesRequest): [number, object] {
  const { method, environment, id, field, list, one, path } = request;
  const inEnvironment = store.variables.filter((v) => v.environment_sid === environment.sid);
  if (id === undefined) {
    if (method === 'GET') return list(inEnvironment, 'variables');
    const key = field('Key');
    const value = field('Value');
    if (key === undefined || value === undefined) throw invalid('Key and Value are required');
    if (inEnvironment.some((v) => v.key === key))
      throw new TwilioError(409, 20409, `Variable with Key ${key} already exists`);
    const variable = store.row(
      'ZV',
      environment.account_sid,
      `Services/${String(environment.service_sid)}/Environments/${environment.sid}/Variables`,
      { service_sid: environment.service_sid, environment_sid: environment.sid, key, value, date_updated: now() },
    );
    store.variables.push(variable);
    return [201, strip(variable)];
  }
  const variable = inEnvironment.find((v) => v.sid === id);
  if (variable === undefined) throw notFound(path);
  if (method === 'GET') return one(variable);
  if (method === 'DELETE') {
    store.variables.splice(store.variables.indexOf(variable), 1);
    return [204, {}];
  }
  variable.key = field('Key') ?? variable.key;
  variable.value = field('Value') ?? variable.value;
  variable.date_updated = now();
  return one(variable);
}
