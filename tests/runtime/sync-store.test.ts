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

  it('lets a Sync outage reach the caller, which routes without memory', async () => {
    sync.failWith = 503;
    await expect(store.get('anything')).rejects.toMatchObject({ status: 503 });
    await expect(store.set('anything', 'x', 60)).rejects.toMatchObject({ status: 503 });
  });
});
