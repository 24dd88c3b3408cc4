import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMA_FILE, routingJsonSchemaText } from '../../src/config/json-schema';
import { loadConfig } from '../../src/config/load';
import { policyForMode, policyForNumber } from '../../src/config/resolve';

const REPO = join(__dirname, '..', '..');
const SYNC = { SYNC_SERVICE_SID: 'IS0123456789abcdef0123456789abcdef', FORWARD_TO: '+15557770000' };
const errorsOf = (routing: object, env: Record<string, string> = SYNC) =>
  loadConfig(env, JSON.stringify(routing)).problems.filter((p) => p.level === 'error');

describe('routing file: keys beyond the modes', () => {
  it.each([
    ['a reserved keyword', { keywords: { STOP: 'bye' } }, /Twilio answers itself/],
    ['a keyword of two words', { keywords: { 'OPEN HOURS': 'x' } }, /not one word/],
    ['a bad block pattern', { block: ['1900*'] }, /neither an E.164 number nor a prefix/],
    [
      'an unknown time zone',
      {
        numbers: {
          '+15005550006': {
            hours: { timeZone: 'Mars/Olympus', open: ['Mon 09:00-17:00'], outside: { mode: 'ignore' } },
          },
        },
      },
      /not an IANA time zone/,
    ],
    [
      'a window past midnight',
      {
        numbers: {
          '+15005550006': { hours: { timeZone: 'UTC', open: ['Fri 22:00-02:00'], outside: { mode: 'ignore' } } },
        },
      },
      /two windows/,
    ],
    [
      'a closed date that is not a date',
      {
        numbers: {
          '+15005550006': {
            hours: { timeZone: 'UTC', open: ['Mon 09:00-17:00'], closed: ['25/12/2026'], outside: { mode: 'ignore' } },
          },
        },
      },
      /YYYY-MM-DD/,
    ],
    [
      'hours without outside',
      { numbers: { '+15005550006': { hours: { timeZone: 'UTC', open: ['Mon 09:00-17:00'] } } } },
      /outside/,
    ],
    [
      'a field of another mode outside hours',
      {
        numbers: {
          '+15005550006': {
            hours: { timeZone: 'UTC', open: ['Mon 09:00-17:00'], outside: { mode: 'ignore', message: 'x' } },
          },
        },
      },
      /belongs to mode "auto-reply"/,
    ],
    [
      '{opens} outside of hours',
      { numbers: { '+15005550006': { mode: 'auto-reply', message: 'we open {opens}' } } },
      /only known outside business hours/,
    ],
    [
      'a media URL that is not http(s)',
      { numbers: { '+15005550006': { mode: 'auto-reply', media: ['ftp://x/card.vcf'] } } },
      /not an http\(s\) URL/,
    ],
    [
      'a bad duration',
      { numbers: { '+15005550006': { mode: 'auto-reply', replyOncePer: 'forever' } } },
      /not a duration/,
    ],
    [
      'an outside forward target that loops',
      {
        numbers: {
          '+15005550006': {
            mode: 'ignore',
            hours: { timeZone: 'UTC', open: ['Mon 09:00-17:00'], outside: { mode: 'forward', to: ['+15005550007'] } },
          },
          '+15005550007': { mode: 'ignore' },
        },
      },
      /loop forever/,
    ],
  ])('refuses %s, saying how to fix it', (_name, routing, message) => {
    const errors = errorsOf(routing);
    expect(errors.map((e) => e.message).join('\n')).toMatch(message);
  });

  it('refuses a reply-once window without Sync, naming SYNC_SERVICE_SID', () => {
    const errors = errorsOf({ numbers: { '+15005550006': { mode: 'auto-reply', replyOncePer: '12h' } } }, {});
    expect(errors).toEqual([expect.objectContaining({ where: 'SYNC_SERVICE_SID' })]);
  });

  it('accepts both examples', () => {
    for (const file of ['examples/routing.private.json', 'examples/routing.advanced.json']) {
      expect(errorsOf(JSON.parse(readFileSync(join(REPO, file), 'utf8')))).toEqual([]);
    }
  });
});

describe('policies', () => {
  const routing = {
    block: ['+1900*'],
    allow: ['+1*'],
    keywords: { hours: 'Open 9-5', PRICE: 'Global price' },
    numbers: {
      '+15005550006': {
        mode: 'auto-reply',
        keywords: { price: 'Our price' },
        block: ['+15550000000'],
        replyOncePer: '2h',
        media: ['https://example.com/card.vcf'],
      },
      '+15005550007': { allow: ['+44*'] },
    },
  };
  const { config } = loadConfig({ ...SYNC, AUTO_REPLY_ONCE_PER: '1d' }, JSON.stringify(routing));

  it('merges global and per-number lists and keywords, the number winning', () => {
    const policy = policyForNumber(config, '+15005550006');
    expect(policy.block).toEqual(['+1900*', '+15550000000']);
    expect(policy.allow).toEqual(['+1*']);
    expect(Object.fromEntries(policy.keywords)).toEqual({ HOURS: 'Open 9-5', PRICE: 'Our price' });
    expect(policy.replyOncePer).toBe(7200);
    expect(policy.rule).toEqual({
      mode: 'auto-reply',
      message: expect.any(String),
      media: ['https://example.com/card.vcf'],
    });
    expect(policyForNumber(config, '+15005550007').allow).toEqual(['+44*']);
  });

  it('takes AUTO_REPLY_ONCE_PER for numbers without their own window, and for /auto-reply', () => {
    expect(policyForNumber(config, '+15009990000').replyOncePer).toBe(86400);
    expect(policyForMode(config, 'auto-reply').replyOncePer).toBe(86400);
  });
});

describe('the JSON Schema for editors', () => {
  it('is committed as generated from the one schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(join(REPO, JSON_SCHEMA_FILE), 'utf8')).toBe(routingJsonSchemaText());
  });

  it('lives outside assets/, so it never deploys, and the examples point at it', () => {
    expect(JSON_SCHEMA_FILE.startsWith('assets/')).toBe(false);
    const example = JSON.parse(readFileSync(join(REPO, 'examples/routing.advanced.json'), 'utf8'));
    expect(example.$schema).toBe('../schema/routing.schema.json');
  });
});
