// The resources under one service of the Serverless API stand-in (serverless-api.ts): Environments
// with their Deployments, Variables and Logs; Functions and Assets with their Versions; Builds.
import { invalid, notFound, type ParsedBody } from './serverless-http';
import { listLogs } from './serverless-logs';
import { now, type Row, type ServerlessStore } from './serverless-store';
import { variablesRoute } from './serverless-variables';

/** The HTTP status and the JSON body. */
type Answer = [number, object];

/** One request under /v1/Services/{Sid}, and how to answer it in Twilio's shapes. */
export interface ServiceRequest {
  readonly method: string;
  readonly url: URL;
  readonly path: string;
  /** The path's parts: `v1`, `Services`, the service, then the resource (`Environments`...), its SID... */
  readonly segments: readonly string[];
  readonly body: ParsedBody;
  readonly accountSid: string;
  readonly field: (name: string) => string | undefined;
  readonly list: (items: Row[], key: string) => Answer;
  readonly one: (row: Row | undefined) => Answer;
  readonly created: (row: Row) => Answer;
}

function environmentRoute(store: ServerlessStore, logs: readonly Row[], service: Row, r: ServiceRequest): Answer {
  const [, , , , id, sub, subId] = r.segments;
  const inService = store.environments.filter((e) => e.service_sid === service.sid);
  if (id === undefined) {
    if (r.method === 'GET') return r.list(inService, 'environments');
    return r.created(store.createEnvironment(service, r.field('UniqueName'), r.field('DomainSuffix')));
  }
  const environment = inService.find((e) => e.sid === id);
  if (environment === undefined) throw notFound(r.path);
  if (sub === undefined && r.method === 'GET') return r.one(environment);
  if (sub === 'Deployments' && subId === undefined) {
    if (r.method === 'GET')
      return r.list(
        store.deployments.filter((d) => d.environment_sid === environment.sid),
        'deployments',
      );
    return r.created(store.deploy(environment, r.field('BuildSid')));
  }
  if (sub === 'Variables') return variablesRoute(store, { ...r, environment, id: subId });
  if (sub === 'Logs' && r.method === 'GET') {
    if (subId === undefined) return r.list(listLogs(logs, environment, r.url.searchParams), 'logs');
    return r.one(logs.find((log) => log.environment_sid === environment.sid && log.sid === subId));
  }
  throw notFound(r.path);
}

function resourceRoute(store: ServerlessStore, kind: 'Functions' | 'Assets', service: Row, r: ServiceRequest): Answer {
  const [, , , , id, sub] = r.segments;
  const resources = kind === 'Functions' ? store.functions : store.assets;
  const inService = resources.filter((f) => f.service_sid === service.sid);
  if (id === undefined) {
    if (r.method === 'GET') return r.list(inService, kind.toLowerCase());
    const name = r.field('FriendlyName');
    if (name === undefined || name === '') throw invalid('FriendlyName is required');
    const resource = store.row('ZH', r.accountSid, `Services/${service.sid}/${kind}`, {
      service_sid: service.sid,
      friendly_name: name,
      date_updated: now(),
    });
    resources.push(resource);
    return r.created(resource);
  }
  const resource = inService.find((f) => f.sid === id);
  if (resource === undefined) throw notFound(r.path);
  if (sub === undefined && r.method === 'GET') return r.one(resource);
  if (sub === 'Versions' && r.segments.length === 6) {
    const versions = kind === 'Functions' ? store.functionVersions : store.assetVersions;
    const owner = kind === 'Functions' ? 'function_sid' : 'asset_sid';
    if (r.method === 'GET')
      return r.list(
        versions.filter((v) => v[owner] === resource.sid),
        kind === 'Functions' ? 'function_versions' : 'asset_versions',
      );
    return r.created(store.createVersion(versions, owner, resource, r.body));
  }
  throw notFound(r.path);
}

function buildRoute(store: ServerlessStore, service: Row, r: ServiceRequest): Answer {
  const [, , , , id, sub] = r.segments;
  const inService = store.builds.filter((b) => b.service_sid === service.sid);
  if (id === undefined) {
    if (r.method === 'GET') return r.list(inService, 'builds');
    return r.created(store.createBuild(service, r.body));
  }
  const build = inService.find((b) => b.sid === id);
  if (build === undefined) throw notFound(r.path);
  if (sub === undefined && r.method === 'GET') return r.one(build);
  if (sub === 'Status' && r.segments.length === 6 && r.method === 'GET') return [200, store.status(build)];
  throw notFound(r.path);
}

/** Everything under one service: its Environments, Functions, Assets and Builds. */
export function serviceRoute(
  store: ServerlessStore,
  logs: readonly Row[],
  service: Row,
  request: ServiceRequest,
): Answer {
  const kind = request.segments[3];
  if (kind === undefined && request.method === 'GET') return request.one(service);
  if (kind === 'Environments') return environmentRoute(store, logs, service, request);
  if (kind === 'Functions' || kind === 'Assets') return resourceRoute(store, kind, service, request);
  if (kind === 'Builds') return buildRoute(store, service, request);
  throw notFound(request.path);
}
