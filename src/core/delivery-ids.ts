// Deliveries a platform may send again (Slack retries what it thinks went unanswered): each id is
// remembered for a while, so a repeat is recognised and dropped instead of answered twice.

/** Enough ids for a busy half hour; the oldest go first beyond it. */
const MAX_SEEN = 10_000;

export class DeliveryIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is offered (within the lifetime), false afterwards. */
  firstTime(id: string): boolean {
    const now = this.now();
    if ((this.seen.get(id) ?? 0) > now) return false;
    this.seen.delete(id);
    // Insertion order is expiry order (a repeat re-inserts), so pruning reads the front.
    for (const [key, until] of this.seen) {
      if (until > now && this.seen.size < MAX_SEEN) break;
      this.seen.delete(key);
    }
    this.seen.set(id, now + this.lifetimeMs);
    return true;
  }
}
