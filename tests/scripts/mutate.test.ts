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

  test('a folder that is not under mutation testing is refused, with the choices', () => {
    expect(parseMutateArgs(['src/routing', 'src/cli'], KNOWN)).toEqual({
      error: 'Not a folder under mutation testing: src/cli. Choose from: src/routing, src/config.',
    });
  });
});
