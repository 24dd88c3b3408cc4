// The README is what a newcomer reads in five minutes: short, the two commands exactly, every variable of
// .env.example in its table, the example routing file as it ships, and --json examples whose output parses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvExample } from '../helpers/configure-env';
import { codeBlocks, section } from '../helpers/markdown';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

test('the README is at most 160 lines', () => {
  expect(README.trimEnd().split('\n').length).toBeLessThanOrEqual(160);
});

test('it shows the two commands exactly, npm install then npm start, and npm test', () => {
  const shell = codeBlocks(README).filter((block) => block.lang === 'sh');
  expect(shell[0].text).toBe('npm install\nnpm start\n');
  expect(shell.map((block) => block.text)).toContain('npm test\n');
});

test('its environment table names every variable of .env.example, and nothing else', () => {
  const table = section(README, "Environment: `.env` locally, the service's variables when deployed");
  const named = [...table.matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((m) => m[1]);
  const described = parseEnvExample(read('.env.example')).declarations.map((d) => d.key);
  expect(described.length).toBeGreaterThan(10);
  expect([...named].sort()).toEqual([...described].sort());
});

test('its routing example is examples/routing.private.json as it ships', () => {
  const example = section(README, 'Routing file: `assets/routing.private.json` (optional)');
  const [json] = codeBlocks(example).filter((block) => block.lang === 'json');
  expect(JSON.parse(json.text)).toEqual(JSON.parse(read('examples/routing.private.json')));
});

test('every --json example runs npm silently (npm run -s), so its output parses', () => {
  const pages = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)];
  const commands = pages.flatMap((page) =>
    codeBlocks(read(page)).flatMap((block) =>
      block.text
        .split('\n')
        .filter((line) => /^\s*npm /.test(line) && line.includes('--json'))
        .map((line) => `${page}: ${line.trim()}`),
    ),
  );
  expect(commands.length).toBeGreaterThan(0);
  expect(commands.filter((line) => !/: npm run -s /.test(line))).toEqual([]);
});
