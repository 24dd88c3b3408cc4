import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { claimCopies, claimCopiesIn, pathInProject } from '../../scripts/coverage-copies';

const ROOT = '/work/repo';
const TEXT = 'export const x = 1;\n';
const COPY = 'file:///tmp/sms-switchboard-cli-AbC/src/cli/deploy.ts';
const OWN = 'file:///work/repo/src/cli/deploy.ts';

/** A script's source-map entry as Node records it for ts-node: the source it ran, in the map. */
const entry = (url: string, text: string) => ({ data: { file: url.slice(7), sources: [url], sourcesContent: [text] } });

test('pathInProject: the path from the src/ folder on; none without one', () => {
  expect(pathInProject('/tmp/sms-switchboard-cli-AbC/src/cli/deploy.ts')).toBe('src/cli/deploy.ts');
  expect(pathInProject('/tmp/sms-switchboard-serve-AbC/dist/functions/sms.protected.js')).toBeUndefined();
});

describe('claimCopiesIn', () => {
  const read = (path: string) => (path === '/work/repo/src/cli/deploy.ts' ? TEXT : undefined);

  test("moves a copy that ran the repository file's very text onto that file", () => {
    const raw = { result: [{ url: COPY }], 'source-map-cache': { [COPY]: entry(COPY, TEXT) } };
    expect(claimCopiesIn(raw, ROOT, read)).toBe(1);
    expect(raw.result).toEqual([{ url: OWN }]);
    expect(raw['source-map-cache']).toEqual({
      [OWN]: { data: { file: '/work/repo/src/cli/deploy.ts', sources: [OWN], sourcesContent: [TEXT] } },
    });
  });

  test('leaves an edited copy, a file the repository lacks, a copy without its source, and its own files', () => {
    const gone = 'file:///tmp/sms-switchboard-cli-AbC/src/cli/gone.ts';
    const raw = {
      result: [{ url: COPY }, { url: gone }, { url: OWN }, { url: 'node:internal/main' }],
      'source-map-cache': {
        [COPY]: entry(COPY, TEXT + '// edited\n'),
        [gone]: entry(gone, TEXT),
        [OWN]: entry(OWN, TEXT),
      },
    };
    const before = JSON.stringify(raw);
    expect(claimCopiesIn(raw, ROOT, read)).toBe(0);
    expect(JSON.stringify(raw)).toBe(before);
    const bare = { result: [{ url: COPY }] };
    expect(claimCopiesIn(bare, ROOT, read)).toBe(0);
    expect(bare.result).toEqual([{ url: COPY }]);
  });
});

test('claimCopies rewrites the files of a directory and removes the ones cut short', async () => {
  const root = await mkdtemp(join(tmpdir(), 'claim-root-'));
  await mkdir(join(root, 'src'));
  await writeFile(join(root, 'src', 'a.ts'), TEXT);
  const copy = pathToFileURL(join(tmpdir(), 'claim-copy-x', 'src', 'a.ts')).href;
  const raw = await mkdtemp(join(tmpdir(), 'claim-raw-'));
  await writeFile(
    join(raw, 'coverage-1.json'),
    JSON.stringify({ result: [{ url: copy }], 'source-map-cache': { [copy]: entry(copy, TEXT) } }),
  );
  await writeFile(join(raw, 'coverage-2.json'), '{"result":[{"url":"file:///x');

  expect(claimCopies(raw, root)).toEqual({ claimed: 1, unreadable: 1 });
  expect(await readdir(raw)).toEqual(['coverage-1.json']);
  const own = pathToFileURL(join(root, 'src', 'a.ts')).href;
  expect(JSON.parse(await readFile(join(raw, 'coverage-1.json'), 'utf8')).result).toEqual([{ url: own }]);
});
