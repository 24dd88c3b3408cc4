import { api as calls } from '@twilio-labs/serverless-api';
import { createServerlessClient } from '../../src/deploy/client';
import { API_HOST, ServerlessApiStandIn, UPLOAD_HOST } from '../../src/stand-in/serverless-api';
import { parseBaseUrl, SERVERLESS_BASE_URL } from '../../src/twilio/base-url';

const ACCOUNT = { accountSid: `AC${'1'.repeat(32)}`, authToken: 'token-base-url' };
const credentials = {
  accountSid: ACCOUNT.accountSid,
  username: ACCOUNT.accountSid,
  password: ACCOUNT.authToken,
  source: 'test',
};

describe('parseBaseUrl(SERVERLESS_BASE_URL)', () => {
  it('accepts an http(s) origin, and nothing when unset', () => {
    expect(parseBaseUrl(SERVERLESS_BASE_URL, 'http://127.0.0.1:4011')).toEqual({
      origin: new URL('http://127.0.0.1:4011'),
    });
    expect(parseBaseUrl(SERVERLESS_BASE_URL, undefined)).toEqual({});
    expect(parseBaseUrl(SERVERLESS_BASE_URL, ' ')).toEqual({});
  });

  it.each([
    'not a url',
    'ftp://127.0.0.1',
    'http://127.0.0.1:4011/v1',
    'http://u:p@127.0.0.1',
    'http://127.0.0.1/?x=1',
  ])('refuses %s', (value) => {
    expect(parseBaseUrl(SERVERLESS_BASE_URL, value).problem).toMatch(/TWILIO_SERVERLESS_BASE_URL/);
  });
});

describe('redirectRequests (through createServerlessClient)', () => {
  const fake = new ServerlessApiStandIn({ accounts: [ACCOUNT], pageSize: 1 });
  let origin: URL;
  beforeAll(async () => {
    origin = new URL(await fake.start());
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.requests.splice(0));

  it('sends API calls to the origin with the path, the Host and the Basic auth unchanged', async () => {
    const api = createServerlessClient(credentials, origin);
    const response = await api.request('get', 'Services');
    expect(response.statusCode).toBe(200);
    expect(fake.requests).toEqual([
      expect.objectContaining({ method: 'GET', host: API_HOST, path: '/v1/Services', accountSid: ACCOUNT.accountSid }),
    ]);
  });

  it('keeps the upload host of a request made with the upload prefix', async () => {
    const api = createServerlessClient(credentials, origin);
    await api.request('get', 'Services', { prefixUrl: `https://${UPLOAD_HOST}/v1` }).catch(() => undefined);
    expect(fake.requests.map((r) => `${r.host}${r.path}`)).toEqual([`${UPLOAD_HOST}/v1/Services`]);
  });

  it('follows absolute next_page_urls through the origin too', async () => {
    fake.addService('one', ACCOUNT.accountSid);
    fake.addService('two', ACCOUNT.accountSid);
    fake.addService('three', ACCOUNT.accountSid);
    const api = createServerlessClient(credentials, origin);
    const services = await calls.listServices(api);
    expect(services.map((s) => s.unique_name)).toEqual(['one', 'two', 'three']);
    expect(fake.requests.map((r) => r.query)).toEqual(['', '?PageSize=1&Page=1', '?PageSize=1&Page=2']);
  });

  it('refuses to send anything to a host it does not cover', async () => {
    const api = createServerlessClient(credentials, origin);
    await expect(api.request('get', 'x', { prefixUrl: 'https://example.com' })).rejects.toThrow(/example\.com/);
    expect(fake.requests).toEqual([]);
  });
});
