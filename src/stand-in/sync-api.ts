/**
 * A stateful stand-in of Twilio Sync's Documents API on 127.0.0.1, shaped as
 * https://www.twilio.com/docs/sync/api/document-resource: fetch, update, create, with Twilio's
 * error bodies (20404 not found, 54301 unique name taken) and Basic auth.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

export interface SyncDocument {
  readonly uniqueName: string;
  readonly data: unknown;
  readonly ttl?: number;
}

export interface SyncStandIn {
  readonly origin: string;
  readonly documents: Map<string, SyncDocument>;
  readonly calls: string[];
  /** Answer every request with this HTTP status (and a Twilio error body, code 20500) while set. */
  failWith?: number;
  /** The error body's message while failWith is set: "Internal Server Error" unless set. */
  failMessage?: string;
  /** Accept every request and never answer it while set: a Sync that hangs. */
  hang?: boolean;
  close(): Promise<void>;
}

const body = (req: IncomingMessage): Promise<URLSearchParams> =>
  new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString())).on('end', () => resolve(new URLSearchParams(text)));
  });

function send(res: ServerResponse, status: number, json: object): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
}

const twilioError = (res: ServerResponse, status: number, code: number, message: string) =>
  send(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

export async function startSyncStandIn(
  accountSid: string,
  authToken: string,
  serviceSid: string,
): Promise<SyncStandIn> {
  const documents = new Map<string, SyncDocument>();
  const calls: string[] = [];
  const resource = (doc: SyncDocument) => ({
    sid: `ET${'0'.repeat(32)}`,
    unique_name: doc.uniqueName,
    account_sid: accountSid,
    service_sid: serviceSid,
    data: doc.data,
    revision: '1',
    date_expires: doc.ttl === undefined ? null : new Date(Date.now() + doc.ttl * 1000).toISOString(),
    url: `https://sync.twilio.com/v1/Services/${serviceSid}/Documents/${doc.uniqueName}`,
  });
  const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const fake: SyncStandIn = { origin: '', documents, calls, close: () => Promise.resolve() };

  const server = createServer(async (req, res) => {
    const form = await body(req);
    calls.push(`${req.method} ${req.url}`);
    if (fake.hang === true) return;
    if (req.headers.authorization !== expected) return twilioError(res, 401, 20003, 'Authenticate');
    if (fake.failWith !== undefined)
      return twilioError(res, fake.failWith, 20500, fake.failMessage ?? 'Internal Server Error');
    const match = /^\/v1\/Services\/([^/]+)\/Documents(?:\/([^/?]+))?$/.exec(req.url ?? '');
    if (match === null || match[1] !== serviceSid)
      return twilioError(res, 404, 20404, 'The requested resource was not found');
    const key = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    const ttl = form.has('Ttl') ? Number(form.get('Ttl')) : undefined;
    if (key === undefined && req.method === 'POST') {
      const uniqueName = form.get('UniqueName') ?? '';
      if (documents.has(uniqueName)) return twilioError(res, 409, 54301, 'Unique name already exists');
      const doc = { uniqueName, data: JSON.parse(form.get('Data') ?? '{}'), ttl };
      documents.set(uniqueName, doc);
      return send(res, 201, resource(doc));
    }
    const existing = key === undefined ? undefined : documents.get(key);
    if (existing === undefined) return twilioError(res, 404, 20404, 'The requested resource was not found');
    if (req.method === 'GET') return send(res, 200, resource(existing));
    const updated = {
      uniqueName: existing.uniqueName,
      data: form.has('Data') ? JSON.parse(form.get('Data') ?? '{}') : existing.data,
      ttl,
    };
    documents.set(existing.uniqueName, updated);
    return send(res, 200, resource(updated));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The requests left unanswered (`hang`) would keep it open.
        server.closeAllConnections();
      }),
  });
}

/** The real SDK, with every request sent to `origin` (twilio-node's documented httpClient hook). */
export function clientFor(origin: string, accountSid: string, authToken: string): twilio.Twilio {
  class ToOrigin extends twilio.RequestClient {
    override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
      const url = new URL(opts.uri);
      return super.request({ ...opts, uri: `${origin}${url.pathname}${url.search}` });
    }
  }
  return twilio(accountSid, authToken, { httpClient: new ToOrigin() });
}
