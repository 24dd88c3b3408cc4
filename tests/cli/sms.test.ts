// `npm run sms` as a child process, against (a) the real local runtime serving a built copy of the
// project and (b) a small server on 127.0.0.1 that checks signatures the way Twilio's helper does.
import { XMLParser } from 'fast-xml-parser';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import twilio from 'twilio';
import { buildProject } from '../../src/build/build';
import {
  cleanEnv,
  copyProject,
  eventually,
  freePort,
  postForm,
  removeProject,
  runCli,
  startRuntime,
  type Running,
} from './sms-project';

const sms = (args: readonly string[], cwd: string, env = cleanEnv()) => runCli('sms', args, cwd, env);

describe('npm run sms against the real local runtime', () => {
  let dir: string;
  let runtime: Running;
  let port: number;
  const url = () => `http://127.0.0.1:${port}/sms`;

  beforeAll(async () => {
    dir = await copyProject();
    // The routing file of the README: one number of each mode.
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(
      join(dir, 'assets', 'routing.private.json'),
      JSON.stringify({
        numbers: {
          '+15005550006': { mode: 'forward', to: ['+15557654321'] },
          '+15005550007': { mode: 'auto-reply', message: 'We are closed today.' },
          '+15005550008': { mode: 'ignore' },
        },
      }),
    );
    const built = await buildProject(dir);
    if (!built.ok) throw new Error(`build failed: ${JSON.stringify(built.problems)}`);
    port = await freePort();
    runtime = startRuntime(dir, port);
    await eventually('twilio-run to serve', async () => ((await postForm(url(), {})) ? true : undefined));
  });

  afterAll(async () => {
    await runtime?.stop();
    await removeProject(dir);
  });

  it('shows an auto-reply going back to the sender, and exits 0', async () => {
    const run = await sms(['--url', url(), '--to', '+15005550007', 'Are', 'you', 'open?'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+15551230000 texts +15005550007:\n    Are you open?');
    expect(run.stdout).toContain('Reply to the sender +15551230000, from +15005550007:\n    We are closed today.');
    expect(run.stderr).toMatch(/placeholder token.*checks no signatures/);
  });

  it('shows a forward with its picture, to the target, from the Twilio number', async () => {
    const run = await sms(
      ['--url', url(), '--from', '+15551239999', '--media', 'https://demo.twilio.com/owl.png', 'Look'],
      dir,
    );
    expect(run.code).toBe(0);
    const forward = run.stdout.slice(run.stdout.indexOf('To +15557654321, from +15005550006:'));
    expect(forward).toContain('+15551239999');
    expect(forward).toContain('Look');
    expect(forward).toContain('[media] https://demo.twilio.com/owl.png');
    expect(run.stdout).not.toContain('Reply to the sender');
  });

  it('shows that an ignored message gets no reply', async () => {
    const run = await sms(['--url', url(), '--to', '+15005550008', 'Hello'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('(no reply: <Response/>)');
  });

  it('prints the TwiML itself with --raw', async () => {
    const run = await sms(['--url', url(), '--raw', '--to', '+15005550007', 'Hi'], dir);
    expect(run.code).toBe(0);
    const parsed: unknown = new XMLParser().parse(run.stdout);
    expect(parsed).toMatchObject({ Response: { Message: 'We are closed today.' } });
  });

  it('sends to http://localhost:$PORT/sms when no --url is given', async () => {
    const run = await sms(['--to', '+15005550007', 'Hi'], dir, cleanEnv({ PORT: String(port) }));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('We are closed today.');
  });
});

/** Answers by path, after checking the signature with twilio.validateRequest for each candidate token. */
class SigningServer {
  readonly seen: { token: string | undefined; params: Record<string, string> }[] = [];
  private readonly server: Server;
  port = 0;

  constructor(private readonly tokens: readonly string[]) {
    this.server = createServer((req, res) => this.answer(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address !== null ? address.port : 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const signature = String(req.headers['x-twilio-signature'] ?? '');
      const token = this.tokens.find((t) => twilio.validateRequest(t, signature, this.url(req.url ?? ''), params));
      this.seen.push({ token, params });
      if (token === undefined) return void res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden');
      if (req.url === '/twiml') {
        return void res
          .writeHead(200, { 'Content-Type': 'text/xml' })
          .end('<?xml version="1.0"?><Response><Message>Signed OK</Message></Response>');
      }
      if (req.url === '/text') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Thanks!');
      res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"message":"boom"}');
    });
  }
}

describe('npm run sms against a server that checks signatures', () => {
  const server = new SigningServer(['file-token', 'shell-token']);
  let dir: string;

  beforeAll(async () => {
    dir = await copyProject();
    await writeFile(join(dir, '.env'), `ACCOUNT_SID=AC${'5'.repeat(32)}\nAUTH_TOKEN=file-token\n`);
    await server.start();
  });

  afterAll(async () => {
    await server.stop();
    await removeProject(dir);
  });

  it("signs with .env's AUTH_TOKEN and sends every parameter of an inbound message", async () => {
    const run = await sms(
      ['--url', server.url('/twiml'), '--media', 'https://x.test/a.png', '--media', 'https://x.test/b.jpg', 'Hi there'],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Signed with AUTH_TOKEN in .env.');
    expect(run.stdout).toContain('Signed OK');
    const last = server.seen.at(-1);
    expect(last?.token).toBe('file-token');
    expect(last?.params).toMatchObject({
      From: '+15551230000',
      To: '+15005550006',
      Body: 'Hi there',
      AccountSid: `AC${'5'.repeat(32)}`,
      NumMedia: '2',
      MediaUrl0: 'https://x.test/a.png',
      MediaContentType0: 'image/png',
      MediaUrl1: 'https://x.test/b.jpg',
      MediaContentType1: 'image/jpeg',
      ApiVersion: '2010-04-01',
      SmsStatus: 'received',
    });
    expect(last?.params.MessageSid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(last?.params.SmsSid).toBe(last?.params.MessageSid);
  });

  it('prefers TWILIO_AUTH_TOKEN from the environment', async () => {
    const run = await sms(['--url', server.url('/twiml'), 'Hi'], dir, cleanEnv({ TWILIO_AUTH_TOKEN: 'shell-token' }));
    expect(run.code).toBe(0);
    expect(server.seen.at(-1)?.token).toBe('shell-token');
    expect(server.seen.at(-1)?.params.MessageSid).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('exits 1 explaining a refused signature', async () => {
    const run = await sms(['--url', server.url('/twiml'), 'Hi'], dir, cleanEnv({ TWILIO_AUTH_TOKEN: 'wrong-token' }));
    expect(run.code).toBe(1);
    expect(server.seen.at(-1)?.token).toBeUndefined();
    expect(run.stderr).toMatch(/HTTP 403.*signature was refused/);
    expect(run.stdout).toBe('');
  });

  it('exits 1 on an answer that is not XML', async () => {
    const run = await sms(['--url', server.url('/text'), 'Hi'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not well-formed XML/);
    expect(run.stderr).toContain('Thanks!');
  });

  it('exits 1 on an HTTP error', async () => {
    const run = await sms(['--url', server.url('/error'), 'Hi'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/HTTP 500.*11200/);
  });

  it('exits 1 and says to run `npm start` when nothing listens', async () => {
    const closed = await freePort();
    const run = await sms(['Hi'], dir, cleanEnv({ PORT: String(closed) }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/connection refused.*npm start/);
  });
});

// No project needed: arguments are refused before anything is read or sent.
describe('npm run sms with bad arguments', () => {
  it.each([
    [['--from', '5551230000', 'Hi'], /E\.164/],
    [['--to', '+1 555 123', 'Hi'], /E\.164/],
    [['--media', 'owl.png', 'Hi'], /not an http\(s\) URL/],
    [['--url', 'localhost:3000/sms', 'Hi'], /not an http\(s\) URL/],
    [['--bogus', 'Hi'], /unknown option/],
    [[], /Say what to send/],
  ])('%j exits 2', async (args, message) => {
    const run = await sms(args, tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('exits 2 on a PORT that is not a port', async () => {
    const run = await sms(['Hi'], tmpdir(), cleanEnv({ PORT: 'abc' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PORT=abc is not a port number');
  });
});
