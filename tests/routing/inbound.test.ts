import { RECEIVER, SENDER, fixtures, params } from '../fixtures';
import { MAX_MEDIA, readInbound, type WebhookEvent } from '../../src/routing/inbound';

const SID = /^(SM|MM)[0-9a-f]{32}$/;
const url = (n: number) => `https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM0/Media/ME${n}`;

describe('readInbound on webhooks as Twilio sends them', () => {
  test.each([
    ['sms', { from: SENDER, to: RECEIVER, channel: undefined, media: 0, optOutType: '' }],
    ['mms', { from: SENDER, to: RECEIVER, channel: undefined, media: 2, optOutType: '' }],
    ['optOut', { from: SENDER, to: RECEIVER, channel: undefined, media: 0, optOutType: 'STOP' }],
    ['whatsapp', { from: SENDER, to: RECEIVER, channel: 'whatsapp', media: 0, optOutType: '' }],
  ] as const)('%s: bare numbers and the channel', (name, expected) => {
    const webhook = fixtures[name];
    const message = readInbound(params(webhook));
    expect(message.sid).toMatch(SID);
    expect(message.sid).toBe(webhook.MessageSid);
    expect(message).toMatchObject({
      from: expected.from,
      to: expected.to,
      body: webhook.Body,
      optOutType: expected.optOutType,
    });
    expect(message.channel).toBe(expected.channel);
    expect(message.media).toHaveLength(expected.media);
  });

  test('takes the media URLs in order', () => {
    expect(readInbound(params(fixtures.mms)).media).toEqual([fixtures.mms.MediaUrl0, fixtures.mms.MediaUrl1]);
  });
});

describe('readInbound on anything else', () => {
  test('takes the channel from the receiving address, and drops the prefix of both numbers', () => {
    expect(readInbound({ From: 'messenger:123456', To: 'messenger:+15005550006' })).toMatchObject({
      from: '123456',
      to: '+15005550006',
      channel: 'messenger',
    });
    expect(readInbound({ From: `whatsapp:${SENDER}`, To: RECEIVER })).toMatchObject({
      from: SENDER,
      to: RECEIVER,
      channel: undefined,
    });
  });

  test('turns missing parameters into empty text', () => {
    expect(readInbound({})).toEqual({ sid: '', from: '', to: '', body: '', media: [], optOutType: '' });
  });

  test('falls back to SmsMessageSid without MessageSid', () => {
    expect(readInbound({ SmsMessageSid: fixtures.sms.SmsMessageSid }).sid).toBe(fixtures.sms.SmsMessageSid);
  });

  test.each(['0', '', 'lots', '-3', '1e9', '99'])(
    'takes every MediaUrl present whatever NumMedia says (%j)',
    (numMedia) => {
      expect(readInbound({ NumMedia: numMedia, MediaUrl0: url(0), MediaUrl3: url(3) }).media).toEqual([url(0), url(3)]);
    },
  );

  test(`reads MediaUrl0..MediaUrl${MAX_MEDIA - 1} and no further`, () => {
    const event: Record<string, string> = {};
    for (let n = 0; n <= MAX_MEDIA; n++) event[`MediaUrl${n}`] = url(n);
    expect(readInbound(event).media).toEqual(Array.from({ length: MAX_MEDIA }, (_, n) => url(n)));
  });

  test.each([
    '',
    'not a url',
    'javascript:alert(1)',
    'ftp://example.com/x',
    'https://exa mple.com/x',
    'https://\u0000',
    'see https://example.com/x',
  ])('drops a MediaUrl that is not an http(s) URL: %j', (value) => {
    expect(readInbound({ MediaUrl0: value }).media).toEqual([]);
  });

  test('takes an http URL as well as https, and trims white space around one', () => {
    expect(readInbound({ MediaUrl0: 'http://example.com/a.jpg', MediaUrl1: ' https://example.com/b\n' }).media).toEqual(
      ['http://example.com/a.jpg', 'https://example.com/b'],
    );
  });

  test('an OptOutType of white space only is none', () => {
    expect(readInbound({ OptOutType: ' \n' }).optOutType).toBe('');
  });

  test('takes the first of a repeated parameter, and ignores values that are not text', () => {
    const event: WebhookEvent = {
      Body: ['first', 'second'],
      From: { nested: true },
      To: 15005550006,
      MessageSid: null,
    };
    expect(readInbound(event)).toMatchObject({ body: 'first', from: '', to: '15005550006', sid: '' });
  });

  test('removes what XML cannot carry from every field', () => {
    const bad = '\u0000\u0008\u000B\u001F\uDFFF\uD800\uFFFE\uFFFF'; // lone surrogates: low before high
    const message = readInbound({
      MessageSid: `SM${bad}1`,
      From: `+1${bad}555`,
      To: `${bad}+1500`,
      Body: `a${bad}b\tc\nd\re 😀`,
      MediaUrl0: `https://example.com/${bad}x`,
      OptOutType: `${bad}STOP`,
    });
    expect(message).toEqual({
      sid: 'SM1',
      from: '+1555',
      to: '+1500',
      body: 'a' + 'b\tc\nd\re 😀',
      media: ['https://example.com/x'],
      optOutType: 'STOP',
    });
  });

  test('keeps the body as sent, apart from forbidden characters (no trimming)', () => {
    expect(readInbound({ Body: '  <b>&"\'  ' }).body).toBe('  <b>&"\'  ');
  });
});
