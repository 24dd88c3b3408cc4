import { claimCopiesIn, pathInProject } from '../../scripts/coverage-copies';

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
