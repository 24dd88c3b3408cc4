/**
 * `npm run sms` signs with the auth token and never sends or prints it: the webhook carries only
 * the signature, and the output stays clean whether the function answers TwiML, refuses the
 * signature (403, as Twilio does) or fails with a body echoing everything it received.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanEnv, copyProject, removeProject, runCli } from '../cli/sms-project';
import { leaked, SECRETS } from './secrets';

let server: Server;
let origin: string;
let project: string;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req
      .on('data', (chunk: Buffer) => (body += chunk.toString()))
      .on('end', () => {
        const everything = `${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`;
        received.push(everything);
        if (req.url === '/sms')
          return res.writeHead(200, { 'content-type': 'text/xml' }).end('<Response><Message>Hi</Message></Response>');
        if (req.url === '/refuses') return res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
        res.writeHead(500, { 'content-type': 'text/plain' }).end(everything);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  project = await copyProject();
  await writeFile(
    join(project, '.env'),
    `AUTH_TOKEN=${SECRETS.AUTH_TOKEN}\nTWILIO_API_SECRET=${SECRETS.TWILIO_API_SECRET}\n`,
  );
}, 60_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await removeProject(project);
});

test.each([
  ['answered', '/sms', { TWILIO_AUTH_TOKEN: SECRETS.TWILIO_AUTH_TOKEN }],
  ['answered, token from .env', '/sms', {}],
  ['refused (403)', '/refuses', { TWILIO_AUTH_TOKEN: SECRETS.TWILIO_AUTH_TOKEN }],
  ['failing with an echo of the request (500)', '/echo', { TWILIO_AUTH_TOKEN: SECRETS.TWILIO_AUTH_TOKEN }],
])(
  '%s: the token is neither sent nor printed',
  async (_what, path, env) => {
    received.length = 0;
    const run = await runCli('sms', ['--url', `${origin}${path}`, 'hello'], project, cleanEnv(env));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/x-twilio-signature/i);
    expect(leaked(received.join('\n'), [])).toEqual([]);
    expect(leaked(run.stdout + run.stderr, [])).toEqual([]);
  },
  60_000,
);
