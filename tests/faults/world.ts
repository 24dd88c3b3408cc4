/**
 * The numbers library's world against the stand-in, as the CLI builds it (createNumbersApi over
 * the real SDK) but with a short request timeout, so that requests the stand-in never answers
 * are given up quickly, and quick backoff. Nothing of the code under test is replaced.
 */
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NumbersContext } from '../../src/numbers/context';
import type { Backup } from '../../src/numbers/backup';
import { createNumbersApi } from '../../src/numbers/numbers-api';
import type { TwilioApiStandIn } from '../../src/stand-in/twilio-api';

/** Long enough for any answer the stand-in gives, short enough for a test to wait out several. */
export const REQUEST_TIMEOUT_MS = 400;

class ToStandIn extends twilio.RequestClient {
  constructor(private readonly origin: string) {
    super({ timeout: REQUEST_TIMEOUT_MS, autoRetry: false, keepAlive: true });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const url = new URL(opts.uri);
    return super.request({ ...opts, uri: `${this.origin}${url.pathname}${url.search}` });
  }
}

export function contextFor(api: TwilioApiStandIn, cwd: string, attempts = 4): NumbersContext {
  const credentials = { accountSid: api.accountSid, username: api.accountSid, password: api.authToken, source: 'test' };
  const client = twilio(credentials.username, credentials.password, {
    accountSid: credentials.accountSid,
    httpClient: new ToStandIn(api.url),
  });
  const retry = { attempts, throttledAttempts: attempts * 3, baseMs: 1, capMs: 20 };
  return { api: createNumbersApi(credentials, { client, retry }), accountSid: api.accountSid, root: cwd, retry };
}

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sms-switchboard-faults-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The backups of a project, oldest first (their names are timestamps). */
export async function backups(cwd: string): Promise<string[]> {
  const dir = join(cwd, '.twilioserverless', 'backups');
  return (await readdir(dir).catch(() => [])).sort().map((name) => join('.twilioserverless', 'backups', name));
}

export async function readBackupFile(cwd: string, path: string): Promise<Backup> {
  return JSON.parse(await readFile(join(cwd, path), 'utf8')) as Backup;
}
