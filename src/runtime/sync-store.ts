import type { Twilio as TwilioClient } from 'twilio';
import type { Store } from '../routing/store';

/** Twilio's "not found" (20404), and Sync's "unique name already exists" (54301). */
const NOT_FOUND = 20404;
const EXISTS = 54301;

const code = (cause: unknown): unknown =>
  typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;

/**
 * The store backed by Twilio Sync Documents: one small document per key, expiring with its TTL.
 * https://www.twilio.com/docs/sync/api/document-resource
 */
export class SyncStore implements Store {
  constructor(
    private readonly client: TwilioClient,
    private readonly serviceSid: string,
  ) {}

  private documents() {
    return this.client.sync.v1.services(this.serviceSid).documents;
  }

  async get(key: string): Promise<string | undefined> {
    try {
      const document = await this.documents()(key).fetch();
      const value: unknown = (document.data as { value?: unknown } | null)?.value;
      return typeof value === 'string' ? value : undefined;
    } catch (cause) {
      if (code(cause) === NOT_FOUND) return undefined;
      throw cause;
    }
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    const data = { value };
    try {
      await this.documents()(key).update({ data, ttl: ttlSeconds });
    } catch (cause) {
      if (code(cause) !== NOT_FOUND) throw cause;
      try {
        await this.documents().create({ uniqueName: key, data, ttl: ttlSeconds });
      } catch (again) {
        // Another invocation created it between our update and create: update it.
        if (code(again) !== EXISTS) throw again;
        await this.documents()(key).update({ data, ttl: ttlSeconds });
      }
    }
  }
}
