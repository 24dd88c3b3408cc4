import { parseMutateArgs } from '../../scripts/mutate';

const KNOWN = ['src/routing', 'src/config'];

describe('parseMutateArgs', () => {
  test('no arguments: every folder of the config, no option', () => {
    expect(parseMutateArgs([], KNOWN)).toEqual({ folders: [], options: [] });
  });

  test('folders first (a trailing slash allowed), then Stryker options as given', () => {
    expect(parseMutateArgs(['src/routing/', 'src/config', '--concurrency', '1', '--force'], KNOWN)).toEqual({
      folders: ['src/routing', 'src/config'],
      options: ['--concurrency', '1', '--force'],
    });
  });

  test('options only', () => {
    expect(parseMutateArgs(['--force'], KNOWN)).toEqual({ folders: [], options: ['--force'] });
  });

  test('--mutate narrows one named folder to places inside it', () => {
    expect(parseMutateArgs(['src/routing', '--force', '--mutate', 'src/routing/hours.ts:3-4'], KNOWN)).toEqual({
      folders: ['src/routing'],
      options: ['--force', '--mutate', 'src/routing/hours.ts:3-4'],
    });
  });

  test.each([
    [['--mutate', 'src/routing/hours.ts:3-4']],
    [['src/routing', 'src/config', '-m', 'src/routing/hours.ts:3-4']],
    [['src/routing', '--mutate']],
  ])('--mutate without exactly one folder, or without places, is refused: %j', (args) => {
    expect(parseMutateArgs(args, KNOWN)).toEqual({
      error: 'With --mutate, name the one folder it is in: npm run mutate -- src/runtime --mutate <file:lines>.',
    });
  });

  test('--mutate with a place outside the folder is refused, naming it', () => {
    expect(parseMutateArgs(['src/routing', '--mutate', 'src/routing/a.ts:1-2,src/config/env.ts:5-5'], KNOWN)).toEqual({
      error: 'Not in src/routing: src/config/env.ts:5-5.',
    });
  });

  test('a folder that is not under mutation testing is refused, with the choices', () => {
    expect(parseMutateArgs(['src/routing', 'src/cli'], KNOWN)).toEqual({
      error: 'Not a folder under mutation testing: src/cli. Choose from: src/routing, src/config.',
    });
  });
});
