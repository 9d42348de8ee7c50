// Which stored entry each checked import row is, looked up for the whole file at once (one query
// per row cost more than checking the row itself): by key, by source URL, or by date and title.
import type { EntryInput } from '../core/domain.js';
import { firstDay, toIsoPartial } from '../core/partial-date.js';
import { foldKey } from '../core/text.js';
import { citingEntries } from '../store/citing-entries.js';
import type { Db } from '../store/connection.js';

/** Same date and title: titles compare folded (case, accents and punctuation ignored). */
export const dateTitleKey = (date: string, title: string) => `${date}\u0000${foldKey(title)}`;

export interface StoredMatches {
  /** Entries by key, removed ones too: a key names one entry for good. */
  byKey: Map<string, { id: number; removed: boolean }>;
  /** Live entries by source URL (the oldest citing it). */
  byUrl: Map<string, number>;
  /** Live entries by dateTitleKey (the oldest). */
  byDateTitle: Map<string, number>;
}

export function storedMatches(db: Db, inputs: readonly EntryInput[], keys: readonly (string | undefined)[], urls: readonly string[][]): StoredMatches {
  const byKey = new Map<string, { id: number; removed: boolean }>();
  const keyed = db
    .prepare('SELECT j.value, e.id, e.deleted_at IS NOT NULL FROM json_each(?) j JOIN entries e ON e.key = j.value')
    .raw()
    .iterate(JSON.stringify([...new Set(keys.filter((k): k is string => k !== undefined))])) as IterableIterator<[string, number, number]>;
  for (const [key, id, removed] of keyed) byKey.set(key, { id, removed: removed === 1 });
  const byUrl = citingEntries((sql) => db.prepare(sql), urls.flat());
  // The stored entries starting on the file's days, through the by-date index, titles folded.
  const byDateTitle = new Map<string, number>();
  const stored = db
    .prepare('SELECT e.occurred_on, e.title, e.id FROM json_each(?) j JOIN entries e ON e.day_from = j.value AND e.deleted_at IS NULL ORDER BY e.id DESC')
    .raw()
    .iterate(JSON.stringify([...new Set(inputs.map((input) => firstDay(input.start)))])) as IterableIterator<[string, string, number]>;
  // Newest first, so the oldest entry with a key is the one named.
  for (const [date, title, id] of stored) byDateTitle.set(dateTitleKey(date, title), id);
  return { byKey, byUrl, byDateTitle };
}

/**
 * Whether a row matched to a stored entry gives another title and another date: another event
 * (a row copied to enter it, keeping the entry's link or key), not a correction.
 */
export const anotherEvent = (stored: EntryInput, row: EntryInput): boolean =>
  foldKey(stored.title) !== foldKey(row.title) && toIsoPartial(stored.start) !== toIsoPartial(row.start);

/**
 * The live entry a row would correct, by its key, else by its flat source link: for a row refused
 * before it is matched, whose refusal then names that entry.
 */
export function entryRowCorrects(db: Db, key: string | undefined, url: unknown): number | undefined {
  const byKey = key !== undefined ? (db.prepare('SELECT id FROM entries WHERE key = ? AND deleted_at IS NULL').pluck().get(key) as number | undefined) : undefined;
  if (byKey !== undefined || typeof url !== 'string' || url.trim() === '') return byKey;
  return citingEntries((sql) => db.prepare(sql), [url.trim()]).get(url.trim());
}
