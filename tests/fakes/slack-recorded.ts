// Recorded calls that a test can await instead of sleeping.

/** A list that can be awaited until it satisfies a condition, so tests never sleep. */
export class Recorded<T> {
  readonly items: T[] = [];
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  push(item: T): void {
    this.items.push(item);
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves with the matching items once there are at least `count`; fails after `timeoutMs`. */
  async atLeast(count: number, filter: (item: T) => boolean = () => true, timeoutMs = 15_000): Promise<T[]> {
    const matching = () => this.items.filter(filter);
    if (matching().length >= count) return matching();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${count} item(s), have ${matching().length}`)), timeoutMs);
      this.waiters.push({ check: () => matching().length >= count, resolve: () => (clearTimeout(timer), resolve()) });
    });
    return matching();
  }
}
