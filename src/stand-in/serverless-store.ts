/**
 * The state of the Serverless API stand-in (serverless-api.ts) and the rules Twilio applies
 * when it creates each resource: SID prefixes, unique names and suffixes, domains, build status.
 */
import { randomBytes } from 'node:crypto';
import { invalid, TwilioError, type ParsedBody } from './serverless-http';

export const API_HOST = 'serverless.twilio.com';

export type Row = Record<string, unknown> & { sid: string; account_sid: string };
export interface StoredVersion extends Row {
  path: string;
  visibility: string;
  content: Buffer;
  content_type?: string;
}

export const sid = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;
export const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const VISIBILITIES = ['public', 'protected', 'private'];
const RUNTIMES = ['node20', 'node22'];

export class ServerlessStore {
  readonly services: Row[] = [];
  readonly environments: Row[] = [];
  readonly functions: Row[] = [];
  readonly assets: Row[] = [];
  readonly functionVersions: StoredVersion[] = [];
  readonly assetVersions: StoredVersion[] = [];
  readonly builds: Row[] = [];
  readonly deployments: Row[] = [];
  readonly variables: Row[] = [];
  private readonly pollsLeft = new Map<string, number>();

  /** buildingPolls: how many /Status polls answer 'building' before 'completed'. */
  constructor(private readonly buildingPolls = 0) {}

  owned(rows: Row[], accountSid: string): Row[] {
    return rows.filter((r) => r.account_sid === accountSid);
  }

  /** `under`: the collection's path, e.g. `Services/ZS.../Functions`; `url` is Twilio's absolute one. */
  row(prefix: string, accountSid: string, under: string, fields: Record<string, unknown>): Row {
    const created = sid(prefix);
    return {
      sid: created,
      account_sid: accountSid,
      ...fields,
      date_created: now(),
      url: `https://${API_HOST}/v1/${under}/${created}`,
    };
  }

  newService(accountSid: string, uniqueName: string, friendlyName = uniqueName, includeCredentials = true): Row {
    const domainBase = `${uniqueName}-${1000 + Math.floor(Math.random() * 9000)}`;
    return this.row('ZS', accountSid, 'Services', {
      unique_name: uniqueName,
      friendly_name: friendlyName,
      include_credentials: includeCredentials,
      ui_editable: false,
      domain_base: domainBase,
      date_updated: now(),
    });
  }

  createService(accountSid: string, uniqueName?: string, friendlyName?: string, includeCredentials?: string): Row {
    if (uniqueName === undefined || !/^[A-Za-z0-9-]{1,50}$/.test(uniqueName))
      throw invalid('UniqueName must be 1 to 50 letters, digits or hyphens');
    // The error code here is illustrative: neither the client nor the deploy reads it, only the status.
    if (this.owned(this.services, accountSid).some((s) => s.unique_name === uniqueName))
      throw new TwilioError(409, 20409, 'Service with this UniqueName already exists');
    const service = this.newService(accountSid, uniqueName, friendlyName ?? uniqueName, includeCredentials !== 'false');
    this.services.push(service);
    return service;
  }

  createEnvironment(service: Row, uniqueName?: string, suffix?: string): Row {
    if (uniqueName === undefined || uniqueName === '') throw invalid('UniqueName is required');
    if (suffix !== undefined && !/^[A-Za-z0-9-]{1,16}$/.test(suffix))
      throw invalid('DomainSuffix must be at most 16 letters, digits or hyphens');
    const existing = this.environments.filter((e) => e.service_sid === service.sid);
    if (existing.some((e) => e.unique_name === uniqueName || (e.domain_suffix ?? null) === (suffix ?? null))) {
      throw new TwilioError(409, 20409, 'Environment with this UniqueName or DomainSuffix already exists');
    }
    const environment = this.row('ZE', service.account_sid, `Services/${service.sid}/Environments`, {
      service_sid: service.sid,
      build_sid: null,
      unique_name: uniqueName,
      domain_suffix: suffix ?? null,
      domain_name: `${String(service.domain_base)}${suffix === undefined ? '' : `-${suffix}`}.twil.io`,
      date_updated: now(),
    });
    this.environments.push(environment);
    return environment;
  }

  createVersion(versions: StoredVersion[], owner: string, resource: Row, body: ParsedBody): StoredVersion {
    const path = body.form.get('Path')?.[0];
    const visibility = body.form.get('Visibility')?.[0];
    const content = body.parts.find((p) => p.name === 'Content' && p.filename !== undefined);
    if (path === undefined || !path.startsWith('/')) throw invalid('Path must start with /');
    if (visibility === undefined || !VISIBILITIES.includes(visibility))
      throw invalid('Visibility must be public, protected or private');
    if (content === undefined) throw invalid('Content is required (a file part)');
    const version: StoredVersion = {
      path,
      visibility,
      ...this.row(
        'ZN',
        resource.account_sid,
        `Services/${String(resource.service_sid)}/` +
          `${owner === 'function_sid' ? 'Functions' : 'Assets'}/${resource.sid}/Versions`,
        { service_sid: resource.service_sid, [owner]: resource.sid, path, visibility },
      ),
      content: content.content,
      content_type: content.contentType,
    };
    versions.push(version);
    return version;
  }

  createBuild(service: Row, body: ParsedBody): Row {
    const pick = (versions: StoredVersion[], name: string) =>
      (body.form.get(name) ?? []).map((versionSid) => {
        const version = versions.find((v) => v.sid === versionSid && v.service_sid === service.sid);
        if (version === undefined) throw invalid(`${name}: ${versionSid} is not a version of this service`);
        return strip(version);
      });
    const runtime = body.form.get('Runtime')?.[0] ?? 'node22';
    if (!RUNTIMES.includes(runtime)) throw invalid(`Runtime ${runtime} is not supported`);
    // The client sends Dependencies as a JSON array wrapped in one more pair of quotes.
    const dependencies = body.form.get('Dependencies')?.[0];
    const build = this.row('ZB', service.account_sid, `Services/${service.sid}/Builds`, {
      service_sid: service.sid,
      status: 'building',
      function_versions: pick(this.functionVersions, 'FunctionVersions'),
      asset_versions: pick(this.assetVersions, 'AssetVersions'),
      dependencies: dependencies === undefined ? [] : JSON.parse(dependencies.replace(/^"|"$/g, '')),
      runtime,
      date_updated: now(),
    });
    this.builds.push(build);
    this.pollsLeft.set(build.sid, this.buildingPolls);
    return build;
  }

  status(build: Row): object {
    const left = this.pollsLeft.get(build.sid) ?? 0;
    if (left > 0) this.pollsLeft.set(build.sid, left - 1);
    else build.status = 'completed';
    return {
      sid: build.sid,
      account_sid: build.account_sid,
      service_sid: build.service_sid,
      status: build.status,
      url: `${String(build.url)}/Status`,
    };
  }

  deploy(environment: Row, buildSid?: string): Row {
    const build = this.builds.find((b) => b.sid === buildSid && b.service_sid === environment.service_sid);
    if (build === undefined) throw invalid(`BuildSid ${String(buildSid)} is not a build of this service`);
    if (build.status !== 'completed') throw invalid(`Build ${build.sid} is not completed`);
    environment.build_sid = build.sid;
    environment.date_updated = now();
    const deployment = this.row(
      'ZD',
      environment.account_sid,
      `Services/${String(environment.service_sid)}/Environments/${environment.sid}/Deployments`,
      {
        service_sid: environment.service_sid,
        environment_sid: environment.sid,
        build_sid: build.sid,
        date_updated: now(),
      },
    );
    this.deployments.push(deployment);
    return deployment;
  }
}

/** A row as Twilio answers it: stored file contents are not part of any resource's JSON. */
export function strip(row: Row): Row {
  const { content: _content, content_type: _type, ...rest } = row;
  return rest;
}
