/**
 * attach refuses a URL that is not http(s), before any call to Twilio (exit 2, nothing written),
 * and warns when it is plain http to another machine (numbers and texts would travel unencrypted).
 */
import { attachProblems } from '../../src/numbers/attach';
import { plainHttpWarning } from '../../src/numbers/validate';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { credentialsOf, runNumbers, tempProject } from '../helpers/numbers-cli';

const NUMBER = '+12025550000';
const problemsFor = (url: string, fallbackUrl?: string) =>
  attachProblems({ url, ...(fallbackUrl !== undefined ? { fallbackUrl } : {}), numbers: [NUMBER], command: 'attach' });

test.each([
  'ftp://example.com/sms',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/xml,<Response/>',
  'ws://example.com/sms',
  'example.com/sms',
  '//example.com/sms',
  '/sms',
  '',
  'gopher://example.com',
])('refuses --url %j (and the same as --fallback-url)', (url) => {
  expect(problemsFor(url)).toEqual([expect.stringContaining('--url')]);
  expect(problemsFor('https://example.com/sms', url)).toEqual([expect.stringContaining('--fallback-url')]);
});

test.each(['https://switchboard-1234-dev.twil.io/sms', 'http://example.com/sms', 'http://127.0.0.1:3000/sms'])(
  'accepts %s',
  (url) => {
    expect(problemsFor(url)).toEqual([]);
  },
);

test.each([
  'http://example.com/sms',
  'http://10.0.0.5/sms',
  'http://127.0.0.1.example.com/sms',
  'HTTP://EXAMPLE.COM/sms',
])('warns on plain http to %s', (url) => {
  expect(plainHttpWarning('--url', url)).toMatch(/plain http.*unencrypted/);
});

test.each([
  'https://example.com/sms',
  'http://localhost:3000/sms',
  'http://127.0.0.1:3000/sms',
  'http://127.1.2.3/sms',
  'http://[::1]:3000/sms',
])('no warning for %s', (url) => {
  expect(plainHttpWarning('--url', url)).toBeUndefined();
});

describe('npm run numbers -- attach', () => {
  let api: TwilioApiStandIn;
  let cwd: string;
  beforeAll(async () => {
    api = await TwilioApiStandIn.start();
    api.addNumber(NUMBER);
    cwd = await tempProject();
  });
  afterAll(() => api.close());
  const attach = (...args: string[]) => runNumbers(['attach', ...args, NUMBER], { cwd, env: credentialsOf(api) });

  test('a non-http(s) URL: exit 2, no request at all', async () => {
    const [url, fallback] = await Promise.all([
      attach('--url', 'ftp://example.com/sms'),
      attach('--url', 'https://example.com/sms', '--fallback-url', 'file:///etc/passwd'),
    ]);
    expect([url.code, fallback.code]).toEqual([2, 2]);
    expect(url.stderr).toContain('--url must be an http(s) URL');
    expect(fallback.stderr).toContain('--fallback-url must be an http(s) URL');
    expect(api.requests).toEqual([]);
  });

  test('plain http to another host is attached, with a warning; to this machine, without', async () => {
    const remote = await attach('--url', 'http://example.com/sms', '--fallback-url', 'http://example.com/fallback');
    expect(remote.code).toBe(0);
    expect(remote.stderr).toMatch(/--url http:\/\/example\.com\/sms is plain http/);
    expect(remote.stderr).toMatch(/--fallback-url http:\/\/example\.com\/fallback is plain http/);
    const local = await attach('--url', 'http://127.0.0.1:3000/sms');
    expect(local.code).toBe(0);
    expect(local.stderr).not.toContain('plain http');
    expect(api.allNumbers()[0]).toMatchObject({ sms_url: 'http://127.0.0.1:3000/sms' });
  });

  test("the plain-http warning hides the URL's password, as the plan does", async () => {
    const url = 'http://hook:s3cr3t-pw@example.com/sms';
    const [attached, plan] = await Promise.all([attach('--url', url), attach('--url', url, '--dry-run')]);
    expect(attached.code).toBe(0);
    expect(attached.stderr).toContain('--url http://hook:***@example.com/sms is plain http');
    for (const output of [attached.stdout, attached.stderr, plan.stdout, plan.stderr])
      expect(output).not.toContain('s3cr3t-pw');
  });
});
