// `npm run numbers` as a user runs it: child processes against the stand-in API.
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { credentialsOf, runNumbers, tempProject, type CliResult } from '../helpers/numbers-cli';
import { numbersEnv } from '../helpers/numbers-env';
import { REPO } from '../helpers/project';

const URL_ = 'https://switchboard-1234-dev.twil.io/sms';
const APP = `AP${'6'.repeat(32)}`;

let api: TwilioApiStandIn;
let cwd: string;
beforeEach(async () => {
  api = await TwilioApiStandIn.start({ seed: 3 });
  cwd = await tempProject();
});
afterEach(() => api.close());

/** Every run: the token, and the Basic auth string made from it, never appear in any output. */
async function numbers(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<CliResult> {
  const env = options.env ?? credentialsOf(api);
  const result = await runNumbers(args, { cwd, env, ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
  const output = result.stdout + result.stderr;
  expect(output).not.toContain(api.authToken);
  expect(output).not.toContain(Buffer.from(`${api.accountSid}:${api.authToken}`).toString('base64'));
  return result;
}
const backups = async (): Promise<string[]> => readdir(join(cwd, '.twilioserverless', 'backups')).catch(() => []);
const posts = () => api.requests.filter((r) => r.method === 'POST');

describe('npm run numbers', () => {
  it('each command has --help, exiting 0 without credentials', async () => {
    const results = await Promise.all(
      ['status', 'attach', 'restore'].map((command) => numbers([command, '--help'], { env: {} })),
    );
    results.forEach((result, i) => {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: numbers ${['status', 'attach', 'restore'][i]}`);
    });
    expect(results[0]?.stdout).toContain('"messagingService":{"sid","friendlyName","a2pRegistered"}|null');
    expect(results[1]?.stdout).toMatch(/--messaging-service <way>[\s\S]*\(choices: "defer", "url", "skip"\)/);
    expect(results[2]?.stdout).toMatch(/or\s+"latest"/);
  });

  it('status lists every number with its routing; --json has the documented shape', async () => {
    const [a] = api.addNumbers(2);
    api.addNumber('+12025550099', { sms_application_sid: APP });
    const mg = api.addService('Marketing', false, [a?.sid ?? '']);
    const human = await numbers(['status']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /\+12025550000 +PN\w+ +messaging-service +https:\S+ +MG\w+ +Marketing \(no A2P campaign\)/,
    );
    expect(human.stdout).toContain('do not use their own SMS URL');
    expect(human.stdout).toContain('3 number(s) whose texts carriers will block:');
    expect(human.stdout).toContain('  +12025550001: 30034: US long code in no Messaging Service:');
    const json = await numbers(['status', '--json']);
    const parsed = JSON.parse(json.stdout) as { numbers: Array<Record<string, unknown>> };
    expect(parsed.numbers).toHaveLength(3);
    expect(parsed.numbers[0]).toEqual({
      sid: a?.sid,
      phoneNumber: '+12025550000',
      routing: 'messaging-service',
      smsUrl: 'https://demo.twilio.com/welcome/sms/reply',
      overriddenBy: mg.sid,
      messagingService: { sid: mg.sid, friendlyName: 'Marketing', a2pRegistered: false },
      warnings: [{ code: 30034, message: expect.stringContaining('which has no registered A2P campaign') }],
    });
    expect(parsed.numbers[2]).toMatchObject({ routing: 'twiml-app', overriddenBy: APP, messagingService: null });
  });

  it('attach: a number whose Messaging Service answers for it is refused (exit 2) until a way is chosen', async () => {
    const n = api.addNumber('+12025550001');
    const mg = api.addService('Marketing', false, [n.sid]);
    const refused = await numbers(['attach', '--url', URL_, n.sid, '--dry-run']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`+12025550001 is in Messaging Service ${mg.sid} ("Marketing")`);
    expect(refused.stderr).toContain('Choose how to go on with --messaging-service');
    const bad = await numbers(['attach', '--url', URL_, n.sid, '--messaging-service', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'maybe' is invalid. Allowed choices are defer, url, skip.");

    const plan = await numbers(['attach', '--url', URL_, n.sid, '--messaging-service', 'defer', '--dry-run']);
    expect(plan.stdout.split('\n').slice(0, 5)).toEqual([
      `Messaging Service ${mg.sid} ("Marketing"):`,
      '  UseInboundWebhookOnNumber: false -> true',
      '  1 number(s) of the service change routing:',
      `    +12025550001: messaging-service ${mg.sid} https://example.com/service-inbound (POST) -> function ${URL_} (POST)`,
      `+12025550001: messaging-service ${mg.sid} https://example.com/service-inbound (POST) -> function ${URL_} (POST)`,
    ]);
    const args = ['attach', '--url', URL_, n.sid, '--messaging-service', 'url', '--json'];
    const dry = JSON.parse((await numbers([...args, '--dry-run'])).stdout) as Record<string, unknown>;
    const inbound = {
      inboundRequestUrl: 'https://example.com/service-inbound',
      inboundMethod: 'POST',
      fallbackUrl: '',
      fallbackMethod: 'POST',
      useInboundWebhookOnNumber: false,
    };
    expect(dry.services).toEqual([
      {
        sid: mg.sid,
        friendlyName: 'Marketing',
        outcome: 'change',
        now: inbound,
        after: { ...inbound, inboundRequestUrl: URL_ },
        numbers: [
          {
            sid: n.sid,
            phoneNumber: '+12025550001',
            now: `messaging-service ${mg.sid} https://example.com/service-inbound (POST)`,
            after: `messaging-service ${mg.sid} ${URL_} (POST)`,
          },
        ],
      },
    ]);
    const skip = JSON.parse(
      (await numbers(['attach', '--url', URL_, n.sid, '--messaging-service', 'skip', '--dry-run', '--json'])).stdout,
    ) as { plan: unknown[]; services: unknown[] };
    expect(skip).toMatchObject({
      plan: [{ sid: n.sid, outcome: 'skipped', changes: {}, warning: expect.stringContaining('left out') }],
      services: [],
    });
    const run = await numbers(args);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      backup: expect.any(String),
      results: [{ sid: n.sid, phoneNumber: '+12025550001', outcome: 'changed' }],
      services: [
        {
          sid: mg.sid,
          friendlyName: 'Marketing',
          outcome: 'changed',
          now: inbound,
          after: { ...inbound, inboundRequestUrl: URL_ },
        },
      ],
    });
  });

  it('attach --dry-run prints now -> after and writes nothing', async () => {
    api.addNumbers(2);
    const result = await numbers(['attach', '--url', URL_, '+12025550000', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `+12025550000: demo-reply https://demo.twilio.com/welcome/sms/reply (POST) -> function ${URL_} (POST)`,
    );
    expect(result.stdout).toContain('Nothing was written');
    const json = JSON.parse(
      (await numbers(['attach', '--url', URL_, '--all', '--dry-run', '--json'])).stdout,
    ) as Record<string, unknown>;
    expect(json).toMatchObject({
      dryRun: true,
      backup: null,
      plan: [{ phoneNumber: '+12025550000', outcome: 'change' }, { outcome: 'change' }],
    });
    expect(posts()).toEqual([]);
    expect(await backups()).toEqual([]);
  });

  it(
    'attach changes exactly the chosen numbers (E.164, typed, ' +
      'PN SID from stdin), backs up, and a rerun is a no-op',
    async () => {
      const all = api.addNumbers(4);
      const withApp = api.addNumber('+12025550050', {
        sms_application_sid: APP,
        voice_url: 'https://example.com/voice',
      });
      const before = api.allNumbers();
      const chosen = [all[0]?.sid, all[2]?.sid, withApp.sid];
      const result = await numbers(['attach', '--url', URL_, '--file', '-', '--json'], {
        stdin: `+12025550000\n# comment\n(202) 555-0002\n${withApp.sid}\n`,
      });
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as { backup: string; results: Array<Record<string, unknown>> };
      expect(report.results).toEqual(
        chosen.map((sid) => ({ sid, phoneNumber: expect.any(String), outcome: 'changed' })),
      );
      expect(await backups()).toEqual([report.backup.split('/').pop()]);
      for (const n of before) {
        const now = api.number(n.sid);
        expect(now).toEqual(
          chosen.includes(n.sid)
            ? { ...n, sms_url: URL_, sms_method: 'POST', sms_application_sid: '', date_updated: now.date_updated }
            : n,
        );
      }
      const writes = api.writes();
      const rerun = await numbers(['attach', '--url', URL_, '+12025550000', '(202) 555-0002', withApp.sid]);
      expect(rerun.code).toBe(0);
      expect(rerun.stdout).toContain('changed 0, unchanged 3, failed 0');
      expect(api.writes()).toBe(writes);
      expect(await backups()).toHaveLength(1);
    },
  );

  it('the plan (table and --json) shows every field that changes, not just the URL', async () => {
    const n = api.addNumber('+12025550001', {
      sms_url: 'https://old.example/sms',
      sms_method: 'GET',
      sms_fallback_url: 'https://user:pw@old.example/fb',
      sms_fallback_method: 'GET',
      sms_application_sid: APP,
    });
    const args = ['attach', '--url', URL_, '--fallback-url', 'https://x.example/fb', n.sid, '--dry-run'];
    const table = await numbers(args);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n').slice(0, 6)).toEqual([
      `+12025550001: twiml-app ${APP} -> function ${URL_} (POST)`,
      `  SmsUrl: https://old.example/sms -> ${URL_}`,
      '  SmsMethod: GET -> POST',
      '  SmsFallbackUrl: https://user:***@old.example/fb -> https://x.example/fb',
      '  SmsFallbackMethod: GET -> POST',
      `  SmsApplicationSid: ${APP} -> (empty)`,
    ]);
    const json = JSON.parse((await numbers([...args, '--json'])).stdout) as { plan: Array<Record<string, unknown>> };
    expect(json.plan[0]?.changes).toEqual({
      smsUrl: { now: 'https://old.example/sms', after: URL_ },
      smsMethod: { now: 'GET', after: 'POST' },
      smsFallbackUrl: { now: 'https://user:***@old.example/fb', after: 'https://x.example/fb' },
      smsFallbackMethod: { now: 'GET', after: 'POST' },
      smsApplicationSid: { now: APP, after: '' },
    });
    expect(posts()).toEqual([]);
  });

  it('restore takes an absolute path, or "latest": the newest backup, named in the output', async () => {
    const n = api.addNumber('+12025550001', { sms_url: 'https://old.example/sms' });
    const attached = JSON.parse((await numbers(['attach', '--url', URL_, n.sid, '--json'])).stdout) as {
      backup: string;
    };
    const dry = await numbers(['restore', join(cwd, attached.backup), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Restoring ${join(cwd, attached.backup)} (made `);
    expect(dry.stdout).toContain(`  SmsUrl: ${URL_} -> https://old.example/sms`);
    const latest = await numbers(['restore', 'latest', '--json']);
    expect(latest.code).toBe(0);
    expect(JSON.parse(latest.stdout)).toMatchObject({
      restoredFrom: { path: attached.backup, command: expect.stringContaining('attach --url') },
      results: [{ sid: n.sid, outcome: 'changed' }],
    });
    expect(api.number(n.sid).sms_url).toBe('https://old.example/sms');
  });

  it('restore of a tampered backup: exit 2 naming every problem, nothing written', async () => {
    const n = api.addNumber('+12025550001');
    await mkdir(join(cwd, 'elsewhere'), { recursive: true });
    const tampered = {
      version: 1,
      accountSid: api.accountSid,
      createdAt: '2026-03-01T10:20:30.456Z',
      command: 'x',
      numbers: [
        {
          sid: n.sid,
          phoneNumber: n.phone_number,
          smsUrl: 'javascript:alert(1)',
          smsMethod: 'DELETE',
          smsFallbackUrl: 'file:///etc/passwd',
          smsFallbackMethod: 'POST',
          smsApplicationSid: 'AP1',
        },
      ],
    };
    await writeFile(join(cwd, 'elsewhere', 'b.json'), JSON.stringify(tampered));
    const refused = await numbers(['restore', 'elsewhere/b.json']);
    expect(refused.code).toBe(2);
    const invalid = 'elsewhere/b.json is not a valid backup: numbers[0]';
    expect(refused.stderr.trim().split('\n')).toEqual([
      `${invalid}.smsUrl: "javascript:alert(1)" is neither empty nor an http(s) URL`,
      `${invalid}.smsMethod: "DELETE" is not GET or POST`,
      `${invalid}.smsFallbackUrl: "file:///etc/passwd" is neither empty nor an http(s) URL`,
      `${invalid}.smsApplicationSid: must be empty or AP followed by 32 hex digits`,
      'Nothing was written.',
    ]);
    expect(posts()).toEqual([]);
  });

  it('restore puts every field back; a backup of another account is refused (exit 2)', async () => {
    const n = api.addNumber('+12025550001', {
      sms_url: 'https://old.example/sms',
      sms_method: 'GET',
      sms_fallback_url: 'https://old.example/fb',
      sms_application_sid: APP,
    });
    const original = api.number(n.sid);
    const attached = JSON.parse(
      (await numbers(['attach', '--url', URL_, '--fallback-url', 'https://x.example/fb', n.sid, '--json'])).stdout,
    ) as { backup: string };
    expect(api.number(n.sid).sms_fallback_url).toBe('https://x.example/fb');
    const restored = await numbers(['restore', attached.backup]);
    expect(restored.code).toBe(0);
    const now = api.number(n.sid);
    expect(now).toEqual({ ...original, date_updated: now.date_updated });

    const other = await TwilioApiStandIn.start({ accountSid: `AC${'9'.repeat(32)}`, authToken: api.authToken });
    try {
      const refused = await numbers(['restore', attached.backup], { env: credentialsOf(other) });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('Refused');
      expect(other.stats.requests).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('exit 2: an unknown number, a malformed URL, a bad flag, both --url and --function; nothing written', async () => {
    api.addNumbers(1);
    // Independent, and none may write: run at once.
    const [unknown, malformed, badValue, badFlag, both, none] = await Promise.all([
      numbers(['attach', '--url', URL_, '+12025550000', '+12025550177']),
      numbers(['attach', '--url', 'example.com/sms', '--all']),
      numbers(['attach', '--url', URL_, '--all', '--concurrency', 'lots']),
      numbers(['status', '--nope']),
      numbers(['attach', '--url', URL_, '--function', '/sms', '--all']),
      numbers(['attach', '--url', URL_]),
    ]);
    expect([unknown.code, malformed.code, badValue.code, badFlag.code, both.code, none.code]).toEqual([
      2, 2, 2, 2, 2, 2,
    ]);
    expect(unknown.stderr).toContain('+12025550177: not a number of this account');
    expect(malformed.stderr).toContain('--url "example.com/sms" is not a URL');
    expect(badValue.stderr).toContain('--concurrency');
    expect(badFlag.stderr).toContain("unknown option '--nope'");
    expect(both.stderr).toContain('exactly one of --url');
    expect(none.stderr).toContain('Choose the numbers one way');
    expect(posts()).toEqual([]);
    expect(await backups()).toEqual([]);
  });

  it('--function reads deploy.json; without it, says to deploy first (exit 2)', async () => {
    api.addNumbers(1);
    const missing = await numbers(['attach', '--function', '/sms', '--all']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Run `npm run deploy` first');
    await mkdir(join(cwd, '.twilioserverless'), { recursive: true });
    const record = {
      accountSid: api.accountSid,
      serviceSid: `ZS${'1'.repeat(32)}`,
      environment: 'dev',
      domain: 'switchboard-1234-dev.twil.io',
      functions: { '/sms': URL_ },
    };
    await writeFile(join(cwd, '.twilioserverless', 'deploy.json'), JSON.stringify(record));
    const attached = await numbers(['attach', '--function', '/sms', '--all']);
    expect(attached.code).toBe(0);
    expect(api.number(api.allNumbers()[0]?.sid ?? '').sms_url).toBe(URL_);
    expect((await numbers(['status'])).stdout).toContain('this-project /sms (dev)');
    expect((await numbers(['attach', '--function', '/nope', '--all'])).stderr).toContain('known: /sms');
  });

  it("exit 1 when a number fails: Twilio's code and link, how to rerun or restore", async () => {
    const [bad] = api.addNumbers(2);
    api.failingWrites.set(bad?.sid ?? '', {
      status: 400,
      code: 21649,
      message: 'Bundle status is not twilio-approved',
    });
    const result = await numbers(['attach', '--url', URL_, '--all']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('changed 1, unchanged 0, failed 1');
    expect(result.stdout).toContain('error 21649 | https://www.twilio.com/docs/errors/21649');
    expect(result.stderr).toContain('Rerun the same command');
    expect(result.stdout).toContain('npm run numbers -- restore .twilioserverless/backups/');
    const json = JSON.parse((await numbers(['attach', '--url', URL_, '--all', '--json'])).stdout) as {
      results: unknown[];
    };
    expect(json.results).toEqual([
      {
        sid: bad?.sid,
        phoneNumber: bad?.phone_number,
        outcome: 'failed',
        error: {
          status: 400,
          code: 21649,
          message: 'Bundle status is not twilio-approved',
          moreInfo: 'https://www.twilio.com/docs/errors/21649',
        },
      },
      { sid: expect.any(String), phoneNumber: expect.any(String), outcome: 'unchanged' },
    ]);
  });

  it('exit 3 for missing or rejected credentials, naming the variables', async () => {
    const missing = await numbers(['status'], { env: { TWILIO_API_BASE_URL: api.url } });
    expect([missing.code, missing.stderr]).toEqual([
      3,
      expect.stringContaining('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN'),
    ]);
    const rejected = await numbers(['attach', '--url', URL_, '--all'], {
      env: { ...credentialsOf(api), TWILIO_AUTH_TOKEN: 'not-the-token' },
    });
    expect([rejected.code, rejected.stderr]).toEqual([
      3,
      expect.stringContaining('rejected the credentials from TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN'),
    ]);
    expect(rejected.stderr).not.toContain('not-the-token');
  });

  it('reads ACCOUNT_SID/AUTH_TOKEN from .env, and API keys from the shell', async () => {
    api.addNumbers(1);
    await writeFile(join(cwd, '.env'), `ACCOUNT_SID=${api.accountSid}\nAUTH_TOKEN=${api.authToken}\n`);
    expect((await numbers(['status'], { env: { TWILIO_API_BASE_URL: api.url } })).code).toBe(0);
    api.apiKeys.set(`SK${'5'.repeat(32)}`, 'an-api-secret');
    const env = {
      TWILIO_API_BASE_URL: api.url,
      TWILIO_ACCOUNT_SID: api.accountSid,
      TWILIO_API_KEY: `SK${'5'.repeat(32)}`,
      TWILIO_API_SECRET: 'an-api-secret',
    };
    const keyed = await numbers(['status', '--json'], { env });
    expect(keyed.code).toBe(0);
    expect(keyed.stdout + keyed.stderr).not.toContain('an-api-secret');
  });

  it('never prints the token, even when a webhook URL carries it, with debugging asked for', async () => {
    api.addNumber('+12025550001', { sms_url: `https://user:${api.authToken}@example.com/hook` });
    const env = { ...credentialsOf(api), TWILIO_LOG_LEVEL: 'debug', DEBUG: '*' };
    const [status, plan] = await Promise.all([
      numbers(['status', '--json'], { env }),
      numbers(['attach', '--url', URL_, '--all', '--dry-run'], { env }),
    ]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('user:***@example.com');
    expect(plan.stdout).toContain('user:***@example.com');
  });

  it('--all over 1,000 numbers with 429s and 3% 5xx ends with every number attached, each written once', async () => {
    api.addNumbers(1000);
    Object.assign(api.knobs, { latencyMs: [0, 2], maxConcurrency: 4, serverErrorRate: 0.03 });
    const result = await numbers(['attach', '--url', URL_, '--all', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { results: Array<{ outcome: string }> };
    expect(report.results.filter((r) => r.outcome === 'changed')).toHaveLength(1000);
    expect(api.allNumbers().every((n) => n.sms_url === URL_ && api.writes(n.sid) === 1)).toBe(true);
    expect(api.stats.throttled).toBeGreaterThan(0);
    expect(api.stats.serverErrors).toBeGreaterThan(10);
  });
});

test('output piped to a reader that stops early (| head): no stack trace, the run ends as it would', async () => {
  api.addNumbers(300);
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(REPO, 'src/cli/numbers.ts'), 'status'],
    {
      cwd,
      env: numbersEnv(api),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Like `head -1`: read the first chunk, then close the pipe.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect([code, stderr]).toEqual([0, '']);
});
