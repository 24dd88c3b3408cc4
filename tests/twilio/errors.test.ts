/**
 * The one reader of errors from outside our code (src/twilio/errors.ts): real errors of the SDK,
 * its HTTP library, the Serverless client and Node, said by name, code, status, Twilio code and
 * message (describeError, for the functions' logs) or read into the fields the commands print
 * (apiErrorInfo); and an error object whose every property read is recorded, to show nothing else
 * is ever looked at.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServerlessClient } from '../../src/deploy/client';
import { ServerlessApiStandIn } from '../../src/stand-in/serverless-api';
import { apiErrorInfo, describeError, isAuthRejected, isNotFound, networkCode } from '../../src/twilio/errors';
import { clientFor, startSyncStandIn } from '../../src/stand-in/sync-api';
import { freePort } from '../helpers/runtime';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'tok3n5ecret1DOTENVAUTH0123456789';
const SERVICE = 'IS0123456789abcdef0123456789abcdef';
const BASIC = Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64');

const rejection = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    await work();
  } catch (cause) {
    return cause;
  }
  throw new Error('expected a rejection');
};

describe('real errors', () => {
  test("the HTTP library's error for a refused connection: its code, not its request", async () => {
    const origin = `http://127.0.0.1:${await freePort()}`;
    const documents = clientFor(origin, ACCOUNT, TOKEN).sync.v1.services(SERVICE).documents;
    const cause = await rejection(() => documents('last-sender-15005550006-15551230001').update({ data: {} }));
    // The control: the object itself carries the Authorization header.
    expect(JSON.stringify((cause as { config?: unknown }).config)).toContain(BASIC);
    expect(describeError(cause)).toMatch(/^AxiosError ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  test("the SDK's RestException: HTTP status, Twilio error code and Twilio's message", async () => {
    const sync = await startSyncStandIn(ACCOUNT, TOKEN, SERVICE);
    try {
      sync.failWith = 503;
      const documents = clientFor(sync.origin, ACCOUNT, TOKEN).sync.v1.services(SERVICE).documents;
      const cause = await rejection(() => documents('anything').fetch());
      expect(describeError(cause)).toBe('RestException (HTTP 503, Twilio error 20500): Internal Server Error');
    } finally {
      await sync.close();
    }
  });

  test("Node's system error: its code and message", async () => {
    const cause = await rejection(() => readFile(tmpdir()));
    expect(describeError(cause)).toBe('Error EISDIR: EISDIR: illegal operation on a directory, read');
  });

  test('an error of our own: its class and message', () => {
    expect(describeError(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
  });
});

describe('odd values', () => {
  test.each([
    ['a string', 'failed', 'failed'],
    ['a number', 42, 'a thrown number'],
    ['null', null, 'a thrown object'],
    ['undefined', undefined, 'a thrown undefined'],
    ['an object without a message', { code: 'ETIMEDOUT' }, 'Error ETIMEDOUT: (no message)'],
    ['a status in the response (axios, got)', { message: 'bad', response: { status: 502 } }, 'Error (HTTP 502): bad'],
    ['a statusCode (got)', { name: 'HTTPError', message: 'bad', statusCode: 500 }, 'HTTPError (HTTP 500): bad'],
    ['a message that is not text', { message: { text: 'nested' } }, 'Error: (no message)'],
  ])('%s', (_what, value, said) => {
    expect(describeError(value)).toBe(said);
  });

  test('a long message is cut, so a quoted body or page stays out', () => {
    const said = describeError(new Error(`start ${'x'.repeat(5000)}`));
    expect(said.length).toBeLessThan(340);
    expect(said).toMatch(/^Error: start x+…$/);
  });

  test('a property that throws when read counts as absent', () => {
    const error = Object.defineProperty(new Error('boom'), 'code', {
      get() {
        throw new Error('no code for you');
      },
    });
    expect(describeError(error)).toBe('Error: boom');
  });
});

const SERVERLESS_ACCOUNT = { accountSid: `AC${'4'.repeat(32)}`, authToken: 'token-client' };

describe("apiErrorInfo: the Serverless client's errors", () => {
  const fake = new ServerlessApiStandIn({ accounts: [SERVERLESS_ACCOUNT] });
  let origin: URL;
  beforeAll(async () => {
    origin = new URL(await fake.start());
  });
  afterAll(() => fake.stop());

  it("reads Twilio's 401 body: a rejection, with the code and link, and no credential in the message", async () => {
    const api = createServerlessClient(
      {
        accountSid: SERVERLESS_ACCOUNT.accountSid,
        username: SERVERLESS_ACCOUNT.accountSid,
        password: 'wrong-token',
        source: 'test',
      },
      origin,
    );
    const cause: unknown = await api.request('get', 'Services').then(
      () => undefined,
      (e: unknown) => e,
    );
    const failure = apiErrorInfo(cause);
    expect(failure).toEqual({
      status: 401,
      code: 20003,
      message: 'Authenticate',
      moreInfo: 'https://www.twilio.com/docs/errors/20003',
    });
    expect(isAuthRejected(failure)).toBe(true);
    expect(JSON.stringify(failure)).not.toContain('wrong-token');
  });

  it('reads a 404 as not found, not as a rejection', async () => {
    const api = createServerlessClient(
      {
        accountSid: SERVERLESS_ACCOUNT.accountSid,
        username: SERVERLESS_ACCOUNT.accountSid,
        password: SERVERLESS_ACCOUNT.authToken,
        source: 'test',
      },
      origin,
    );
    const failure = apiErrorInfo(
      await api.request('get', 'Services/ZS00000000000000000000000000000000').then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(isNotFound(failure)).toBe(true);
    expect(isAuthRejected(failure)).toBe(false);
  });

  it('reads the client-wrapped error (code and details) and anything else by its message', () => {
    const wrapped = Object.assign(new Error('Authenticate'), {
      code: 20003,
      details: { code: 20003, message: 'Authenticate', status: 401 },
    });
    expect(isAuthRejected(apiErrorInfo(wrapped))).toBe(true);
    expect(apiErrorInfo(new Error('socket hang up'))).toEqual({
      message: 'socket hang up',
      status: undefined,
      code: undefined,
      moreInfo: undefined,
    });
    expect(apiErrorInfo('failed').message).toBe('failed');
  });
});

test('reads only name, code, status and message (also as statusCode, response.status): never the request', () => {
  const read: string[] = [];
  const recorded = <T extends object>(target: T, prefix: string): T =>
    new Proxy(target, {
      get(object, key, receiver) {
        read.push(`${prefix}${String(key)}`);
        return Reflect.get(object, key, receiver);
      },
      ownKeys(object) {
        read.push(`${prefix}(all keys)`);
        return Reflect.ownKeys(object);
      },
    });
  const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
    name: 'AxiosError',
    code: 'ECONNREFUSED',
    config: { headers: { Authorization: `Basic ${BASIC}` }, data: 'Data=%7B%22value%22%3A%22%2B14155550143%22%7D' },
    request: { _header: `Authorization: Basic ${BASIC}` },
    response: recorded({ status: 502, config: {}, data: 'x' }, 'response.'),
  });
  expect(describeError(recorded(error, ''))).toBe(
    'AxiosError ECONNREFUSED (HTTP 502): connect ECONNREFUSED 127.0.0.1:9',
  );
  expect(new Set(read)).toEqual(
    new Set(['code', 'status', 'statusCode', 'response', 'response.status', 'response.statusCode', 'message', 'name']),
  );
});

describe('networkCode', () => {
  test("the system's code, on the error or on its cause (fetch); else its name; never the message", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(networkCode(new TypeError('fetch failed', { cause: refused }))).toBe('ECONNREFUSED');
    expect(networkCode(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
    expect(networkCode(new TypeError('fetch failed https://hooks.slack.com/services/T/B/secret'))).toBe('TypeError');
    expect(networkCode(Object.assign(new Error('x'), { code: 'not a code: https://x' }))).toBe('Error');
    expect(networkCode('a string')).toBe('unknown');
  });
});
