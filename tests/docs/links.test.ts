// The README and docs/: every relative link leads to a file that exists, and every #anchor to a heading of it, as
// GitHub renders them. A moved page or a renamed heading breaks a link silently otherwise.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { anchors, relativeLinks, slug } from '../helpers/markdown';

const ROOT = join(__dirname, '..', '..');
const PAGES = ['README.md', 'CHANGELOG.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)].filter(
  (page) => page.endsWith('.md'),
);

/** Each link of `page` (a path under `root`) that leads nowhere: `file:line: target (why)`. */
function brokenLinks(root: string, page: string): string[] {
  const text = readFileSync(join(root, page), 'utf8');
  const broken: string[] = [];
  for (const { target, line } of relativeLinks(text)) {
    const [path, anchor] = target.split('#', 2);
    const file = path === '' ? join(root, page) : resolve(root, dirname(page), decodeURIComponent(path));
    const where = `${page}:${line}: ${target}`;
    if (relative(root, file).startsWith('..')) broken.push(`${where} (outside the repository)`);
    else if (!existsSync(file)) broken.push(`${where} (no such file)`);
    else if (anchor !== undefined && !(statSync(file).isFile() && anchors(readFileSync(file, 'utf8')).has(anchor)))
      broken.push(`${where} (no such heading)`);
  }
  return broken;
}

test('the README and every page of docs/ are checked', () => {
  expect(PAGES).toEqual(
    expect.arrayContaining([
      'README.md',
      'docs/routing.md',
      'docs/cli.md',
      'docs/security.md',
      'docs/performance.md',
      'docs/development.md',
      'docs/messaging-services.md',
    ]),
  );
});

test.each(PAGES)('every relative link of %s resolves, #anchors included', (page) => {
  expect(brokenLinks(ROOT, page)).toEqual([]);
});

test('the README links to every page of docs/', () => {
  const linked = relativeLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((link) => link.target.split('#')[0]);
  expect(PAGES.filter((page) => page.startsWith('docs/') && !linked.includes(page))).toEqual([]);
});

describe('the link check itself', () => {
  const page = 'docs/page.md';
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const fixture = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };

  test('reports a missing file, a missing heading and a path out of the repository; not code or URLs', () => {
    const dir = fixture({
      [page]: [
        '# Page',
        '## Two-way relay',
        'See [ok](other.md#npm-run-sms), [self](#two-way-relay), [gone](missing.md), [bad](other.md#nope),',
        '[up](../../etc/passwd), [web](https://example.com/x.md), `[code](missing.md)`.',
        '```',
        '[in a block](missing.md)',
        '```',
      ].join('\n'),
      'docs/other.md': '# Other\n## `npm run sms`\n',
    });
    expect(brokenLinks(dir, page)).toEqual([
      'docs/page.md:3: missing.md (no such file)',
      'docs/page.md:3: other.md#nope (no such heading)',
      'docs/page.md:4: ../../etc/passwd (outside the repository)',
    ]);
  });

  test("anchors follow GitHub's rules: code and links keep their text, punctuation goes, repeats are numbered", () => {
    expect(slug('`npm start` and `npm run dev`')).toBe('npm-start-and-npm-run-dev');
    expect(slug('Environment: `.env` locally, the service’s variables')).toBe(
      'environment-env-locally-the-services-variables',
    );
    expect(slug('[Routing rules](docs/routing.md): **modes**')).toBe('routing-rules-modes');
    expect([...anchors('# Setup\n## Setup\n### Setup\n')]).toEqual(['setup', 'setup-1', 'setup-2']);
  });
});
