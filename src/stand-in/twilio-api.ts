// A stateful stand-in of Twilio's REST API on 127.0.0.1: IncomingPhoneNumbers (list with paging,
// fetch, update) and Messaging v1 Services with their PhoneNumbers, Basic auth, Twilio's JSON shapes
// and error bodies. Knobs: latency, a concurrency limit answered with 429, random 5xx (seeded),
// connection resets, requests never answered, and writes held after a count (to kill a run mid-way).
// It is the world the numbers commands run against, not the code under test.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  errorBody,
  fieldOf,
  numberResource,
  numbersPath,
  paginate,
  rfc2822,
  servicePhoneNumber,
  serviceResource,
  type NumberResource,
  type ServiceResource,
} from './twilio-shapes';

export interface Knobs {
  /** Each call waits a random time in [min, max] ms before answering. */
  latencyMs: readonly [number, number];
  /** More requests in flight than this are answered 429 / 20429 at once. */
  maxConcurrency: number;
  /** Share of authenticated calls answered 500 or 503 (nothing changes). */
  serverErrorRate: number;
  /**
   * Share of authenticated calls whose connection is reset (socket.destroy());
   * for half of them a write lands first.
   */
  resetRate: number;
  /** Share of authenticated calls never answered (the client's timeout must give up); nothing changes. */
  hangRate: number;
  /** Once this many writes have landed, later writes are never answered and change nothing. */
  holdWritesAfter: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly form: Readonly<Record<string, string>>;
}

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class TwilioApiStandIn {
  readonly knobs: Knobs = {
    latencyMs: [0, 0],
    maxConcurrency: Infinity,
    serverErrorRate: 0,
    resetRate: 0,
    hangRate: 0,
    holdWritesAfter: Infinity,
  };
  readonly stats = { requests: 0, throttled: 0, serverErrors: 0, maxInFlight: 0, resets: 0, hung: 0, held: 0 };
  readonly requests: RecordedRequest[] = [];
  readonly apiKeys = new Map<string, string>();
  /** Updates of these numbers always fail with this error (a permanent, non-retryable failure). */
  readonly failingWrites = new Map<string, { status: number; code: number; message: string }>();
  private readonly numbers: NumberResource[] = [];
  private readonly services: Array<{ resource: ServiceResource; numbers: string[] }> = [];
  private readonly writeCounts = new Map<string, number>();
  private readonly random: () => number;
  private inFlight = 0;
  private counter = 0;
  private server?: Server;

  private constructor(
    readonly accountSid: string,
    readonly authToken: string,
    seed: number,
  ) {
    this.random = seeded(seed);
  }

  static async start(
    options: { seed?: number; accountSid?: string; authToken?: string; port?: number } = {},
  ): Promise<TwilioApiStandIn> {
    const api = new TwilioApiStandIn(
      options.accountSid ?? `AC${'a1'.repeat(16)}`,
      options.authToken ?? `tok${'9f'.repeat(14)}en`,
      options.seed ?? 1,
    );
    const server = createServer((req, res) => void api.handle(req, res));
    await new Promise<void>((resolve, reject) =>
      server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve),
    );
    api.server = server;
    return api;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  sid(prefix: string): string {
    return prefix + createHash('md5').update(`${prefix}${this.counter++}`).digest('hex');
  }

  addNumber(phoneNumber: string, fields: Partial<NumberResource> = {}): NumberResource {
    const n = {
      ...numberResource(
        this.accountSid,
        this.sid('PN'),
        phoneNumber,
        new Date(Date.UTC(2024, 0, 1, 0, 0, this.counter)),
      ),
      ...fields,
    };
    this.numbers.push(n);
    return n;
  }

  /** `count` numbers +12025550000, +12025550001, ... */
  addNumbers(count: number, fields: Partial<NumberResource> = {}): NumberResource[] {
    const base = this.numbers.length;
    return Array.from({ length: count }, (_, i) =>
      this.addNumber(`+1202555${String(base + i).padStart(4, '0')}`, fields),
    );
  }

  addService(friendlyName: string, deferToNumber: boolean, numberSids: readonly string[]): ServiceResource {
    const resource = serviceResource(
      this.accountSid,
      this.sid('MG'),
      friendlyName,
      deferToNumber,
      new Date(Date.UTC(2024, 0, 2)),
    );
    this.services.push({ resource, numbers: [...numberSids] });
    return resource;
  }

  /** The number as the API holds it now (a copy). */
  number(sid: string): NumberResource {
    const n = this.numbers.find((x) => x.sid === sid);
    if (n === undefined) throw new Error(`no number ${sid}`);
    return { ...n };
  }

  allNumbers(): NumberResource[] {
    return this.numbers.map((n) => ({ ...n }));
  }

  writes(sid?: string): number {
    if (sid !== undefined) return this.writeCounts.get(sid) ?? 0;
    return [...this.writeCounts.values()].reduce((a, b) => a + b, 0);
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private authorized(req: IncomingMessage): boolean {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Basic' || encoded === undefined) return false;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    const [user, pass] = [decoded.slice(0, at), decoded.slice(at + 1)];
    return (
      (user === this.accountSid && pass === this.authToken) ||
      (this.apiKeys.has(user) && this.apiKeys.get(user) === pass)
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search, form });
    this.stats.requests++;
    this.inFlight++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
    res.once('close', () => this.inFlight--);
    // Twilio refuses calls beyond the account's concurrency at once: https://www.twilio.com/docs/api/errors/20429
    if (this.inFlight > this.knobs.maxConcurrency) {
      this.stats.throttled++;
      return this.send(res, 429, errorBody(429, 20429, 'Too Many Requests'));
    }
    const [min, max] = this.knobs.latencyMs;
    if (max > 0) await sleep(min + this.random() * (max - min));
    if (!this.authorized(req)) {
      return this.send(
        res,
        401,
        { ...errorBody(401, 20003, 'Authenticate'), detail: 'Your AccountSid or AuthToken was incorrect.' },
        {
          'WWW-Authenticate': 'Basic realm="Twilio API"',
        },
      );
    }
    if (this.random() < this.knobs.serverErrorRate) {
      this.stats.serverErrors++;
      const status = this.random() < 0.5 ? 500 : 503;
      return this.send(
        res,
        status,
        errorBody(
          status,
          status === 500 ? 20500 : 20503,
          status === 500 ? 'Internal Server Error' : 'Service Unavailable',
        ),
      );
    }
    // The random draws happen only when a knob is on, so seeded runs without them stay as they were.
    if (this.knobs.hangRate > 0 && this.random() < this.knobs.hangRate) {
      this.stats.hung++;
      return;
    }
    if (req.method === 'POST' && this.writes() >= this.knobs.holdWritesAfter) {
      this.stats.held++;
      return;
    }
    if (this.knobs.resetRate > 0 && this.random() < this.knobs.resetRate) {
      this.stats.resets++;
      req.socket.destroy();
      // The answer is lost either way; for half the resets the write has landed (route answers a closed socket).
      if (this.random() < 0.5) return;
    }
    this.route(req.method ?? 'GET', url, form, res);
  }

  private route(method: string, url: URL, form: Record<string, string>, res: ServerResponse): void {
    const p = url.pathname;
    const list = p === `${numbersPath(this.accountSid)}.json`;
    const one = new RegExp(`^${numbersPath(this.accountSid)}/(PN[0-9a-f]{32})\\.json$`).exec(p);
    const phones = /^\/v1\/Services\/(MG[0-9a-f]{32})\/PhoneNumbers$/.exec(p);
    if (method === 'GET' && list) return this.listNumbers(url, res);
    if (one !== null && (method === 'GET' || method === 'POST'))
      return this.oneNumber(method, one[1] ?? '', form, p, res);
    if (method === 'GET' && p === '/v1/Services')
      return this.listV1(
        url,
        res,
        'services',
        this.services.map((s) => s.resource),
      );
    if (method === 'GET' && phones !== null) {
      const service = this.services.find((s) => s.resource.sid === phones[1]);
      if (service !== undefined) {
        const items = service.numbers.map((sid) => servicePhoneNumber(service.resource, this.number(sid)));
        return this.listV1(url, res, 'phone_numbers', items);
      }
    }
    this.send(res, 404, errorBody(404, 20404, `The requested resource ${p} was not found`));
  }

  private oneNumber(
    method: string,
    sid: string,
    form: Record<string, string>,
    path: string,
    res: ServerResponse,
  ): void {
    const n = this.numbers.find((x) => x.sid === sid);
    if (n === undefined)
      return this.send(res, 404, errorBody(404, 20404, `The requested resource ${path} was not found`));
    if (method === 'POST') {
      const failure = this.failingWrites.get(sid);
      if (failure !== undefined)
        return this.send(res, failure.status, errorBody(failure.status, failure.code, failure.message));
      // Known parameters update their field; like Twilio, unknown ones are ignored.
      Object.assign(
        n,
        Object.fromEntries(
          Object.entries(form)
            .map(([param, value]) => [fieldOf(param), value])
            .filter(([field]) => field in n),
        ),
      );
      n.date_updated = rfc2822(new Date());
      this.writeCounts.set(sid, this.writes(sid) + 1);
    }
    this.send(res, 200, n);
  }

  /** 2010-04-01 paging: PageSize (max 1000), Page, PageToken "PA<last sid>"; the envelope with *_page_uri. */
  private listNumbers(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const filter = q.get('PhoneNumber');
    const items = this.numbers.filter((n) => filter === null || n.phone_number.includes(filter.replace(/\*/g, '')));
    const { slice, page, size, start, nextToken } = paginate(items, q);
    const path = `${numbersPath(this.accountSid)}.json`;
    const query = (extra: Record<string, string>): string => {
      const params = new URLSearchParams({
        ...(filter !== null ? { PhoneNumber: filter } : {}),
        PageSize: String(size),
        ...extra,
      });
      return `${path}?${params}`;
    };
    this.send(res, 200, {
      first_page_uri: query({ Page: '0' }),
      end: start + Math.max(slice.length - 1, 0),
      incoming_phone_numbers: slice,
      next_page_uri: nextToken !== undefined ? query({ Page: String(page + 1), PageToken: nextToken }) : null,
      page,
      page_size: size,
      previous_page_uri: page > 0 ? query({ Page: String(page - 1) }) : null,
      start,
      uri: query({
        Page: String(page),
        ...(q.get('PageToken') !== null ? { PageToken: q.get('PageToken') ?? '' } : {}),
      }),
    });
  }

  /** v1 paging: the same parameters, absolute URLs in `meta` (on Twilio's host, as Twilio answers). */
  private listV1(url: URL, res: ServerResponse, key: string, items: ReadonlyArray<{ sid?: unknown }>): void {
    const { slice, page, size, nextToken } = paginate(items, url.searchParams);
    const at = (extra: Record<string, string>): string =>
      `https://messaging.twilio.com${url.pathname}?${new URLSearchParams({ PageSize: String(size), ...extra })}`;
    this.send(res, 200, {
      [key]: slice,
      meta: {
        page,
        page_size: size,
        first_page_url: at({ Page: '0' }),
        previous_page_url: page > 0 ? at({ Page: String(page - 1) }) : null,
        url: at({ Page: String(page) }),
        next_page_url: nextToken !== undefined ? at({ Page: String(page + 1), PageToken: nextToken }) : null,
        key,
      },
    });
  }
}
