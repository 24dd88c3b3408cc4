import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { attachNumbers } from '../../src/numbers/attach';
import { readBackup } from '../../src/numbers/backup';
import { InputError } from '../../src/numbers/errors';
import { restoreNumbers } from '../../src/numbers/restore';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { contextFor, tempProject } from '../helpers/numbers-cli';

const APP = `AP${'8'.repeat(32)}`;
const routingOf = (n: {
  sms_url: string | null;
  sms_method: string;
  sms_fallback_url: string | null;
  sms_fallback_method: string;
  sms_application_sid: string | null;
}) => [n.sms_url ?? '', n.sms_method, n.sms_fallback_url ?? '', n.sms_fallback_method, n.sms_application_sid ?? ''];

describe('restoreNumbers', () => {
  let api: TwilioApiStandIn;
  let cwd: string;
  beforeEach(async () => {
    api = await TwilioApiStandIn.start();
    cwd = await tempProject();
  });
  afterEach(() => api.close());

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
});
