import twilio from 'twilio';
import { fixtures } from '../fixtures';
import {
  guessContentType,
  inboundParams,
  messageSid,
  signedRequest,
  type SimulatedMessage,
} from '../../src/simulator/inbound-request';

const SID = 'SM' + 'ab'.repeat(16);
const ACCOUNT = 'AC' + '12'.repeat(16);
const hello: SimulatedMessage = { from: '+15551230000', to: '+15005550006', body: 'Hello', media: [] };
const withPictures: SimulatedMessage = {
  ...hello,
  media: ['https://demo.twilio.com/owl.png', 'https://example.com/card.vcf?x=1'],
};

describe('inboundParams', () => {
  it(
    'has every parameter of a real inbound SMS webhook ' + '(except MessagingServiceSid, sent only through a service)',
    () => {
      const params = inboundParams(hello, ACCOUNT, SID);
      const expected = Object.keys(fixtures.sms)
        .filter((k) => k !== 'MessagingServiceSid')
        .sort();
      expect(Object.keys(params).sort()).toEqual(expected);
      expect(Object.values(params).every((v) => typeof v === 'string')).toBe(true);
    },
  );

  it('carries the message, the fixed values Twilio sends, and empty geographic fields (unknown to Twilio)', () => {
    expect(inboundParams(hello, ACCOUNT, SID)).toEqual({
      ToCountry: '',
      ToState: '',
      ToCity: '',
      ToZip: '',
      FromCountry: '',
      FromState: '',
      FromCity: '',
      FromZip: '',
      ReferralNumMedia: '0',
      MessageSid: SID,
      SmsSid: SID,
      SmsMessageSid: SID,
      AccountSid: ACCOUNT,
      From: '+15551230000',
      To: '+15005550006',
      Body: 'Hello',
      NumMedia: '0',
      NumSegments: '1',
      ApiVersion: '2010-04-01',
      SmsStatus: 'received',
    });
  });

  it('numbers media from 0 with a content type each, like a real MMS webhook', () => {
    const params = inboundParams(withPictures, ACCOUNT, 'MM' + 'cd'.repeat(16));
    const mmsKeys = Object.keys(fixtures.mms)
      .filter((k) => k !== 'MessagingServiceSid')
      .sort();
    expect(Object.keys(params).sort()).toEqual(mmsKeys);
    expect(params).toMatchObject({
      NumMedia: '2',
      MediaUrl0: 'https://demo.twilio.com/owl.png',
      MediaContentType0: 'image/png',
      MediaUrl1: 'https://example.com/card.vcf?x=1',
      MediaContentType1: 'text/vcard',
    });
  });

  it('counts segments as Twilio does: 160 GSM-7 characters in one, 153 per part beyond', () => {
    const segments = (body: string) => inboundParams({ ...hello, body }, ACCOUNT, SID).NumSegments;
    expect(segments('a'.repeat(160))).toBe('1');
    expect(segments('a'.repeat(161))).toBe('2');
    expect(segments('a'.repeat(306))).toBe('2');
    expect(segments('a'.repeat(307))).toBe('3');
    // Outside GSM-7 (an emoji is two UTF-16 units): UCS-2, 70 in one, 67 per part.
    expect(segments('é'.repeat(160))).toBe('1');
    expect(segments('ж'.repeat(70))).toBe('1');
    expect(segments('ж'.repeat(71))).toBe('2');
    expect(segments('😀'.repeat(35))).toBe('1');
    expect(segments('😀'.repeat(36))).toBe('2');
    // GSM-7 extension characters take two septets.
    expect(segments('€'.repeat(80))).toBe('1');
    expect(segments('€'.repeat(81))).toBe('2');
  });
});

describe("an MMS's segment count", () => {
  it('is 1, however long its text: Twilio sends an MMS as one message', () => {
    const segments = (body: string, media: string[]) =>
      inboundParams({ ...hello, body, media }, ACCOUNT, SID).NumSegments;
    expect(segments('a'.repeat(1600), ['https://demo.twilio.com/owl.png'])).toBe('1');
    expect(segments('ж'.repeat(500), ['https://demo.twilio.com/owl.png'])).toBe('1');
    expect(segments('', ['https://demo.twilio.com/owl.png'])).toBe('1');
    // The same texts as SMS: 11 and 8 segments.
    expect(segments('a'.repeat(1600), [])).toBe('11');
    expect(segments('ж'.repeat(500), [])).toBe('8');
  });
});

describe('messageSid', () => {
  it('is SM + 32 hex digits for an SMS, MM for a message with media', () => {
    const hex = () => '0123456789abcdef0123456789abcdef';
    expect(messageSid(false, hex)).toMatch(/^SM[0-9a-f]{32}$/);
    expect(messageSid(true, hex)).toMatch(/^MM[0-9a-f]{32}$/);
  });
});

describe('guessContentType', () => {
  it.each([
    ['https://x.test/a.JPG', 'image/jpeg'],
    ['https://x.test/a.jpeg?size=large', 'image/jpeg'],
    ['https://x.test/a.png#frag', 'image/png'],
    ['https://x.test/a.gif', 'image/gif'],
    ['https://x.test/a.webp', 'image/webp'],
    ['https://x.test/contact.vcf', 'text/vcard'],
    ['https://x.test/clip.mp4', 'video/mp4'],
    ['https://x.test/voice.mp3', 'audio/mpeg'],
    ['https://x.test/menu.pdf', 'application/pdf'],
    ['https://x.test/noextension', 'application/octet-stream'],
    ['https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', 'application/octet-stream'],
  ])('%s is %s', (url, type) => expect(guessContentType(url)).toBe(type));
});

describe('signedRequest', () => {
  const url = 'https://switchboard-1234-dev.twil.io/sms';
  const params = inboundParams(withPictures, ACCOUNT, SID);

  it('signs so that twilio.validateRequest accepts it with the same token', () => {
    const signed = signedRequest(url, params, 'token-1');
    expect(twilio.validateRequest('token-1', signed.signature, url, params)).toBe(true);
  });

  it('is refused with another token, another URL or a changed parameter', () => {
    const signed = signedRequest(url, params, 'token-1');
    expect(twilio.validateRequest('token-2', signed.signature, url, params)).toBe(false);
    expect(twilio.validateRequest('token-1', signed.signature, url + '?x=1', params)).toBe(false);
    expect(twilio.validateRequest('token-1', signed.signature, url, { ...params, Body: 'Hellp' })).toBe(false);
  });
});
