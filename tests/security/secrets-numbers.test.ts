/**
 * `npm run numbers` never prints a token or secret: succeeding, rejected, failing against an API
 * that answers 5xx or nothing at all, refusing input, with the SDK's debug log on, with the
 * credentials from the shell, an API key, or .env.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { freePort } from '../helpers/runtime';
import { runNumbers, tempProject, type CliResult } from '../helpers/numbers-cli';
import { leaked, SECRETS } from './secrets';

const KEY = `SK${'5'.repeat(32)}`;
const URL_ = 'https://switchboard-1234-dev.twil.io/sms';

let api: TwilioApiStandIn;
let cwd: string;
let closedOrigin: string;
beforeAll(async () => {
  api = await TwilioApiStandIn.start({ authToken: SECRETS.TWILIO_AUTH_TOKEN });
  api.apiKeys.set(KEY, SECRETS.TWILIO_API_SECRET);
  api.addNumbers(3);
  cwd = await tempProject();
  closedOrigin = `http://127.0.0.1:${await freePort()}`;
});
afterAll(() => api.close());

const shell = (extra: Record<string, string> = {}) => ({
  TWILIO_ACCOUNT_SID: api.accountSid,
  TWILIO_AUTH_TOKEN: SECRETS.TWILIO_AUTH_TOKEN,
  TWILIO_API_BASE_URL: api.url,
  ...extra,
});
const run = (args: string[], env: Record<string, string>, dir = cwd): Promise<CliResult> =>
  runNumbers(args, { cwd: dir, env });

test('no token or secret in any output, whatever the outcome', async () => {
  const dotenvProject = await tempProject();
  await writeFile(
    join(dotenvProject, '.env'),
    `ACCOUNT_SID=${api.accountSid}\nAUTH_TOKEN=${SECRETS.TWILIO_AUTH_TOKEN}\n`,
  );
  const foreign = join(cwd, 'foreign.json');
  await mkdir(cwd, { recursive: true });
  await writeFile(
    foreign,
    JSON.stringify({
      version: 1,
      accountSid: `AC${'e'.repeat(32)}`,
      createdAt: '2026-01-01T00:00:00.000Z',
      command: 'x',
      numbers: [],
    }),
  );

  const runs: Array<[string, number, Promise<CliResult>]> = [
    ['status', 0, run(['status'], shell())],
    ['status --json, SDK debug log on', 0, run(['status', '--json'], shell({ TWILIO_LOG_LEVEL: 'debug' }))],
    [
      'status with an API key',
      0,
      run(['status'], {
        TWILIO_ACCOUNT_SID: api.accountSid,
        TWILIO_API_KEY: KEY,
        TWILIO_API_SECRET: SECRETS.TWILIO_API_SECRET,
        TWILIO_API_BASE_URL: api.url,
      }),
    ],
    ['status with .env credentials', 0, run(['status'], { TWILIO_API_BASE_URL: api.url }, dotenvProject)],
    ['attach --dry-run', 0, run(['attach', '--url', URL_, '--all', '--dry-run'], shell())],
    ['status, token rejected', 3, run(['status'], shell({ TWILIO_AUTH_TOKEN: SECRETS.AUTH_TOKEN }))],
    [
      'status, API secret rejected',
      3,
      run(['status'], {
        TWILIO_ACCOUNT_SID: api.accountSid,
        TWILIO_API_KEY: KEY,
        TWILIO_API_SECRET: SECRETS.AUTH_TOKEN,
        TWILIO_API_BASE_URL: api.url,
      }),
    ],
    [
      'attach to an API that is not there',
      1,
      // In a project of its own: it takes the project's lock, as the restore below does, and a second command
      // in one project while the first holds the lock is refused (exit 2) by design.
      run(
        ['attach', '--url', URL_, '--all'],
        shell({ TWILIO_API_BASE_URL: closedOrigin, TWILIO_LOG_LEVEL: 'debug' }),
        await tempProject(),
      ),
    ],
    ['attach, invalid input', 2, run(['attach', '--url', 'ftp://x', '--all'], shell())],
    ['restore of another account', 2, run(['restore', 'foreign.json'], shell())],
  ];
  for (const [what, code, running] of runs) {
    const result = await running;
    expect([what, result.code]).toEqual([what, code]);
    expect([what, leaked(result.stdout + result.stderr, [api.accountSid, KEY])]).toEqual([what, []]);
  }
}, 120_000);

test('attach with every write failing (5xx, then a permanent error): exit 1, no secret printed', async () => {
  const failing = await TwilioApiStandIn.start({ authToken: SECRETS.TWILIO_AUTH_TOKEN, seed: 5 });
  try {
    const [a, b] = failing.addNumbers(2);
    failing.failingWrites.set(a.sid, {
      status: 400,
      code: 21452,
      message: `No SMS URL may be set with token ${SECRETS.TWILIO_AUTH_TOKEN.slice(0, 4)}`,
    });
    failing.knobs.serverErrorRate = 0.5;
    const result = await runNumbers(['attach', '--url', URL_, a.phone_number, b.phone_number, '--concurrency', '1'], {
      cwd,
      env: {
        TWILIO_ACCOUNT_SID: failing.accountSid,
        TWILIO_AUTH_TOKEN: SECRETS.TWILIO_AUTH_TOKEN,
        TWILIO_API_BASE_URL: failing.url,
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toContain('21452');
    expect(leaked(result.stdout + result.stderr, [failing.accountSid])).toEqual([]);
  } finally {
    await failing.close();
  }
}, 60_000);
