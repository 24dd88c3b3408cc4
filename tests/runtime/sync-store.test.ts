import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import { SyncStore } from '../../src/runtime/sync-store';
import { clientFor, startSyncStandIn, type SyncStandIn } from '../../src/stand-in/sync-api';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'sync-test-token';
const SERVICE = 'IS0123456789abcdef0123456789abcdef';

describe('SyncStore against a stand-in of the Sync Documents API', () => {
  let sync: SyncStandIn;
  let store: SyncStore;
  beforeAll(async () => {
    sync = await startSyncStandIn(ACCOUNT, TOKEN, SERVICE);
    store = new SyncStore(clientFor(sync.origin, ACCOUNT, TOKEN), SERVICE);
  });
  afterAll(() => sync.close());
  beforeEach(() => {
    sync.calls.length = 0;
    sync.failWith = undefined;
  });

  it('answers undefined for a key never set', async () => {
    expect(await store.get('last-sender-15005550006-15551230000')).toBeUndefined();
  });

  it('creates a document on first set, with its TTL, and updates it afterwards', async () => {
    await store.set('auto-replied-15005550006-12125550143', 'first', 3600);
    expect(sync.documents.get('auto-replied-15005550006-12125550143')).toEqual({
      uniqueName: 'auto-replied-15005550006-12125550143',
      data: { value: 'first' },
      ttl: 3600,
    });
    await store.set('auto-replied-15005550006-12125550143', 'second', 60);
    expect(await store.get('auto-replied-15005550006-12125550143')).toBe('second');
    expect(sync.documents.get('auto-replied-15005550006-12125550143')?.ttl).toBe(60);
    expect(sync.calls.filter((c) => c.startsWith('POST'))).toEqual([
      `POST /v1/Services/${SERVICE}/Documents/auto-replied-15005550006-12125550143`,
      `POST /v1/Services/${SERVICE}/Documents`,
      `POST /v1/Services/${SERVICE}/Documents/auto-replied-15005550006-12125550143`,
    ]);
  });

  it('ignores a document whose data is not ours', async () => {
    sync.documents.set('odd', { uniqueName: 'odd', data: { value: 42 } });
    expect(await store.get('odd')).toBeUndefined();
  });

  it('lets a Sync outage reach the caller, which routes without memory: one request each, no create', async () => {
    sync.failWith = 503;
    await expect(store.get('anything')).rejects.toMatchObject({ status: 503 });
    await expect(store.set('anything', 'x', 60)).rejects.toMatchObject({ status: 503 });
    expect(sync.calls).toEqual([
      `GET /v1/Services/${SERVICE}/Documents/anything`,
      `POST /v1/Services/${SERVICE}/Documents/anything`,
    ]);
  });

  it('another invocation creating the document between our update and create: ours updates it', async () => {
    const key = 'last-sender-15005550006-15551230001';
    // The real SDK, whose first "not found" lets the other invocation's create land first.
    class Racing extends twilio.RequestClient {
      override async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
        const url = new URL(opts.uri);
        const response = await super.request({ ...opts, uri: `${sync.origin}${url.pathname}${url.search}` });
        if (response.statusCode === 404 && !sync.documents.has(key))
          sync.documents.set(key, { uniqueName: key, data: { value: 'theirs' }, ttl: 600 });
        return response;
      }
    }
    const racing = new SyncStore(twilio(ACCOUNT, TOKEN, { httpClient: new Racing() }), SERVICE);
    await racing.set(key, 'ours', 60);
    expect(sync.documents.get(key)).toEqual({ uniqueName: key, data: { value: 'ours' }, ttl: 60 });
    expect(sync.calls).toEqual([
      `POST /v1/Services/${SERVICE}/Documents/${key}`,
      `POST /v1/Services/${SERVICE}/Documents`,
      `POST /v1/Services/${SERVICE}/Documents/${key}`,
    ]);
  });

  it('a create refused for another reason than "exists" reaches the caller, with nothing retried', async () => {
    const key = 'auto-replied-15005550006-12125550100';
    class Refusing extends twilio.RequestClient {
      override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
        const url = new URL(opts.uri);
        // The create (POST to the collection) is answered by Sync's rate limit, the rest by the stand-in.
        if (url.pathname.endsWith('/Documents'))
          return Promise.resolve({
            statusCode: 429,
            body: { code: 20429, message: 'Too Many Requests', status: 429 },
          } as Response<TData>);
        return super.request({ ...opts, uri: `${sync.origin}${url.pathname}${url.search}` });
      }
    }
    const refused = new SyncStore(twilio(ACCOUNT, TOKEN, { httpClient: new Refusing() }), SERVICE);
    await expect(refused.set(key, 'x', 60)).rejects.toMatchObject({ status: 429, code: 20429 });
    expect(sync.calls).toEqual([`POST /v1/Services/${SERVICE}/Documents/${key}`]);
    expect(sync.documents.has(key)).toBe(false);
  });
});

describe('SyncStore with a client that fails without an error object', () => {
  // A library may reject with anything: it reaches the caller as it is, whatever it is.
  const rejecting = (reason: unknown) => {
    const document = () => ({ fetch: () => Promise.reject(reason), update: () => Promise.reject(reason) });
    const documents = Object.assign(document, { create: () => Promise.reject(reason) });
    return { sync: { v1: { services: () => ({ documents }) } } } as unknown as ConstructorParameters<
      typeof SyncStore
    >[0];
  };

  it.each([[null], [undefined], ['a string'], [404]])('rejected with %p', async (reason) => {
    const store = new SyncStore(rejecting(reason), 'IS0');
    await expect(store.get('key')).rejects.toBe(reason);
    await expect(store.set('key', 'x', 60)).rejects.toBe(reason);
  });
});
