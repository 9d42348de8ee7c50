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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a file may use as a key: a UUID, as every key Sitrep makes is. Exports before keys wrote
 * the CSV event_id as `sitrep-N`, the entry's number in the store it came from, which names a
 * different entry in every other store: such an id is no key.
 */
export function keyProblem(key: string): string | undefined {
  return UUID.test(key) ? undefined : `must be a UUID like 01984a1e-7c40-7d5e-9a51-3c8f6f0e2b17, as an export writes it`;
}

/** A key as stored: UUIDs compare ignoring case, so a key is kept in lower case. */
export const storedKey = (key: string): string => key.toLowerCase();

/** `sitrep-12`: an export's event_id before entries had keys. */
export const isLegacyEventId = (text: string): boolean => /^sitrep-\d+$/.test(text);
