// A stateful stand-in of Twilio's REST API on 127.0.0.1: IncomingPhoneNumbers (list with paging,
// fetch, update), Messaging v1 Services (list, fetch, update) with their PhoneNumbers, and toll-free
// verifications (src/stand-in/twilio-account.ts); Basic auth, Twilio's JSON shapes and error bodies.
// Knobs: latency, a concurrency limit answered with 429, random 5xx (seeded), connection resets,
// requests never answered, and writes held after a count (to kill a run mid-way).
// It is the world the numbers commands run against, not the code under test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TwilioAccount } from './twilio-account';
import { errorBody } from './twilio-shapes';

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

export interface RecordedRestRequest {
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

export class TwilioApiStandIn extends TwilioAccount {
  readonly knobs: Knobs = {
    latencyMs: [0, 0],
    maxConcurrency: Infinity,
    serverErrorRate: 0,
    resetRate: 0,
    hangRate: 0,
    holdWritesAfter: Infinity,
  };
  readonly stats = { requests: 0, throttled: 0, serverErrors: 0, maxInFlight: 0, resets: 0, hung: 0, held: 0 };
  readonly requests: RecordedRestRequest[] = [];
  readonly apiKeys = new Map<string, string>();

  private readonly random: () => number;
  private inFlight = 0;
  private server?: Server;

  private constructor(
    accountSid: string,
    readonly authToken: string,
    seed: number,
  ) {
    super(accountSid);
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
}
