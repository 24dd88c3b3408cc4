/**
 * Every entry of package.json `dependencies` deploys (Twilio installs them when it builds): each is
 * the exact version installed here, the one the tests ran with, not a range.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/project';

interface Lock {
  readonly packages: Record<string, { readonly version?: string; readonly dependencies?: Record<string, string> }>;
}

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as Lock;

test('the dependencies include twilio and the runtime handler', () => {
  expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['twilio', '@twilio/runtime-handler']));
});

test.each(Object.entries(pkg.dependencies))('%s is pinned to the version package-lock installs', (name, version) => {
  expect(version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  expect(lock.packages[`node_modules/${name}`]?.version).toBe(version);
  expect(lock.packages['']?.dependencies?.[name]).toBe(version);
});
