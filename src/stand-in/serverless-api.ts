/**
 * A stateful stand-in of Twilio's Serverless API v1 on 127.0.0.1: Services, Environments,
 * Functions and Assets with their Versions (uploaded as multipart to the upload host), Builds
 * (polled through /Status until 'completed'), Deployments, Variables and Logs, with Twilio's JSON shapes,
 * SID prefixes, paging envelope, Basic auth (401 / 20003) and error bodies. Every request is
 * recorded for assertions. Requests arrive with the Host they were meant for (the deploy's
 * TWILIO_SERVERLESS_BASE_URL hook keeps it): uploads are served only on serverless-upload.twilio.com
 * and everything else only on serverless.twilio.com, as Twilio does.
 * https://www.twilio.com/docs/serverless/api
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  basicAuth,
  notFound,
  page,
  parseBody,
  readBody,
  send,
  TwilioError,
  type ParsedBody,
  type Part,
} from './serverless-http';
import { logRow, type LogLevel } from './serverless-logs';
import { serviceRoute } from './serverless-routes';
import { API_HOST, ServerlessStore, strip, type Row } from './serverless-store';

export { API_HOST, sid, type StoredVersion } from './serverless-store';
export const UPLOAD_HOST = 'serverless-upload.twilio.com';

export interface Account {
  readonly accountSid: string;
  readonly authToken: string;
}

export interface ServerlessApiStandInOptions {
  readonly accounts: readonly Account[];
  /** Default page size of list endpoints (Twilio's is 50); small values exercise next_page_url. */
  readonly pageSize?: number;
  /** How many /Status polls answer 'building' before 'completed' (the client waits 1 s after each). */
  readonly buildingPolls?: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The whole body as text, for "this value was never sent" checks. */
  readonly raw: string;
  readonly form: Readonly<Record<string, readonly string[]>>;
  readonly parts: readonly Part[];
  /** The account the Basic auth resolved to; undefined when rejected. */
  readonly accountSid?: string;
}

export class ServerlessApiStandIn extends ServerlessStore {
  readonly requests: RecordedRequest[] = [];
  /** What the deployed functions logged (addLog), served by the Logs resource. */
  readonly logs: Row[] = [];
  private server?: Server;

  constructor(private readonly options: ServerlessApiStandInOptions) {
    super(options.buildingPolls);
  }

  /** Listens on 127.0.0.1 (`port` 0: any free one); rejects when the port is taken. */
  async start(listenOn = 0): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(listenOn, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    // Clients keep connections alive: closing waits for none of them.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Every request that could change something. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /**
   * A line a deployed function logged: `functionPath` names the function (e.g. `/sms`) of the
   * environment's service, `at` when (default now).
   */
  addLog(environmentSid: string, functionPath: string, level: LogLevel, message: string, at?: Date): Row {
    const environment = this.environments.find((e) => e.sid === environmentSid);
    if (environment === undefined) throw new Error(`no environment ${environmentSid}`);
    const fn = this.functions.find(
      (f) => f.service_sid === environment.service_sid && f.friendly_name === functionPath,
    );
    if (fn === undefined) throw new Error(`no function ${functionPath} in ${String(environment.service_sid)}`);
    const log = logRow((...args) => this.row(...args), environment, { functionSid: fn.sid, level, message, date: at });
    this.logs.push(log);
    return log;
  }

  /** A service made outside this test's deploys (by the Console, another project...). */
  addService(uniqueName: string, accountSid = this.options.accounts[0].accountSid): Row {
    const service = this.newService(accountSid, uniqueName);
    this.services.push(service);
    return service;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const raw = await readBody(req);
    const body = parseBody(req.headers['content-type'], raw);
    const credentials = basicAuth(req.headers.authorization);
    const account = this.options.accounts.find(
      (a) => a.accountSid === credentials?.username && a.authToken === credentials?.password,
    );
    this.requests.push({
      method: req.method ?? 'GET',
      host: (req.headers.host ?? '').toLowerCase(),
      path: url.pathname,
      query: url.search,
      headers: { ...req.headers },
      raw: raw.toString('utf8'),
      form: Object.fromEntries(body.form),
      parts: body.parts,
      accountSid: account?.accountSid,
    });
    try {
      if (account === undefined) throw new TwilioError(401, 20003, 'Authenticate');
      const [status, result] = this.route(
        req.method ?? 'GET',
        (req.headers.host ?? '').toLowerCase(),
        url,
        body,
        account.accountSid,
      );
      send(res, status, result);
    } catch (cause) {
      const error = cause instanceof TwilioError ? cause : new TwilioError(500, 20500, String(cause));
      send(res, error.status, error.body());
    }
  }

  private route(method: string, host: string, url: URL, body: ParsedBody, accountSid: string): [number, object] {
    const path = url.pathname;
    const segments = path.split('/').filter((s) => s !== '');
    if (segments[0] !== 'v1' || segments[1] !== 'Services') throw notFound(path);
    const isUpload = method === 'POST' && segments.length === 6 && segments[5] === 'Versions';
    if (host !== (isUpload ? UPLOAD_HOST : API_HOST)) throw notFound(path);
    const publicUrl = `https://${API_HOST}${path}`;
    const list = (items: Row[], key: string): [number, object] => [
      200,
      page(items.map(strip), key, publicUrl, url.searchParams, this.options.pageSize ?? 50),
    ];
    const one = (row: Row | undefined): [number, object] => {
      if (row === undefined) throw notFound(path);
      return [200, strip(row)];
    };
    const created = (row: Row): [number, object] => [201, strip(row)];
    const field = (name: string): string | undefined => body.form.get(name)?.[0];

    if (segments.length === 2) {
      if (method === 'GET') return list(this.owned(this.services, accountSid), 'services');
      return created(
        this.createService(accountSid, field('UniqueName'), field('FriendlyName'), field('IncludeCredentials')),
      );
    }
    const service = this.owned(this.services, accountSid).find(
      (s) => s.sid === segments[2] || s.unique_name === segments[2],
    );
    if (service === undefined) throw notFound(path);
    return serviceRoute(this, this.logs, service, {
      method,
      url,
      path,
      segments,
      body,
      accountSid,
      field,
      list,
      one,
      created,
    });
  }
}
