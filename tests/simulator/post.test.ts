// postWebhook in-process against servers on 127.0.0.1: what `npm run sms` sends, and each way an answer can fail
// to come (refused, reset, hung), so the simulator's one network call is tested where mutation testing sees it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook } from '../../src/simulator/post';
import { freePort } from '../helpers/runtime';

const SIGNED = {
  params: { From: '+15551230000', To: '+15005550006', Body: 'Hello & bye' },
  signature: 'c2lnbmF0dXJl',
};

interface Received {
  readonly method?: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

async function serve(answer: (res: ServerResponse, req: IncomingMessage) => void) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method, headers: req.headers, body });
      answer(res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('posts the form as signed, with the headers Twilio sends, and reads the whole answer', async () => {
  const server = await serve((res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'X-Switchboard-Deliveries': 'W10=' });
    res.end('<Response/>');
  });
  try {
    const result = await postWebhook({ ...SIGNED, url: server.url });
    expect(result).toEqual({
      kind: 'answer',
      status: 200,
      contentType: 'text/xml',
      text: '<Response/>',
      deliveries: 'W10=',
    });
    const [request] = server.received;
    expect(request?.method).toBe('POST');
    expect(request?.body).toBe('From=%2B15551230000&To=%2B15005550006&Body=Hello+%26+bye');
    expect(request?.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(request?.body ?? '')),
      'x-twilio-signature': SIGNED.signature,
      'user-agent': 'TwilioProxy/1.1',
    });
  } finally {
    await server.close();
  }
});

test('an answer without deliveries or a content type: both empty, the status as sent', async () => {
  const server = await serve((res) => {
    res.writeHead(500);
    res.end('oops');
  });
  try {
    expect(await postWebhook({ ...SIGNED, url: server.url })).toEqual({
      kind: 'answer',
      status: 500,
      contentType: '',
      text: 'oops',
      deliveries: undefined,
    });
  } finally {
    await server.close();
  }
});

test('a header of printed deliveries over 16 KB still reads (the limit is raised to 1 MB)', async () => {
  const big = 'A'.repeat(200_000);
  const server = await serve((res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'X-Switchboard-Deliveries': big });
    res.end('<Response/>');
  });
  try {
    const result = await postWebhook({ ...SIGNED, url: server.url });
    expect(result.kind === 'answer' ? result.deliveries?.length : result).toBe(big.length);
  } finally {
    await server.close();
  }
});

test('refused: unreachable with the system code', async () => {
  const result = await postWebhook({ ...SIGNED, url: `http://127.0.0.1:${await freePort()}/sms` });
  expect(result).toEqual({
    kind: 'unreachable',
    code: 'ECONNREFUSED',
    message: expect.stringContaining('ECONNREFUSED'),
  });
});

test('reset before an answer: unreachable with ECONNRESET', async () => {
  const server = await serve((_res, req) => req.socket.destroy());
  try {
    expect(await postWebhook({ ...SIGNED, url: server.url })).toEqual({
      kind: 'unreachable',
      code: 'ECONNRESET',
      message: 'socket hang up',
    });
  } finally {
    await server.close();
  }
});

test('no answer within the timeout: unreachable with ETIMEDOUT, saying how long it waited', async () => {
  const server = await serve(() => undefined);
  try {
    expect(await postWebhook({ ...SIGNED, url: server.url }, 200)).toEqual({
      kind: 'unreachable',
      code: 'ETIMEDOUT',
      message: 'no answer within 0.2 s',
    });
  } finally {
    await server.close();
  }
});

test('reset in the middle of the answer: unreachable, not a half-read answer', async () => {
  const server = await serve((res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': '100' });
    res.write('<Response><Mess', () => res.socket?.destroy());
  });
  try {
    expect(await postWebhook({ ...SIGNED, url: server.url })).toEqual({
      kind: 'unreachable',
      code: 'ECONNRESET',
      message: 'aborted',
    });
  } finally {
    await server.close();
  }
});

test('an https URL is posted over TLS: refused at a closed port like any other', async () => {
  const result = await postWebhook({ ...SIGNED, url: `https://127.0.0.1:${await freePort()}/sms` });
  expect(result).toEqual({
    kind: 'unreachable',
    code: 'ECONNREFUSED',
    message: expect.stringContaining('ECONNREFUSED'),
  });
});
