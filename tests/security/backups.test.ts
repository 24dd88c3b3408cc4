/**
 * Backups list the account's phone numbers and webhook URLs: written readable by the owner only,
 * under .twilioserverless/, which git ignores (with .env and the deploy record).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { attachNumbers } from '../../src/numbers/attach';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { REPO } from '../helpers/project';
import { contextFor, tempDir } from '../faults/world';

test('a backup is written with mode 0600', async () => {
  const api = await TwilioApiStandIn.start();
  const project = await tempDir();
  try {
    api.addNumbers(2);
    const report = await attachNumbers(contextFor(api, project.dir), {
      url: 'https://switchboard-1234-dev.twil.io/sms',
      numbers: 'all',
      command: 'attach',
    });
    expect(report.backup).not.toBeNull();
    expect((await stat(join(project.dir, report.backup ?? ''))).mode & 0o777).toBe(0o600);
  } finally {
    await api.close();
    await project.remove();
  }
});

const IGNORED = [
  '.env',
  '.twilioserverless/backups/2026-01-01T00-00-00.000Z.json',
  '.twilioserverless/deploy.json',
  '.twiliodeployinfo',
];

test('.gitignore names every file that holds numbers or credentials', async () => {
  const lines = (await readFile(join(REPO, '.gitignore'), 'utf8')).split('\n').map((line) => line.trim());
  for (const entry of ['.env', '.twilioserverless/', '.twiliodeployinfo']) expect(lines).toContain(entry);
});

// Where the repository is a git checkout, ask git itself (it also knows global and nested rules).
(existsSync(join(REPO, '.git')) ? test : test.skip)('git ignores them', () => {
  const out = execFileSync('git', ['check-ignore', '--no-index', ...IGNORED], { cwd: REPO, encoding: 'utf8' });
  expect(out.trim().split('\n')).toEqual(IGNORED);
});
