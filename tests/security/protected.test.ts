/**
 * Every webhook function deploys protected (Twilio checks X-Twilio-Signature before running it)
 * and the routing file private (not reachable over HTTP), checked on what the build writes and
 * on the list of files a deploy would upload (the Toolkit's own lister, with the folders from
 * .twilioserverlessrc).
 */
import { fsHelpers } from '@twilio-labs/serverless-api';
import { parse as parseJson5 } from 'json5';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildProject } from '../../src/build/build';
import { copySources, REPO, type TempProject } from '../helpers/project';

const LEFTOVERS = ['routing.private.json.bak', '.routing.private.json.swp', 'routing.private.orig.json', 'routing~'];

let project: TempProject;
let folders: { functionsFolder: string; assetsFolder: string };

beforeAll(async () => {
  project = await copySources('protected');
  await cp(join(REPO, 'assets'), join(project.dir, 'assets'), { recursive: true });
  await writeFile(
    join(project.dir, 'assets', 'routing.private.json'),
    '{"numbers":{"+15005550006":{"mode":"ignore"}}}',
  );
  // What editors and people leave beside the routing file: each would deploy as a public asset.
  for (const name of LEFTOVERS) await writeFile(join(project.dir, 'assets', name), '{"numbers":{"+15005550006":{}}}');
  const result = await buildProject(project.dir);
  if (!result.ok) throw new Error(`build failed: ${JSON.stringify(result.problems)}`);
  folders = parseJson5(await readFile(join(project.dir, '.twilioserverlessrc'), 'utf8')) as typeof folders;
}, 120_000);
afterAll(() => project?.remove());

const uploads = () =>
  fsHelpers.getListOfFunctionsAndAssets(project.dir, {
    functionsFolderNames: [folders.functionsFolder],
    assetsFolderNames: [folders.assetsFolder],
  });

/** The function files that would deploy public or private: webhooks must all be protected. */
async function unprotected(): Promise<string[]> {
  return (await uploads()).functions.filter((f) => f.access !== 'protected').map((f) => f.path);
}

test('.twilioserverlessrc deploys what the build wrote', () => {
  expect(folders).toMatchObject({ functionsFolder: 'dist/functions', assetsFolder: 'dist/assets' });
});

test('every function source and every built function file is .protected', async () => {
  const sources = (await readdir(join(REPO, 'functions'))).filter((f) => f.endsWith('.ts'));
  expect(sources.length).toBeGreaterThan(0);
  for (const file of sources) expect(file).toMatch(/\.protected\.ts$/);
  const built = await readdir(join(project.dir, folders.functionsFolder));
  expect(built.sort()).toEqual(sources.map((f) => f.replace(/\.ts$/, '.js')).sort());
});

test('the deploy file list has every function protected, the routing file private, no source map', async () => {
  const { functions, assets } = await uploads();
  expect(functions.map((f) => [f.path, f.access]).sort()).toEqual([
    ['/auto-reply', 'protected'],
    ['/forward', 'protected'],
    ['/ignore', 'protected'],
    ['/sms', 'protected'],
  ]);
  expect(assets.find((a) => a.path === '/routing.json')?.access).toBe('private');
  // Public assets are the landing page only: nothing with configuration or code in it.
  for (const asset of assets.filter((a) => a.access === 'public'))
    expect(asset.path).toMatch(/\.(html|css|png|svg|ico)$/);
  expect(assets.filter((a) => a.path.endsWith('.map'))).toEqual([]);
});

test('no copy of the routing file or editor leftover is in the deploy list, under any visibility', async () => {
  const { assets } = await uploads();
  expect(assets.filter((a) => /routing/i.test(a.path)).map((a) => [a.path, a.access])).toEqual([
    ['/routing.json', 'private'],
  ]);
});

test('control: a function file without .protected would be caught', async () => {
  const extra = join(project.dir, folders.functionsFolder, 'leak.js');
  await writeFile(extra, 'exports.handler = (c, e, cb) => cb(null, "");');
  try {
    expect(await unprotected()).toEqual(['/leak']);
  } finally {
    await rm(extra);
  }
  expect(await unprotected()).toEqual([]);
});
