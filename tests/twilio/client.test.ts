import { API_BASE_URL, parseBaseUrl, rewriteUri } from '../../src/twilio/base-url';
import { createTwilioClient } from '../../src/twilio/client';
import type { Credentials } from '../../src/twilio/credentials';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';

describe('TWILIO_API_BASE_URL', () => {
  it('takes an http(s) origin, and refuses paths, credentials and non-URLs', () => {
    expect(parseBaseUrl(API_BASE_URL, undefined)).toEqual({});
    expect(parseBaseUrl(API_BASE_URL, 'http://127.0.0.1:4010')).toEqual({ origin: new URL('http://127.0.0.1:4010') });
    expect(parseBaseUrl(API_BASE_URL, 'http://127.0.0.1:4010/')).toEqual({ origin: new URL('http://127.0.0.1:4010') });
    for (const bad of ['127.0.0.1:4010', 'ftp://x', 'http://127.0.0.1:4010/v1', 'http://u:p@127.0.0.1']) {
      expect(parseBaseUrl(API_BASE_URL, bad).problem).toMatch(/TWILIO_API_BASE_URL/);
    }
  });

  it('moves the REST and Messaging hosts (regional ones too) to the origin, path and query unchanged', () => {
    const origin = 'http://127.0.0.1:4010';
    expect(
      rewriteUri('https://api.twilio.com/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json?PageSize=1000', origin),
    ).toBe(`${origin}/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json?PageSize=1000`);
    expect(rewriteUri('https://messaging.twilio.com/v1/Services?Page=1', origin)).toBe(`${origin}/v1/Services?Page=1`);
    expect(rewriteUri('https://api.dublin.ie1.twilio.com/2010-04-01/Accounts.json', origin)).toBe(
      `${origin}/2010-04-01/Accounts.json`,
    );
    expect(rewriteUri('https://api.twilio.com/x', undefined)).toBe('https://api.twilio.com/x');
    // A host the hook does not cover is refused rather than sent to the internet.
    expect(() => rewriteUri('https://serverless.twilio.com/v1/Services', origin)).toThrow('serverless.twilio.com');
  });
});

describe('the twilio SDK through the base-URL client, against the stand-in', () => {
  let api: TwilioApiStandIn;
  let credentials: Credentials;
  beforeEach(async () => {
    api = await TwilioApiStandIn.start();
    credentials = { accountSid: api.accountSid, username: api.accountSid, password: api.authToken, source: 'test' };
  });
  afterEach(() => api.close());

  it('pages through IncomingPhoneNumbers with next_page_uri and filters by PhoneNumber', async () => {
    const made = api.addNumbers(5);
    const client = createTwilioClient(credentials, api.url);
    const listed = await client.incomingPhoneNumbers.list({ pageSize: 2 });
    expect(listed.map((n) => n.sid)).toEqual(made.map((n) => n.sid));
    expect(api.requests.filter((r) => r.path.endsWith('IncomingPhoneNumbers.json'))).toHaveLength(3);
    expect(
      (await client.incomingPhoneNumbers.list({ phoneNumber: made[3]?.phone_number ?? '' })).map((n) => n.sid),
    ).toEqual([made[3]?.sid]);
  });

  it('follows Messaging v1 next_page_url (absolute, on messaging.twilio.com) to the stand-in', async () => {
    for (const name of ['a', 'b', 'c']) api.addService(name, false, []);
    const client = createTwilioClient(credentials, api.url);
    expect((await client.messaging.v1.services.list({ pageSize: 1 })).map((s) => s.friendlyName)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('sends updates form-encoded and reads Twilio errors: 404/20404 with its link', async () => {
    const [n] = api.addNumbers(1);
    const client = createTwilioClient(credentials, api.url);
    const updated = await client
      .incomingPhoneNumbers(n?.sid ?? '')
      .update({ smsUrl: 'https://example.com/sms', smsMethod: 'GET' });
    expect([updated.smsUrl, updated.smsMethod]).toEqual(['https://example.com/sms', 'GET']);
    expect(api.requests.at(-1)?.form).toEqual({ SmsUrl: 'https://example.com/sms', SmsMethod: 'GET' });
    await expect(client.incomingPhoneNumbers(`PN${'0'.repeat(32)}`).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
      moreInfo: 'https://www.twilio.com/docs/errors/20404',
    });
  });

  it('does not retry on its own: a 429 reaches the caller after one request', async () => {
    api.addNumbers(1);
    api.knobs.maxConcurrency = 0;
    const client = createTwilioClient(credentials, api.url);
    await expect(client.incomingPhoneNumbers.list()).rejects.toMatchObject({ status: 429, code: 20429 });
    expect(api.stats.requests).toBe(1);
  });

  it('is refused with 401/20003 for a wrong token, and accepted with an API key', async () => {
    const wrong = createTwilioClient({ ...credentials, password: 'wrong-token' }, api.url);
    await expect(wrong.incomingPhoneNumbers.list()).rejects.toMatchObject({ status: 401, code: 20003 });
    api.apiKeys.set(`SK${'5'.repeat(32)}`, 'key-secret');
    const keyed = createTwilioClient(
      { ...credentials, username: `SK${'5'.repeat(32)}`, password: 'key-secret' },
      api.url,
    );
    await expect(keyed.incomingPhoneNumbers.list()).resolves.toEqual([]);
  });
});
