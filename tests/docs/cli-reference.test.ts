// docs/cli.md against the commands' own --help: every flag a command takes is in its section of the reference, and
// every flag the reference gives a command exists. The help is read in-process, from the commands' parsers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseDeployArgs } from '../../src/cli/deploy-args';
import { EXIT, SIGNAL_EXIT } from '../../src/cli/exit';
import { parseLocalArgs } from '../../src/cli/local-args';
import { main as logs } from '../../src/cli/logs';
import { main as numbers } from '../../src/cli/numbers';
import { parseSmsArgs } from '../../src/cli/sms-args';
import { main as standIn } from '../../src/cli/stand-in';
import type { CommandWorld } from '../../src/cli/world';
import { codeBlocks, section } from '../helpers/markdown';

const REFERENCE = readFileSync(join(__dirname, '..', '..', 'docs', 'cli.md'), 'utf8');

/** A world whose output is kept, for the commands that print through one. */
function capture(): { world: CommandWorld; text: () => string } {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const world = { root: __dirname, env: {}, stdout, stderr: new PassThrough(), now: () => new Date(0) };
  return { world, text: () => text };
}

/** The help of a parser that prints through an Output. */
function helpOf(parse: (output: { out: (s: string) => void; err: (s: string) => void }) => unknown): string {
  let text = '';
  parse({ out: (s) => (text += `${s}\n`), err: () => {} });
  return text;
}

async function helpOfMain(run: (world: CommandWorld) => Promise<number>): Promise<string> {
  const { world, text } = capture();
  expect(await run(world)).toBe(0);
  return text();
}

/** The long flags of a help text's Options, or of a reference section: `--dry-run`, `--attach`... */
const flagsIn = (text: string): string[] =>
  [...new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]*(?![\w-])/g)].map((m) => m[0]))].sort();

/** The flags a help text lists as options (its Options block), without --help. */
const optionsOf = (help: string): string[] =>
  flagsIn(
    help
      .split('\n')
      .filter((line) => /^\s+-/.test(line))
      .join('\n'),
  ).filter((flag) => flag !== '--help');

const COMMANDS: ReadonlyArray<readonly [string, string, () => Promise<string>]> = [
  [
    'npm start',
    '`npm start` and `npm run dev`',
    async () => helpOf((o) => parseLocalArgs('npm start', 'Serves.', ['--help'], o)),
  ],
  [
    'npm run dev',
    '`npm start` and `npm run dev`',
    async () => helpOf((o) => parseLocalArgs('npm run dev', 'Serves.', ['--help'], o)),
  ],
  ['npm run sms', '`npm run sms`', async () => helpOf((o) => parseSmsArgs(['--help'], 'http://localhost:3000/sms', o))],
  ['npm run deploy', '`npm run deploy`', async () => helpOf((o) => parseDeployArgs(['--help'], o))],
  ['npm run logs', '`npm run logs`', () => helpOfMain((world) => logs(['--help'], world))],
  ['npm run stand-in', '`npm run stand-in`', () => helpOfMain((world) => standIn(['--help'], world))],
  ['numbers status', '`numbers status`', () => helpOfMain((world) => numbers(['status', '--help'], world))],
  ['numbers attach', '`numbers attach`', () => helpOfMain((world) => numbers(['attach', '--help'], world))],
  ['numbers restore', '`numbers restore`', () => helpOfMain((world) => numbers(['restore', '--help'], world))],
];

test.each(COMMANDS)('%s: every flag of its --help is in its section of docs/cli.md', async (_, heading, help) => {
  const options = optionsOf(await help());
  expect(options.length).toBeGreaterThan(0);
  const documented = flagsIn(section(REFERENCE, heading));
  expect(options.filter((flag) => !documented.includes(flag))).toEqual([]);
});

test.each(COMMANDS)("%s: the flags its section's listing gives exist", async (_, heading) => {
  // The listing is the section's first code block; its prose may name other commands' flags on purpose.
  const [listing] = codeBlocks(section(REFERENCE, heading));
  const sameSection = COMMANDS.filter(([, h]) => h === heading);
  const known = new Set((await Promise.all(sameSection.map(([, , of]) => of()))).flatMap(optionsOf));
  expect(flagsIn(listing.text).filter((flag) => !known.has(flag))).toEqual([]);
});

test('its exit codes are the commands’ own: one row per code of EXIT, and each signal’s code', () => {
  const exits = section(REFERENCE, 'Exit codes');
  const rows = [...exits.matchAll(/^\| (\d+) +\|/gm)].map((m) => Number(m[1]));
  expect(rows).toEqual(Object.values(EXIT));
  for (const [signal, code] of Object.entries(SIGNAL_EXIT))
    expect(exits).toMatch(new RegExp(`${signal}( \\(Ctrl-C\\))? with ${code}\\b`));
});
