/** The environment at run time: invalid values are reported and replaced, never fatal. */
import { DEFAULTS, checkLocalOnly, checkLogLevel, readEnv } from '../../src/config/env';

const A = '+15551230001';
const B = '+15551230002';

describe('readEnv', () => {
  test('no variables at all: DEFAULTS exactly, no problem', () => {
    const expected = {
      autoReplyMessage: 'Thanks for your message. We have received it and will get back to you soon.',
      forwardTo: [],
      forwardTemplate: '{From}: {Body}',
      defaultMode: 'auto-reply',
      autoReplyMedia: [],
      syncTimeoutMs: 2000,
      localMemory: false,
      deliveries: { sendgridApiBaseUrl: 'https://api.sendgrid.com', timeoutMs: 3000, print: false },
    };
    const { env, problems } = readEnv({});
    expect(env).toStrictEqual({
      ...expected,
      autoReplyOncePer: undefined,
      syncServiceSid: undefined,
      deliveries: {
        ...expected.deliveries,
        sendgridApiKey: undefined,
        emailFrom: undefined,
        slackWebhookUrl: undefined,
      },
    });
    expect(DEFAULTS).toStrictEqual(expected);
    expect(problems).toEqual([]);
  });

  test.each(['', '   '])('an empty value (%j) counts as unset', (empty) => {
    const { env, problems } = readEnv({
      AUTO_REPLY_MESSAGE: empty,
      FORWARD_TO: empty,
      FORWARD_TEMPLATE: empty,
      DEFAULT_MODE: empty,
    });
    expect(env).toMatchObject({
      autoReplyMessage: DEFAULTS.autoReplyMessage,
      forwardTo: [],
      forwardTemplate: DEFAULTS.forwardTemplate,
      defaultMode: 'auto-reply',
    });
    expect(problems).toEqual([]);
  });

  test('reads FORWARD_TO as a comma-separated list, spaces and empty items allowed, duplicates once', () => {
    expect(readEnv({ FORWARD_TO: ` ${A} ,, ${B},${A}, ` }).env.forwardTo).toEqual([A, B]);
  });

  test('drops an invalid FORWARD_TO item, keeps the others, and says which', () => {
    const { env, problems } = readEnv({ FORWARD_TO: `${A},5551234,${B}` });
    expect(env.forwardTo).toEqual([A, B]);
    expect(problems).toEqual([
      { level: 'error', where: 'FORWARD_TO[1]', message: expect.stringMatching(/5551234" is not an E\.164 number/) },
    ]);
  });

  test('keeps the first 10 of a longer FORWARD_TO', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `+1555123${String(i).padStart(4, '0')}`);
    const { env, problems } = readEnv({ FORWARD_TO: twelve.join(',') });
    expect(env.forwardTo).toEqual(twelve.slice(0, 10));
    expect(problems.map((p) => p.where)).toEqual(['FORWARD_TO']);
  });

  test.each([
    ['DEFAULT_MODE', 'shout', 'defaultMode', 'auto-reply'],
    ['FORWARD_TEMPLATE', '{Sender}: {Body}', 'forwardTemplate', '{From}: {Body}'],
    ['AUTO_REPLY_MESSAGE', 'x'.repeat(1601), 'autoReplyMessage', DEFAULTS.autoReplyMessage],
  ] as const)('an invalid %s falls back to its default and is reported', (name, value, field, fallback) => {
    const { env, problems } = readEnv({ [name]: value });
    expect(env[field]).toBe(fallback);
    expect(problems.map((p) => p.where)).toEqual([name]);
  });

  test.each(['warn', 'info', 'debug', ''])('LOG_LEVEL=%s is a level, or unset', (level) => {
    expect(checkLogLevel({ LOG_LEVEL: level })).toEqual([]);
  });

  test('another LOG_LEVEL is reported with the levels to choose from', () => {
    expect(checkLogLevel({ LOG_LEVEL: 'verbose' })).toEqual([
      expect.objectContaining({
        where: 'LOG_LEVEL',
        message: expect.stringMatching(/"verbose" is not a log level: use info or debug/),
      }),
    ]);
  });

  test('ignores variables that are not text (the runtime context also holds functions)', () => {
    const { env, problems } = readEnv({ FORWARD_TO: 42, DEFAULT_MODE: () => 'forward', PATH: '/sms' });
    expect(env.forwardTo).toEqual([]);
    expect(env.defaultMode).toBe('auto-reply');
    expect(problems).toEqual([]);
  });

  test.each([
    ['', 2000],
    ['1', 1],
    ['1500', 1500],
    [' 4000 ', 4000],
  ])('SYNC_TIMEOUT_MS=%j gives the Sync phase %d ms', (value, ms) => {
    const { env, problems } = readEnv({ SYNC_TIMEOUT_MS: value });
    expect(env.syncTimeoutMs).toBe(ms);
    expect(problems).toEqual([]);
  });

  test.each([
    [
      '4001',
      '"4001" ms is too long: Twilio stops a Function at 10 s (the message is lost), and its answer must leave ' +
        'within 5 s whatever Sync does; write at most 4000, or leave it unset for 2000',
    ],
    ['60000', /too long.*write at most 4000/],
    ['0', /"0" is not a number of milliseconds from 1 to 4000: write e\.g\. 1500, or leave it unset for 2000/],
    ['2s', /"2s" is not a number of milliseconds from 1 to 4000/],
    ['1.5', /is not a number of milliseconds/],
    ['-100', /is not a number of milliseconds/],
  ])('SYNC_TIMEOUT_MS=%s is refused with the fix, and the default used', (value, message) => {
    const { env, problems } = readEnv({ SYNC_TIMEOUT_MS: value });
    expect(env.syncTimeoutMs).toBe(2000);
    expect(problems).toEqual([
      {
        level: 'error',
        where: 'SYNC_TIMEOUT_MS',
        message: typeof message === 'string' ? message : expect.stringMatching(message),
      },
    ]);
  });

  test.each([
    ['', false],
    ['1', true],
    [' 1 ', true],
  ])('SWITCHBOARD_LOCAL_MEMORY=%j: memory in-process is %s', (value, local) => {
    const { env, problems } = readEnv({ SWITCHBOARD_LOCAL_MEMORY: value });
    expect(env.localMemory).toBe(local);
    expect(problems).toEqual([]);
  });

  test('another SWITCHBOARD_LOCAL_MEMORY means Sync, as deployed, and the build says to remove it from .env', () => {
    const { env, problems } = readEnv({ SWITCHBOARD_LOCAL_MEMORY: 'true' });
    expect(env.localMemory).toBe(false);
    expect(problems).toEqual([]);
    expect(checkLocalOnly({ SWITCHBOARD_LOCAL_MEMORY: 'true', SWITCHBOARD_PRINT_DELIVERIES: '1' })).toEqual([
      { level: 'warning', where: 'SWITCHBOARD_LOCAL_MEMORY', message: expect.stringMatching(/^is set by npm start/) },
      {
        level: 'warning',
        where: 'SWITCHBOARD_PRINT_DELIVERIES',
        message: expect.stringMatching(/remove it from \.env/),
      },
    ]);
    expect(checkLocalOnly({ FORWARD_TO: '+15551230001' })).toEqual([]);
  });

  test('does not change the environment it reads', () => {
    const input = { FORWARD_TO: `${A},bad`, DEFAULT_MODE: 'forward' };
    const copy = { ...input };
    readEnv(input);
    expect(input).toEqual(copy);
  });
});
