// Short fingerprints of text, for telling whether text is what it was without keeping it: a
// feed's items between two checks (64 bits), an item's key and digest as its row holds them, an
// article key the reports' link cache files reports by (32).

/**
 * Two 32-bit hashes of `text` from `from` to `to`, mixed from one pass (after cyrb53), written
 * into `out` at `at` and `at + 1`.
 */
export function fingerprint64(text: string, from: number, to: number, out: Uint32Array, at: number): void {
  let h1 = 0xdeadbeef ^ (to - from);
  let h2 = 0x41c6ce57 ^ (to - from);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[at] = h1 >>> 0;
  out[at + 1] = h2 >>> 0;
}

const scratch = new Uint32Array(2);

/** A 32-bit hash of the whole of `text`. */
export function fingerprint32(text: string): number {
  fingerprint64(text, 0, text.length, scratch, 0);
  return (scratch[0]! ^ scratch[1]!) >>> 0;
}
