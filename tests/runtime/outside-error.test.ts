/**
 * The one describer of errors from outside our code (src/runtime/outside-error.ts): real errors of
 * the SDK, its HTTP library and Node, said by name, code, status, Twilio code and message, and an
 * error object whose every property read is recorded, to show nothing else is ever looked at.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describeError } from '../../src/runtime/outside-error';
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
