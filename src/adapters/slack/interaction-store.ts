// Short-lived memory for what a button cannot carry itself: the parts of a long answer that
// cannot be run again (an admin's), or a page request too large for a button value. Entries
// expire with the response_url they serve, and a restart clears them.
import { randomBytes } from 'node:crypto';
import { RESPONSE_URL_LIFETIME_MS } from './limits.js';

/** Enough for every open result of a busy workspace; the oldest entries go first beyond it. */
const MAX_ENTRIES = 2000;

export class ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = RESPONSE_URL_LIFETIME_MS,
  ) {}

  /** Stores a value under a fresh random key and returns the key. */
  put(value: T): string {
    this.prune();
    const key = randomBytes(8).toString('hex');
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    return key;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    while (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

/** Remembers delivery ids (trigger ids) so a redelivered request is not run a second time. */
export class SeenIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = RESPONSE_URL_LIFETIME_MS,
  ) {}

  /** True the first time an id is offered (within the time-to-live), false afterwards. */
  firstTime(id: string): boolean {
    const now = this.now();
    const expiresAt = this.seen.get(id);
    if (expiresAt !== undefined && expiresAt > now) return false;
    if (this.seen.size >= MAX_ENTRIES * 5) {
      for (const [key, until] of this.seen) if (until <= now) this.seen.delete(key);
      while (this.seen.size >= MAX_ENTRIES * 5) this.seen.delete(this.seen.keys().next().value as string);
    }
    this.seen.set(id, now + this.ttlMs);
    return true;
  }
}
