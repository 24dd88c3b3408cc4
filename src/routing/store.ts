/**
 * Where the routing keeps what it remembers between messages (./memory.ts: who each target talks
 * with, when it was sent the relay hint, when a sender was auto-replied to): text values under
 * keys of letters, dashes and digits, each kept for its time to live. Deployed, Twilio Sync backs
 * it; tests use MemoryStore.
 */
export interface Store {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
}

export class MemoryStore implements Store {
  private readonly items = new Map<string, { value: string; expires: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  async get(key: string): Promise<string | undefined> {
    const item = this.items.get(key);
    return item !== undefined && item.expires > this.clock() ? item.value : undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.items.set(key, { value, expires: this.clock() + ttlSeconds * 1000 });
  }
}
