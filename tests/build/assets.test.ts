/**
 * The build copies assets/ to dist/assets without editor leftovers and copies of the routing file:
 * everything in the assets folder deploys, public unless named `.private.`, so a backup of the
 * routing file would be readable by anyone. It names each file it left out.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { copyAssets, leftoverReason } from '../../src/build/assets';
import { copySources, type TempProject } from '../helpers/project';

/** Every file under `dir`, relative to it, `/`-separated. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const KEPT = ['index.html', 'routing.private.json', 'style.css', 'img/logo.svg', 'team/routing.private.json'];
const LEFT_OUT = [
  'routing.private.json.bak',
  '.routing.private.json.swp',
  'routing.private.orig.json',
  'routing.private.json~',
  'Routing-copy.json',
  'old-routing.private.json',
  'index.html.orig',
  'notes.tmp',
  'style.css.swp',
  '.DS_Store',
  'widget.js.map',
];

describe('copyAssets', () => {
  let project: TempProject;
  let warnings: { where: string; message: string; level: string }[];
  beforeAll(async () => {
    project = await copySources('assets');
    const assets = join(project.dir, 'assets');
    for (const file of [...KEPT, ...LEFT_OUT, '.git/config', 'img/.logo.svg.swp']) {
      await mkdir(join(assets, file, '..'), { recursive: true });
      await writeFile(join(assets, file), `contents of ${file}`);
    }
    warnings = await copyAssets(project.dir, join(project.dir, 'dist'));
  });
  afterAll(() => project?.remove());

  test('copies the assets, the routing file under its own name (in any folder) included', async () => {
    expect(await filesUnder(join(project.dir, 'dist', 'assets'))).toEqual([...KEPT].sort());
  });

  test('names each file or hidden folder it left out, once, as a warning that says what to do', () => {
    expect(warnings.map((w) => w.where).sort()).toEqual(
      [...LEFT_OUT, '.git', 'img/.logo.svg.swp'].map((name) => `assets/${name}`).sort(),
    );
    for (const w of warnings) {
      expect(w.level).toBe('warning');
      expect(w.message).toMatch(
        /^not copied to dist\/assets \(.+\): it would deploy as public\. Move it out of assets\/\.$/,
      );
    }
  });

  test.each([
    ['routing.private.json.bak', 'an editor leftover or backup'],
    ['.routing.private.json.swp', 'a hidden name (editor swap files, system files)'],
    ['routing.private.orig.json', 'a copy of the routing file: only routing.private.json deploys, and privately'],
    ['widget.js.map', 'a source map'],
    ['routing.private.json', undefined],
    ['index.html', undefined],
  ])('leftoverReason(%j) is %j', (name, reason) => {
    expect(leftoverReason(name, false)).toBe(reason);
  });
});
