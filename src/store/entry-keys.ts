// Stable entry keys: what a file names an entry by, kept across export and import (migration 0012).
import { randomUUID } from 'node:crypto';

/**
 * A new key: a UUID of version 7 (RFC 9562), unique across stores and ordered by creation time,
 * so keys made one after another are appended to their index rather than scattered through it.
 * Its random bits are those of a version-4 UUID from node:crypto, which draws them from a cached
 * pool: the `uuid` package's v7 took 15–20 µs a key, 2 s of a 100,000-row import.
 */
export function newEntryKey(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

/** The longest key a file may give (a UUID has 36 characters; other tools' ids are shorter). */
export const MAX_KEY_LENGTH = 100;

/**
 * What a file may use as a key: printable text without spaces. Exports before keys wrote the
 * CSV event_id as `sitrep-N`, the entry's number in the store it came from, which names a
 * different entry in every other store: such an id is no key.
 */
export function keyProblem(key: string): string | undefined {
  if (key.length > MAX_KEY_LENGTH) return `is ${key.length} characters; a key has at most ${MAX_KEY_LENGTH}`;
  if (!/^[\x21-\x7e]+$/.test(key)) return 'may hold only printable ASCII characters, without spaces';
  return undefined;
}

/** `sitrep-12`: an export's event_id before entries had keys. */
export const isLegacyEventId = (text: string): boolean => /^sitrep-\d+$/.test(text);
