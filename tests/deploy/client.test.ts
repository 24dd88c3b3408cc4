import { apiFailure, createServerlessClient, isNotFound, isRejection } from '../../src/deploy/client';
import { ServerlessApiStandIn } from '../../src/stand-in/serverless-api';

const ACCOUNT = { accountSid: `AC${'4'.repeat(32)}`, authToken: 'token-client' };

describe('apiFailure', () => {
  const fake = new ServerlessApiStandIn({ accounts: [ACCOUNT] });
  let origin: URL;
  beforeAll(async () => {
    origin = new URL(await fake.start());
  });
  afterAll(() => fake.stop());

  it("reads Twilio's 401 body: a rejection, with the code and link, and no credential in the message", async () => {
    const api = createServerlessClient(
      { accountSid: ACCOUNT.accountSid, username: ACCOUNT.accountSid, password: 'wrong-token', source: 'test' },
      origin,
    );
    const cause: unknown = await api.request('get', 'Services').then(
      () => undefined,
      (e: unknown) => e,
    );
    const failure = apiFailure(cause);
    expect(failure).toEqual({
      status: 401,
      code: 20003,
      message: 'Authenticate',
      moreInfo: 'https://www.twilio.com/docs/errors/20003',
    });
    expect(isRejection(failure)).toBe(true);
    expect(JSON.stringify(failure)).not.toContain('wrong-token');
  });

  it('reads a 404 as not found, not as a rejection', async () => {
    const api = createServerlessClient(
      { accountSid: ACCOUNT.accountSid, username: ACCOUNT.accountSid, password: ACCOUNT.authToken, source: 'test' },
      origin,
    );
    const failure = apiFailure(
      await api.request('get', 'Services/ZS00000000000000000000000000000000').then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(isNotFound(failure)).toBe(true);
    expect(isRejection(failure)).toBe(false);
  });

  it('reads the client-wrapped error (code and details) and anything else by its message', () => {
    const wrapped = Object.assign(new Error('Authenticate'), {
      code: 20003,
      details: { code: 20003, message: 'Authenticate', status: 401 },
    });
    expect(isRejection(apiFailure(wrapped))).toBe(true);
    expect(apiFailure(new Error('socket hang up'))).toEqual({
      message: 'socket hang up',
      status: undefined,
      code: undefined,
      moreInfo: undefined,
    });
    expect(apiFailure('failed').message).toBe('failed');
  });
});
