/**
 * The HTTP side the email and Slack stand-ins share: a server on 127.0.0.1 that records every
 * request, and answers the next ones as a test scripts them (a status and body, a connection
 * reset, no answer at all) before going back to the stand-in's own behaviour.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer as a provider sends it. */
export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the next request gets: an answer, its connection reset, or nothing ever (a hanging provider). */
export type Scripted = Answer | 'reset' | 'hang';

export interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type Handle = (request: Received) => Answer;

export class ScriptedServer {
  /** Every request, in order, whatever it was answered. */
  readonly requests: Received[] = [];
  /** The answers of the next requests, first first; when empty, the stand-in answers. */
  readonly script: Scripted[] = [];

  private constructor(private readonly server: Server) {}

  static async start(handle: Handle, port = 0): Promise<ScriptedServer> {
    const server = createServer();
    const scripted = new ScriptedServer(server);
    server.on('request', (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request: Received = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        scripted.requests.push(request);
        const next = scripted.script.shift() ?? handle(request);
        if (next === 'hang') return;
        if (next === 'reset') return void req.socket.resetAndDestroy();
        res.writeHead(next.status, next.headers).end(next.body);
      });
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    return scripted;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      // Requests left unanswered ('hang') would keep it open.
      this.server.closeAllConnections();
    });
  }
}
