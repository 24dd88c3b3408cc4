/**
 * A loopback "proxy" that fails on purpose, for the Twilio SDK inside the real local runtime.
 * twilio-node sends every request through HTTP_PROXY when that is set (its RequestClient uses
 * https-proxy-agent, which opens a tunnel with CONNECT), and twilio-run hands the
 * runtime process the variables of the project's `.env`: HTTP_PROXY there reaches the SDK that
 * `context.getTwilioClient()` builds. Twilio's hosts are never reached, and nothing leaves 127.0.0.1.
 *
 * - `reset`: accepts, reads the CONNECT, then resets the connection (ECONNRESET).
 * - `hang`: accepts, reads the CONNECT, never answers.
 * - `{ status, body }`: answers the CONNECT with that HTTP status and JSON body; https-proxy-agent
 *   hands a refused tunnel's answer to the request as its response, so the SDK sees exactly this,
 *   as if Sync had answered it (a Twilio error body makes a RestException).
 * Every CONNECT line is recorded (`CONNECT sync.twilio.com:443`), whatever the fault.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type Fault = 'reset' | 'hang' | { readonly status: number; readonly body: object };

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: the value for HTTP_PROXY. */
  readonly url: string;
  /** The request line of every tunnel asked for, in order. */
  readonly connects: string[];
  /** What the next connections get; may be changed between requests. */
  fault: Fault;
  close(): Promise<void>;
}

/** A Twilio error body, as the API sends it with an HTTP error status. */
export const twilioError = (status: number, code: number, message: string): Fault => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

function answer(socket: Socket, fault: Fault): void {
  if (fault === 'hang') return;
  if (fault === 'reset') {
    socket.resetAndDestroy();
    return;
  }
  const body = JSON.stringify(fault.body);
  socket.end(
    `HTTP/1.1 ${fault.status} Failed\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export async function startFaultProxy(fault: Fault): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const connects: string[] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket)).on('error', () => undefined);
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      connects.push(head.slice(0, head.indexOf('\r\n')).replace(/ HTTP\/1\.[01]$/, ''));
      answer(socket, proxy.fault);
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    connects,
    fault,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
