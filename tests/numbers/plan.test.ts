import { attachTarget, diff, plan } from '../../src/numbers/plan';
import type { PhoneNumberState } from '../../src/numbers/types';

const APP = `AP${'1'.repeat(32)}`;
const URL_ = 'https://switchboard-1234-dev.twil.io/sms';
const number = (sid: string, fields: Partial<PhoneNumberState> = {}): PhoneNumberState => ({
  sid,
  phoneNumber: '+12025550100',
  smsUrl: 'https://demo.twilio.com/welcome/sms/reply',
  smsMethod: 'POST',
  smsFallbackUrl: '',
  smsFallbackMethod: 'POST',
  smsApplicationSid: '',
  ...fields,
});

describe('attach plan', () => {
  it('sets the URL and POST, and sends SmsApplicationSid only to clear one that is set', () => {
    expect(diff(number('PN1', { smsMethod: 'GET' }), attachTarget(URL_))).toEqual({ smsUrl: URL_, smsMethod: 'POST' });
    expect(diff(number('PN1', { smsApplicationSid: APP }), attachTarget(URL_))).toEqual({
      smsUrl: URL_,
      smsApplicationSid: '',
    });
  });

  it('leaves the fallback alone unless one is given', () => {
    expect(diff(number('PN1', { smsFallbackUrl: 'https://old.example/fb' }), attachTarget(URL_))).not.toHaveProperty(
      'smsFallbackUrl',
    );
    expect(diff(number('PN1'), attachTarget(URL_, 'https://example.com/fb'))).toEqual({
      smsUrl: URL_,
      smsFallbackUrl: 'https://example.com/fb',
    });
  });

  it('a fallback method is set to POST and compared case-insensitively', () => {
    const FALLBACK = 'https://example.com/fb';
    expect(
      diff(number('PN1', { smsFallbackUrl: FALLBACK, smsFallbackMethod: 'GET' }), attachTarget(URL_, FALLBACK)),
    ).toEqual({ smsUrl: URL_, smsFallbackMethod: 'POST' });
    const attached = { smsUrl: URL_, smsFallbackUrl: FALLBACK };
    expect(diff(number('PN1', { ...attached, smsFallbackMethod: 'post' }), attachTarget(URL_, FALLBACK))).toBeNull();
    expect(diff(number('PN1', { ...attached, smsFallbackMethod: 'Post' }), attachTarget(URL_, FALLBACK))).toBeNull();
  });

  it('a number already routed as asked needs no write (methods compared without case)', () => {
    expect(diff(number('PN1', { smsUrl: URL_, smsMethod: 'post' }), attachTarget(URL_))).toBeNull();
  });

  it('a URL or an SMS application SID differing only in case is a change (only methods ignore case)', () => {
    expect(diff(number('PN1', { smsUrl: 'https://example.com/SMS' }), attachTarget('https://example.com/sms'))).toEqual(
      {
        smsUrl: 'https://example.com/sms',
      },
    );
    expect(diff(number('PN1', { smsApplicationSid: APP.toLowerCase() }), { smsApplicationSid: APP })).toEqual({
      smsApplicationSid: APP,
    });
  });

  it('lists every number with what it becomes', () => {
    const changes = plan([number('PN1'), number('PN2', { smsUrl: URL_ })], () => attachTarget(URL_));
    expect(changes.map((c) => [c.number.sid, c.update === null, c.after.smsUrl])).toEqual([
      ['PN1', false, URL_],
      ['PN2', true, URL_],
    ]);
  });
});

describe('restore plan', () => {
  it('puts every field back, clearing fields that were empty', () => {
    const saved = {
      smsUrl: '',
      smsMethod: 'GET',
      smsFallbackUrl: '',
      smsFallbackMethod: 'POST',
      smsApplicationSid: APP,
    };
    const now = number('PN1', { smsUrl: URL_, smsFallbackUrl: 'https://example.com/fb' });
    expect(diff(now, saved)).toEqual({ smsUrl: '', smsMethod: 'GET', smsFallbackUrl: '', smsApplicationSid: APP });
  });
});
