import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attachNumbers } from '../../src/numbers/attach';
import { makeBackup } from '../../src/numbers/backup';
import { readBackup } from '../../src/numbers/backup-file';
import { InputError } from '../../src/errors/input-error';
import { describe as describeRouting } from '../../src/numbers/classify';
import { acquireLock } from '../../src/numbers/lock';
import { changedFields } from '../../src/numbers/plan';
import type { Change } from '../../src/numbers/types';
import { restoreNumbers } from '../../src/numbers/restore';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { contextFor, tempProject } from '../helpers/numbers-cli';
import { domainOf, recordDeploy } from '../helpers/numbers-deploys';

const APP = `AP${'8'.repeat(32)}`;
const routingOf = (n: {
  sms_url: string | null;
  sms_method: string;
  sms_fallback_url: string | null;
  sms_fallback_method: string;
  sms_application_sid: string | null;
}) => [n.sms_url ?? '', n.sms_method, n.sms_fallback_url ?? '', n.sms_fallback_method, n.sms_application_sid ?? ''];

let api: TwilioApiStandIn;
let cwd: string;
beforeEach(async () => {
  api = await TwilioApiStandIn.start();
  cwd = await tempProject();
});
afterEach(() => api.close());

describe('restoreNumbers', () => {
  it('returns every SMS routing field, even after a series of reruns', async () => {
    const a = api.addNumber('+12025550001', {
      sms_url: 'https://old.example/a',
      sms_method: 'GET',
      sms_fallback_url: 'https://old.example/fb',
      sms_fallback_method: 'GET',
    });
    const b = api.addNumber('+12025550002', { sms_url: '', sms_application_sid: APP });
    const c = api.addNumber('+12025550003');
    const original = [a, b, c].map(routingOf);
    const ctx = contextFor(api, cwd);
    const first = await attachNumbers(ctx, {
      url: 'https://one.example/sms',
      fallbackUrl: 'https://one.example/fb',
      numbers: 'all',
      command: 'first',
    });
    await attachNumbers(ctx, { url: 'https://two.example/sms', numbers: [a.sid], command: 'second' });
    expect(routingOf(api.number(a.sid))).not.toEqual(original[0]);

    const restored = await restoreNumbers(ctx, { backupPath: first.backup ?? '', command: 'restore' });
    expect([a, b, c].map((n) => routingOf(api.number(n.sid)))).toEqual(original);
    expect(restored.results.map((r) => r.outcome)).toEqual(['changed', 'changed', 'changed']);
    // The restore backed up what it replaced, so it can be undone in turn.
    expect((await readBackup(cwd, restored.backup ?? '')).numbers[0]?.smsUrl).toBe('https://two.example/sms');
  });

  it('refuses a backup made for another account, before any call', async () => {
    const other = await TwilioApiStandIn.start({ accountSid: `AC${'9'.repeat(32)}` });
    try {
      const [n] = other.addNumbers(1);
      const made = await attachNumbers(contextFor(other, cwd), {
        url: 'https://x.example/sms',
        numbers: [n?.sid ?? ''],
        command: 'other',
      });
      api.addNumbers(1);
      const error = await restoreNumbers(contextFor(api, cwd), {
        backupPath: made.backup ?? '',
        command: 'restore',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain(`made for account AC${'9'.repeat(32)}`);
      expect(api.stats.requests).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('a dry run writes nothing; a number no longer in the account stops the restore', async () => {
    const [n] = api.addNumbers(1);
    const made = await attachNumbers(contextFor(api, cwd), {
      url: 'https://x.example/sms',
      numbers: [n?.sid ?? ''],
      command: 'attach',
    });
    const writes = api.writes();
    const dry = await restoreNumbers(contextFor(api, cwd), {
      backupPath: made.backup ?? '',
      command: 'restore',
      dryRun: true,
    });
    expect(dry.plan[0]?.update).toEqual({ smsUrl: 'https://demo.twilio.com/welcome/sms/reply' });
    expect(api.writes()).toBe(writes);
    expect(await readdir(join(cwd, '.twilioserverless', 'backups'))).toHaveLength(1);

    const fresh = await TwilioApiStandIn.start(); // same account SID, but the number is gone
    try {
      const error = await restoreNumbers(contextFor(fresh, cwd), {
        backupPath: made.backup ?? '',
        command: 'restore',
      }).catch((e: unknown) => e);
      expect((error as InputError).problems).toEqual([expect.stringContaining('no longer a number of this account')]);
      expect(fresh.writes()).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it("knows this project's environments: the plan can name the number's now as this-project (dev)", async () => {
    const [n] = api.addNumbers(1);
    await recordDeploy(cwd, api.accountSid, 'dev', '2026-03-01T10:00:00.000Z');
    const made = await attachNumbers(contextFor(api, cwd), {
      url: `https://${domainOf('dev')}/sms`,
      numbers: [n?.sid ?? ''],
      command: 'attach',
    });
    const dry = await restoreNumbers(contextFor(api, cwd), {
      backupPath: made.backup ?? '',
      command: 'restore',
      dryRun: true,
    });
    expect(dry.projectDomains).toEqual(new Map([[domainOf('dev'), 'dev']]));
    expect(
      describeRouting(dry.plan[0]?.number ?? ({} as never), { projectDomains: dry.projectDomains ?? new Map() }),
    ).toBe(`this-project (dev) https://${domainOf('dev')}/sms (POST)`);
  });
});

describe('restoreNumbers: which backup, and what is refused', () => {
  const at = (iso: string) => ({ ...contextFor(api, cwd), now: () => new Date(iso) });
  const posts = () => api.requests.filter((r) => r.method === 'POST');

  it('takes an absolute path as it is', async () => {
    const [n] = api.addNumbers(1);
    const made = await attachNumbers(contextFor(api, cwd), {
      url: 'https://x.example/sms',
      numbers: 'all',
      command: 'a',
    });
    const restored = await restoreNumbers(contextFor(api, '/'), {
      backupPath: join(cwd, made.backup ?? ''),
      command: 'restore',
      dryRun: true,
    });
    expect(restored.plan.map((c) => c.number.sid)).toEqual([n?.sid]);
  });

  it('"latest" undoes the most recent run, whichever command made it', async () => {
    const [n] = api.addNumbers(1);
    const sid = n?.sid ?? '';
    const attach = (url: string, iso: string) =>
      attachNumbers(at(iso), { url, numbers: [sid], command: `attach ${url}` });
    await attach('https://one.example/sms', '2026-03-01T10:00:00.000Z');
    await attach('https://two.example/sms', '2026-03-01T11:00:00.000Z');
    const undo = await restoreNumbers(at('2026-03-01T12:00:00.000Z'), { backupPath: 'latest', command: 'undo' });
    expect(undo.restoredFrom).toEqual({
      path: join('.twilioserverless', 'backups', '2026-03-01T11-00-00.000Z.json'),
      createdAt: '2026-03-01T11:00:00.000Z',
      command: 'attach https://two.example/sms',
    });
    expect(api.number(sid).sms_url).toBe('https://one.example/sms');
    // The restore was the most recent run: undoing it puts back what it replaced.
    await restoreNumbers(at('2026-03-01T13:00:00.000Z'), { backupPath: 'latest', command: 'redo' });
    expect(api.number(sid).sms_url).toBe('https://two.example/sms');
  });

  it('"latest": in the same millisecond the later file (-1) is newer; other accounts are no candidates', async () => {
    const [n] = api.addNumbers(1);
    const sid = n?.sid ?? '';
    const same = '2026-03-01T10:00:00.000Z';
    await attachNumbers(at(same), { url: 'https://one.example/sms', numbers: [sid], command: 'first' });
    await attachNumbers(at(same), { url: 'https://two.example/sms', numbers: [sid], command: 'second' });
    const other = makeBackup(`AC${'9'.repeat(32)}`, 'other account', new Date('2027-01-01T00:00:00.000Z'), {
      numbers: [],
    });
    await writeFile(join(cwd, '.twilioserverless', 'backups', 'z-other.json'), JSON.stringify(other));
    const dry = await restoreNumbers(contextFor(api, cwd), { backupPath: 'latest', command: 'x', dryRun: true });
    expect(dry.restoredFrom).toMatchObject({ command: 'second' });
    expect(dry.plan[0]?.after.smsUrl).toBe('https://one.example/sms');
  });

  it('"latest" with no backup, or beside a damaged one, refuses and says why', async () => {
    api.addNumbers(1);
    await expect(restoreNumbers(contextFor(api, cwd), { backupPath: 'latest', command: 'x' })).rejects.toThrow(
      `No backup of account ${api.accountSid} in .twilioserverless/backups/`,
    );
    await attachNumbers(contextFor(api, cwd), { url: 'https://one.example/sms', numbers: 'all', command: 'a' });
    await writeFile(join(cwd, '.twilioserverless', 'backups', 'broken.json'), '{"version":1');
    const error = (await restoreNumbers(contextFor(api, cwd), { backupPath: 'latest', command: 'x' }).catch(
      (e: unknown) => e,
    )) as InputError;
    expect(error.problems).toEqual([
      `${join('.twilioserverless', 'backups', 'broken.json')} is not JSON: ` +
        'is it a backup from .twilioserverless/backups/?',
      expect.stringContaining('cannot tell which backup is the newest'),
    ]);
    expect(posts()).toHaveLength(1);
  });

  it('a tampered backup: every problem named together, the account checked too, nothing written', async () => {
    const [a, b] = api.addNumbers(2);
    const made = await attachNumbers(contextFor(api, cwd), {
      url: 'https://x.example/sms',
      numbers: 'all',
      command: 'a',
    });
    const file = join(cwd, made.backup ?? '');
    const backup = JSON.parse(await readFile(file, 'utf8')) as { numbers: Array<Record<string, string>> };
    Object.assign(backup.numbers[0] ?? {}, { smsUrl: 'javascript:alert(1)', smsMethod: 'DELETE' });
    Object.assign(backup.numbers[1] ?? {}, { smsApplicationSid: 'AP-tampered', phoneNumber: '+19005550100' });
    backup.numbers.push({ ...backup.numbers[0], sid: `PN${'0'.repeat(32)}`, phoneNumber: '+12025550999' });
    await writeFile(file, JSON.stringify(backup));
    const writes = api.writes();
    const error = (await restoreNumbers(contextFor(api, cwd), { backupPath: made.backup ?? '', command: 'x' }).catch(
      (e: unknown) => e,
    )) as InputError;
    const invalid = `${made.backup} is not a valid backup: `;
    expect(error.problems).toEqual([
      `${invalid}numbers[0].smsUrl: "javascript:alert(1)" is neither empty nor an http(s) URL`,
      `${invalid}numbers[0].smsMethod: "DELETE" is not GET or POST`,
      `${invalid}numbers[1].smsApplicationSid: must be empty or AP followed by 32 hex digits`,
      `${invalid}numbers[2].smsUrl: "javascript:alert(1)" is neither empty nor an http(s) URL`,
      `${invalid}numbers[2].smsMethod: "DELETE" is not GET or POST`,
      `${b?.sid}: the backup says +19005550100, but this SID is ${b?.phone_number}: the file was edited.`,
      `+12025550999 (PN${'0'.repeat(32)}) from the backup is no longer a number of this account.`,
    ]);
    expect(api.writes()).toBe(writes);
    expect(api.number(a?.sid ?? '').sms_url).toBe('https://x.example/sms');
  });

  it('a Messaging Service of the backup that is gone is named with the other problems', async () => {
    const [n] = api.addNumbers(1);
    api.addService('Marketing', false, [n?.sid ?? '']);
    const made = await attachNumbers(contextFor(api, cwd), {
      url: 'https://x.example/sms',
      numbers: 'all',
      command: 'a',
      messagingService: 'defer',
    });
    const fresh = await TwilioApiStandIn.start(); // same account SID: the number and service are gone
    try {
      const error = (await restoreNumbers(contextFor(fresh, cwd), {
        backupPath: made.backup ?? '',
        command: 'x',
      }).catch((e: unknown) => e)) as InputError;
      expect(error.problems).toEqual([
        expect.stringContaining('is no longer a number of this account'),
        expect.stringMatching(/^Messaging Service MG\w+ \("Marketing"\) from the backup is no longer a service/),
      ]);
      expect(fresh.writes()).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('a dry run shows every field that changes: fallback URL and method, application SID', async () => {
    const app = `AP${'5'.repeat(32)}`;
    const [n] = api.addNumbers(1, {
      sms_fallback_url: 'https://old.example/fb',
      sms_fallback_method: 'GET',
      sms_application_sid: app,
    });
    const made = await attachNumbers(contextFor(api, cwd), {
      url: 'https://x.example/sms',
      fallbackUrl: 'https://x.example/fb',
      numbers: [n?.sid ?? ''],
      command: 'a',
    });
    const dry = await restoreNumbers(contextFor(api, cwd), {
      backupPath: made.backup ?? '',
      command: 'x',
      dryRun: true,
    });
    expect(changedFields(dry.plan[0] as Change)).toEqual([
      { field: 'smsUrl', now: 'https://x.example/sms', after: 'https://demo.twilio.com/welcome/sms/reply' },
      { field: 'smsFallbackUrl', now: 'https://x.example/fb', after: 'https://old.example/fb' },
      { field: 'smsFallbackMethod', now: 'POST', after: 'GET' },
      { field: 'smsApplicationSid', now: '', after: app },
    ]);
  });
});

describe('restoreNumbers: a file that is no backup, the flags, the run lock', () => {
  const BACKUPS = join('.twilioserverless', 'backups');
  /** A backup of this account with `fields` replaced, written as `name`; its path relative to cwd. */
  const written = async (name: string, fields: Record<string, unknown>): Promise<string> => {
    const backup = { ...makeBackup(api.accountSid, 'attach', new Date('2026-03-01T10:00:00.000Z'), { numbers: [] }) };
    const path = join(BACKUPS, name);
    await mkdir(join(cwd, BACKUPS), { recursive: true });
    await writeFile(join(cwd, path), JSON.stringify({ ...backup, ...fields }));
    return path;
  };
  const problemsOf = async (backupPath: string): Promise<unknown> => {
    const error = await restoreNumbers(contextFor(api, cwd), { backupPath, command: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).problems;
  };

  it('a file holding JSON null is named as no backup, before any call', async () => {
    await mkdir(join(cwd, BACKUPS), { recursive: true });
    await writeFile(join(cwd, BACKUPS, 'null.json'), 'null');
    expect(await problemsOf(join(BACKUPS, 'null.json'))).toEqual([
      `${join(BACKUPS, 'null.json')} is not a valid backup: Invalid type: Expected Object but received null`,
    ]);
    expect(api.stats.requests).toBe(0);
  });

  it('an account SID that is not one is named by its shape only, not as another account', async () => {
    const path = await written('bad-account.json', { accountSid: 'AC1' });
    expect(await problemsOf(path)).toEqual([
      `${path} is not a valid backup: accountSid: must be AC followed by 32 hex digits`,
    ]);
    const listed = await written('listed-account.json', { accountSid: [`AC${'9'.repeat(32)}`] });
    expect(await problemsOf(listed)).toEqual([
      `${listed} is not a valid backup: accountSid: Invalid type: Expected string but received Array`,
    ]);
    expect(api.stats.requests).toBe(0);
  });

  it("another account's backup: the exact refusal, naming both accounts", async () => {
    const other = `AC${'9'.repeat(32)}`;
    const path = await written('other.json', { accountSid: other });
    expect(await problemsOf(path)).toEqual([
      `${path} was made for account ${other}; these credentials are for ${api.accountSid}. ` +
        'Refused: restore it with the credentials of the account it was made for.',
    ]);
  });

  it('numbers that are not a list: only that problem, no made-up number', async () => {
    const path = await written('not-a-list.json', { numbers: 'oops' });
    expect(await problemsOf(path)).toEqual([
      `${path} is not a valid backup: numbers: Invalid type: Expected Array but received "oops"`,
    ]);
  });

  it('a gone number saved without its phone number is named "?" with its SID', async () => {
    const sid = `PN${'0'.repeat(32)}`;
    const path = await written('no-phone.json', { numbers: [{ sid }] });
    expect(await problemsOf(path)).toEqual([
      ...['phoneNumber', 'smsUrl', 'smsMethod', 'smsFallbackUrl', 'smsFallbackMethod', 'smsApplicationSid'].map(
        (key) =>
          `${path} is not a valid backup: numbers[0].${key}: Invalid key: Expected "${key}" but received undefined`,
      ),
      `? (${sid}) from the backup is no longer a number of this account.`,
    ]);
  });

  it('--concurrency out of range is refused with its fix, before any call', async () => {
    for (const concurrency of [0, 33, 1.5]) {
      const error = await restoreNumbers(contextFor(api, cwd), {
        backupPath: 'latest',
        command: 'x',
        concurrency,
      }).catch((e: unknown) => e);
      expect((error as InputError).problems).toEqual(['--concurrency must be a whole number from 1 to 32.']);
    }
    expect(api.stats.requests).toBe(0);
  });

  it('--concurrency 2: never more than two writes in flight', async () => {
    const numbers = api.addNumbers(6);
    await attachNumbers(contextFor(api, cwd), { url: 'https://x.example/sms', numbers: 'all', command: 'a' });
    api.knobs.latencyMs = [20, 20];
    api.stats.maxInFlight = 0;
    const restored = await restoreNumbers(contextFor(api, cwd), { backupPath: 'latest', command: 'x', concurrency: 2 });
    expect(restored.results.map((r) => r.outcome)).toEqual(numbers.map(() => 'changed'));
    expect(api.stats.maxInFlight).toBe(2);
  });

  it("the plan shows each number's Messaging Service, now and after", async () => {
    const [n] = api.addNumbers(1);
    const service = api.addService('Marketing', true, [n?.sid ?? '']);
    const made = await attachNumbers(contextFor(api, cwd), {
      url: 'https://x.example/sms',
      numbers: 'all',
      command: 'a',
      messagingService: 'defer',
    });
    const dry = await restoreNumbers(contextFor(api, cwd), {
      backupPath: made.backup ?? '',
      command: 'x',
      dryRun: true,
    });
    expect(dry.plan[0]?.service).toMatchObject({ now: { sid: service.sid }, after: { sid: service.sid } });
  });

  it('a restore is refused while another run holds the lock; a dry run, which writes nothing, is not', async () => {
    api.addNumbers(1);
    await attachNumbers(contextFor(api, cwd), { url: 'https://x.example/sms', numbers: 'all', command: 'a' });
    const lock = await acquireLock(contextFor(api, cwd), 'npm run numbers -- attach --all');
    try {
      const writes = api.writes();
      const error = await restoreNumbers(contextFor(api, cwd), { backupPath: 'latest', command: 'x' }).catch(
        (e: unknown) => e,
      );
      expect((error as InputError).problems).toEqual([
        expect.stringMatching(/^Another attach or restore is running in this project \(pid \d+, started /),
      ]);
      const dry = await restoreNumbers(contextFor(api, cwd), { backupPath: 'latest', command: 'x', dryRun: true });
      expect(dry.dryRun).toBe(true);
      expect(dry.plan).toHaveLength(1);
      expect(api.writes()).toBe(writes);
    } finally {
      await lock.release();
    }
  });
});
