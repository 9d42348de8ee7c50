// Memory for what a carrier cannot hold itself: an action too long for the platform's carrier,
// the parts of an answer that cannot be run again (an admin's), an open form. It only has to
// outlive one person's reading or typing: an entry expires after a quiet spell (each use restarts
// the clock), the oldest go first beyond a cap, and a restart clears it.
import { randomBytes } from 'node:crypto';

/** How long buttons and forms that live in memory last after their last use, on every platform. */
export const INTERACTION_LIFETIME_MS = 30 * 60_000;
/** Enough for every open result of a busy workspace. */
export const MAX_REMEMBERED = 5000;

export interface MemoryOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class ExpiringMemory<T> {
  // Insertion order is kept equal to expiry order (a use re-inserts), so pruning reads the front.
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryOptions = {}) {
    this.ttlMs = options.ttlMs ?? INTERACTION_LIFETIME_MS;
    this.maxEntries = options.maxEntries ?? MAX_REMEMBERED;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Keeps a value under a fresh key (12 characters, so it fits any platform's carrier). */
  put(value: T): string {
    this.prune();
    let key = randomBytes(9).toString('base64url');
    while (this.entries.has(key)) key = randomBytes(9).toString('base64url');
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    return key;
  }

  /** The value, with its clock restarted; undefined when unknown or expired. */
  use(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    entry.expiresAt = this.now() + this.ttlMs;
    this.entries.set(key, entry);
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
