/**
 * Each kind of bad configuration gives its own message, at its own place, and every problem of
 * a configuration is listed at once (the build prints them all before refusing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkForBuild } from '../../src/config/load';
import type { Problem } from '../../src/config/problem';

const FILE = 'assets/routing.private.json';
const N = '+15005550006';
const M = '+15005550007';
const A = '+15551230001';
const eleven = Array.from({ length: 11 }, (_, i) => `+1555123${String(i).padStart(4, '0')}`);

type Env = Readonly<Record<string, string>>;
/** What the build reports (loadConfig's problems and the build's own checks). */
const load = (env: Env, routing?: object | string): Problem[] =>
  checkForBuild(env, routing === undefined || typeof routing === 'string' ? routing : JSON.stringify(routing));
const errorsOf = (problems: Problem[]) => problems.filter((p) => p.level === 'error');

/** [kind, env, routing file, where the error is, what it says] */
const kinds: [string, Env, object | string | undefined, string, RegExp][] = [
  [
    'a routed number that is not E.164',
    {},
    { numbers: { '5551230000': { mode: 'ignore' } } },
    `${FILE}: numbers.5551230000`,
    /5551230000" is not an E\.164 number: write \+ country code/,
  ],
  [
    'a target that is not E.164',
    {},
    { numbers: { [N]: { mode: 'forward', to: ['555-1234'] } } },
    `${FILE}: numbers.${N}.to[0]`,
    /555-1234" is not an E\.164 number/,
  ],
  [
    'a FORWARD_TO item that is not E.164',
    { FORWARD_TO: `${A}, 555 1234` },
    undefined,
    'FORWARD_TO[1]',
    /555 1234" is not an E\.164 number/,
  ],
  [
    'an unknown mode',
    {},
    { numbers: { [N]: { mode: 'shout' } } },
    `${FILE}: numbers.${N}.mode`,
    /"shout" is not a mode: use "auto-reply", "forward" or "ignore"/,
  ],
  ['an unknown DEFAULT_MODE', { DEFAULT_MODE: 'reply' }, undefined, 'DEFAULT_MODE', /"reply" is not a mode/],
  [
    'an unknown key in an entry',
    {},
    { numbers: { [N]: { mode: 'auto-reply', mesage: 'hi' } } },
    `${FILE}: numbers.${N}.mesage`,
    /unknown key "mesage": a number entry takes only mode, to, template, message/,
  ],
  [
    'an unknown key at the top',
    {},
    { numbrs: {} },
    `${FILE}: numbrs`,
    /unknown key "numbrs": the routing file takes only .*numbers/,
  ],
  [
    'more than 10 targets in an entry',
    {},
    { numbers: { [N]: { mode: 'forward', to: eleven } } },
    `${FILE}: numbers.${N}.to`,
    /has 11 targets: at most 10 \(phones, email addresses and slack together\)/,
  ],
  [
    'more than 10 numbers in FORWARD_TO',
    { FORWARD_TO: eleven.join(',') },
    undefined,
    'FORWARD_TO',
    /has 11 targets: at most 10 .*only the first 10 are used/,
  ],
  [
    'an empty target list',
    { FORWARD_TO: A },
    { numbers: { [N]: { mode: 'forward', to: [] } } },
    `${FILE}: numbers.${N}.to`,
    /is empty: list at least one target, or leave it out to use FORWARD_TO/,
  ],
  [
    'a target equal to the receiving number',
    {},
    { numbers: { [N]: { mode: 'forward', to: [N] } } },
    `${FILE}: numbers.${N}.to`,
    /\+15005550006 is the receiving number itself: forwarding to it would loop/,
  ],
  [
    'a target that is a routed number',
    {},
    { numbers: { [N]: { mode: 'forward', to: [M] }, [M]: { mode: 'ignore' } } },
    `${FILE}: numbers.${N}.to`,
    new RegExp(
      '\\+15005550007 is itself a number in assets\\/routing\\.private\\.json: ' +
        'two numbers forwarding to each other loop forever',
    ),
  ],
  [
    'a FORWARD_TO number that is a routed number',
    { FORWARD_TO: M },
    { numbers: { [M]: { mode: 'ignore' } } },
    'FORWARD_TO',
    /\+15005550007 is itself a number in/,
  ],
  [
    'a forward entry with no target anywhere',
    {},
    { numbers: { [N]: { mode: 'forward' } } },
    `${FILE}: numbers.${N}`,
    /is routed to forward but has no target: add "to".*or set FORWARD_TO/,
  ],
  [
    'a forward field on an auto-reply entry',
    {},
    { numbers: { [N]: { mode: 'auto-reply', to: [A] } } },
    `${FILE}: numbers.${N}.to`,
    /belongs to mode "forward" but the mode here is "auto-reply": remove "to"/,
  ],
  [
    'an auto-reply field on a forward entry',
    {},
    { numbers: { [N]: { mode: 'forward', to: [A], message: 'hi' } } },
    `${FILE}: numbers.${N}.message`,
    /belongs to mode "auto-reply" but the mode here is "forward"/,
  ],
  [
    'a field of another mode than DEFAULT_MODE',
    { DEFAULT_MODE: 'ignore' },
    { numbers: { [N]: { template: '{Body}' } } },
    `${FILE}: numbers.${N}.template`,
    /belongs to mode "forward" but the mode here is "ignore" \(DEFAULT_MODE\)/,
  ],
  [
    'DEFAULT_MODE=forward without FORWARD_TO',
    { DEFAULT_MODE: 'forward' },
    undefined,
    'DEFAULT_MODE',
    /is "forward" but FORWARD_TO is not set/,
  ],
  [
    'a routing file that is not JSON',
    {},
    '{ "numbers": { "+15005550006": { "mode": "ignore" }, } }',
    FILE,
    /is not valid JSON \(.+\): fix the syntax/,
  ],
  ['a routing file that is a list', {}, '[]', FILE, /^must be an object \(the routing file\), not a list$/],
  ['numbers given as a list', {}, '{ "numbers": [] }', `${FILE}: numbers`, /is a list where an object belongs/],
  [
    'an unknown placeholder in a template',
    {},
    { numbers: { [N]: { mode: 'forward', to: [A], template: '{Frm}: {Body}' } } },
    `${FILE}: numbers.${N}.template`,
    /unknown placeholder \{Frm\}: use \{From\}, \{To\}, \{Body\}/,
  ],
  [
    'an unknown placeholder in FORWARD_TEMPLATE',
    { FORWARD_TEMPLATE: '{Sender}: {Body}' },
    undefined,
    'FORWARD_TEMPLATE',
    /unknown placeholder \{Sender\}/,
  ],
  [
    'an empty reply text in the file',
    {},
    { numbers: { [N]: { mode: 'auto-reply', message: '' } } },
    `${FILE}: numbers.${N}.message`,
    /is empty: write the reply text/,
  ],
  [
    'a reply text over 1600 characters',
    { AUTO_REPLY_MESSAGE: 'x'.repeat(1601) },
    undefined,
    'AUTO_REPLY_MESSAGE',
    /is 1601 characters long: an SMS body holds at most 1600/,
  ],
];

describe('each kind of bad configuration gives its own error', () => {
  test.each(kinds)('%s', (_kind, env, routing, where, message) => {
    const errors = errorsOf(load(env, routing));
    expect(errors).toEqual([{ level: 'error', where, message: expect.stringMatching(message) }]);
  });
});

describe('FORWARD_TO unset', () => {
  const warningOf = (env: Env, routing?: object) => load(env, routing).filter((p) => p.level === 'warning');

  test('is no problem at all with no configuration (zero-config start is quiet)', () => {
    expect(load({})).toEqual([]);
    expect(load({ FORWARD_TO: '' })).toEqual([]);
    expect(load({ AUTO_REPLY_MESSAGE: 'Hi' }, { numbers: { [N]: { mode: 'auto-reply' } } })).toEqual([]);
  });

  test('is a warning when FORWARD_TEMPLATE sets up /forward without targets', () => {
    expect(warningOf({ FORWARD_TEMPLATE: '{Body}' })).toEqual([
      {
        level: 'warning',
        where: 'FORWARD_TO',
        message: 'is not set, but FORWARD_TEMPLATE is: /forward would forward nothing; set FORWARD_TO',
      },
    ]);
    expect(errorsOf(load({ FORWARD_TEMPLATE: '{Body}' }))).toEqual([]);
    expect(warningOf({ FORWARD_TEMPLATE: '{Body}', FORWARD_TO: ' , ' })).toHaveLength(1);
  });

  test('is no warning once set', () => {
    expect(warningOf({ FORWARD_TEMPLATE: '{Body}', FORWARD_TO: A })).toEqual([]);
  });

  test('is no warning when the routing file forwards with its own targets (the template is theirs)', () => {
    expect(warningOf({ FORWARD_TEMPLATE: '{Body}' }, { numbers: { [N]: { mode: 'forward', to: [A] } } })).toEqual([]);
  });

  test('is no warning (but an error) when a number of the routing file would forward to it', () => {
    const forward = { numbers: { [N]: { mode: 'forward' } } };
    const outside = {
      numbers: {
        [N]: { mode: 'ignore', hours: { timeZone: 'UTC', open: ['Mon 09:00-17:00'], outside: { mode: 'forward' } } },
      },
    };
    for (const routing of [forward, outside]) {
      expect(warningOf({ FORWARD_TEMPLATE: '{Body}' }, routing)).toEqual([]);
      expect(errorsOf(load({}, routing)).map((p) => p.message)).toEqual([
        expect.stringMatching(/routed to forward but has no target/),
      ]);
    }
  });
});

test('a valid configuration has no problem at all', () => {
  const routing = {
    numbers: {
      [N]: { mode: 'forward', to: [A], template: '{From} (sales): {Body}' },
      [M]: { mode: 'auto-reply', message: 'Closed.' },
    },
  };
  expect(
    load(
      {
        FORWARD_TO: '+15551230002',
        DEFAULT_MODE: 'ignore',
        AUTO_REPLY_MESSAGE: 'Hi',
        FORWARD_TEMPLATE: '{From}: {Body}',
      },
      routing,
    ),
  ).toEqual([]);
});

test("the README's example routing file is valid", () => {
  const example = readFileSync(join(__dirname, '..', '..', 'examples', 'routing.private.json'), 'utf8');
  expect(errorsOf(load({}, example))).toEqual([]);
});

test('every problem is listed at once', () => {
  const env = { FORWARD_TO: `${A},nope,${M}`, DEFAULT_MODE: 'reply', FORWARD_TEMPLATE: '{Who}' };
  const routing = {
    numbrs: {},
    numbers: {
      '5551230000': { mode: 'ignore' },
      [N]: { mode: 'forward', to: [N] },
      [M]: { mode: 'shout' },
      '+15005550008': { mode: 'auto-reply', to: [A] },
      '+15005550009': { mode: 'forward', to: eleven },
    },
  };
  const places = errorsOf(load(env, routing)).map((p) => p.where);
  expect(places).toEqual(
    expect.arrayContaining([
      'FORWARD_TO[1]',
      'FORWARD_TO',
      'DEFAULT_MODE',
      'FORWARD_TEMPLATE',
      `${FILE}: numbrs`,
      `${FILE}: numbers.5551230000`,
      `${FILE}: numbers.${N}.to`,
      `${FILE}: numbers.${M}.mode`,
      `${FILE}: numbers.+15005550009.to`,
    ]),
  );
});
