/** The routing file at run time: what is valid is kept, an invalid entry silences its own number. */
import { DEFAULTS } from '../../src/config/env';
import { loadConfig } from '../../src/config/load';
import type { Config } from '../../src/config/load';
import { policyForNumber } from '../../src/config/resolve';
import { readRouting } from '../../src/config/routing-file';
import { readInbound } from '../../src/routing/inbound';

const N = '+15005550006';
const M = '+15005550007';
const A = '+15551230001';

describe('readRouting', () => {
  test('no file: no numbers, no problem', () => {
    expect(readRouting(undefined)).toMatchObject({ routing: { numbers: new Map(), unreadable: false }, problems: [] });
  });

  test('a valid file: every entry, a $schema key allowed', () => {
    const { routing, problems } = readRouting(
      JSON.stringify({ $schema: './routing.schema.json', numbers: { [N]: { mode: 'ignore' } } }),
    );
    expect(problems).toEqual([]);
    expect([...routing.numbers]).toEqual([[N, { mode: 'ignore' }]]);
  });

  test('an invalid entry is kept as invalid (null); the valid ones are kept as they are', () => {
    const { routing, problems } = readRouting(
      JSON.stringify({
        numbers: { [N]: { mode: 'forward', to: ['x'] }, [M]: { mode: 'auto-reply', message: 'Closed' } },
      }),
    );
    expect(routing.numbers.get(N)).toBeNull();
    expect(routing.numbers.get(M)).toEqual({ mode: 'auto-reply', message: 'Closed' });
    expect(routing.unreadable).toBe(false);
    expect(problems).toHaveLength(1);
  });

  test('an entry under a key that is not E.164 is left out', () => {
    const { routing } = readRouting(
      JSON.stringify({ numbers: { '5551230000': { mode: 'ignore' }, [M]: { mode: 'ignore' } } }),
    );
    expect([...routing.numbers.keys()]).toEqual([M]);
  });

  test('a valid file is read as it is written, with nothing added', () => {
    expect(readRouting(JSON.stringify({ block: ['+1900*'], numbers: { [N]: { mode: 'ignore' } } }))).toEqual({
      routing: { numbers: new Map([[N, { mode: 'ignore' }]]), unreadable: false, file: { block: ['+1900*'] } },
      problems: [],
    });
  });

  test('an invalid global list stays readable: the numbers are kept, and the lists left out read as empty', () => {
    const { routing, problems } = readRouting(
      JSON.stringify({ block: '+1900*', keywords: { HOURS: 'Open 9-5' }, numbers: { [N]: { mode: 'ignore' } } }),
    );
    expect(routing).toEqual({
      numbers: new Map([[N, { mode: 'ignore' }]]),
      unreadable: false,
      file: { keywords: { HOURS: 'Open 9-5' }, block: undefined, allow: [] },
    });
    expect(problems).toEqual([
      {
        level: 'error',
        where: 'assets/routing.private.json: block',
        message: 'must be a list of numbers or prefixes, e.g. ["+1900*", "+15551230000"]',
      },
    ]);
    expect(readRouting(JSON.stringify({ allow: [5] })).routing).toEqual({
      numbers: new Map(),
      unreadable: false,
      file: { keywords: {}, block: [], allow: undefined },
    });
  });

  test('keywords or an entry written as a list are refused, never read as keyword "0" or an empty entry', () => {
    const { routing, problems } = readRouting(JSON.stringify({ keywords: ['HOURS'], numbers: { [N]: [], [M]: {} } }));
    expect([routing.file?.keywords, routing.numbers.get(N), routing.numbers.get(M)]).toEqual([undefined, null, {}]);
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'assets/routing.private.json: keywords: ' +
        'is a list where an object belongs: write { "HOURS": "Open 9-5, Mon-Fri" }',
      `assets/routing.private.json: numbers.${N}: must be an object (a number entry), not a list`,
    ]);
  });

  const LIST = 'must be an object (the routing file), not a list';
  const NUMBERS_LIST = 'is a list where an object belongs: write { "+15005550006": { "mode": "ignore" } }';
  test.each([
    ['not JSON', '{', 'assets/routing.private.json', /^is not valid JSON \(.+\): fix the syntax/],
    ['an array', '[]', 'assets/routing.private.json', LIST],
    ['a string', '"numbers"', 'assets/routing.private.json', 'must be an object (the routing file), not "numbers"'],
    ['numbers as a list', '{ "numbers": [] }', 'assets/routing.private.json: numbers', NUMBERS_LIST],
    [
      'numbers as a list of numbers',
      '{ "numbers": ["+15005550006"] }',
      'assets/routing.private.json: numbers',
      NUMBERS_LIST,
    ],
    ['a list of entries', '[{ "+15005550006": { "mode": "ignore" } }]', 'assets/routing.private.json', LIST],
    ['null', 'null', 'assets/routing.private.json', 'must be an object (the routing file), not null'],
    [
      'numbers as text',
      '{ "numbers": "+15005550006" }',
      'assets/routing.private.json: numbers',
      'must be an object keyed by E.164 number, e.g. { "+15005550006": { "mode": "ignore" } }',
    ],
  ])('a file that is %s is unreadable, with one problem that says so', (_what, text, where, message) => {
    const { routing, problems } = readRouting(text);
    expect(routing.unreadable).toBe(true);
    expect(problems).toEqual([
      { level: 'error', where, message: typeof message === 'string' ? message : expect.stringMatching(message) },
    ]);
  });
});

/** The rule for a number, without lists, keywords or hours (the number's mode alone). */
const ruleForNumber = (config: Config, to: string) => policyForNumber(config, to).rule;

describe('the rule for a number salvages what it can', () => {
  const config = (routing: object, env: Record<string, string> = {}) => loadConfig(env, JSON.stringify(routing)).config;

  test('an invalid entry -> that number is ignored; the others still work; unlisted get DEFAULT_MODE', () => {
    const c = config({
      numbers: { [N]: { mode: 'forward', to: ['not a number'] }, [M]: { mode: 'forward', to: [A] } },
    });
    expect(ruleForNumber(c, N)).toEqual({ mode: 'ignore' });
    expect(ruleForNumber(c, M)).toMatchObject({ mode: 'forward', to: [A] });
    expect(ruleForNumber(c, '+15005550009')).toMatchObject({ mode: 'auto-reply', message: DEFAULTS.autoReplyMessage });
  });

  test('a channel prefix is ignored for the lookup: the webhook is read into the bare number', () => {
    const { to } = readInbound({ To: `whatsapp:${N}` });
    expect(ruleForNumber(config({ numbers: { [N]: { mode: 'ignore' } } }), to)).toEqual({ mode: 'ignore' });
  });

  test('an entry takes from the environment what it leaves out', () => {
    const c = config(
      { numbers: { [N]: { mode: 'forward' }, [M]: {} } },
      { FORWARD_TO: A, FORWARD_TEMPLATE: '{Body}', DEFAULT_MODE: 'forward' },
    );
    expect(ruleForNumber(c, N)).toMatchObject({ mode: 'forward', to: [A], template: '{Body}' });
    expect(ruleForNumber(c, M)).toMatchObject({ mode: 'forward', to: [A], template: '{Body}' });
  });

  test('an unreadable file ignores every number rather than guess', () => {
    const c = loadConfig({}, '{ not json').config;
    expect(ruleForNumber(c, N)).toEqual({ mode: 'ignore' });
    expect(ruleForNumber(c, '+15005550009')).toEqual({ mode: 'ignore' });
  });

  test('an invalid FORWARD_TO item is dropped from a forward entry that relies on it', () => {
    const c = config({ numbers: { [N]: { mode: 'forward' } } }, { FORWARD_TO: `oops,${A}` });
    expect(ruleForNumber(c, N)).toMatchObject({ mode: 'forward', to: [A] });
  });
});
