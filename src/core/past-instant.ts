// An instant a past view prints (an edit, a removal, when an entry was added) in the zone its
// days end in, the zone its header names: a view of the end of 31 Jul in Damascus says a removal
// came at 02:30 there on 1 Aug, not at 23:30 UTC the day before.
import { localParts } from './digest/zoned-time.js';
import { instantText } from './instant-text.js';

const two = (n: number) => String(n).padStart(2, '0');

/** `2025-07-31T23:30:00.000Z` → `2025-08-01 02:30 Asia/Damascus`; in UTC, `2025-07-31 23:30 UTC`. */
export function instantIn(iso: string, zone: string): string {
  if (zone === 'UTC') return instantText(iso);
  const p = localParts(Date.parse(iso), zone);
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)} ${zone}`;
}

/** Writes instants on one clock: replies and cards print every instant of theirs the same way. */
export type InstantWriter = (at: Date | string) => string;

/** A writer of instants in `zone`, as instantIn writes them. */
export function instantsIn(zone: string): InstantWriter {
  return (at) => instantIn(typeof at === 'string' ? at : at.toISOString(), zone);
}
