// Reads an entry's full editable state (the same shape revisions snapshot), live or removed.
import type { EntryInput } from '../core/domain.js';
import { parsePartialDate } from '../core/partial-date.js';
import type { ActorRole, Confidence, EventType } from '../core/vocabulary.js';
import type { Db } from './connection.js';
import { readClaims } from './entry-claims.js';
import { SOURCES_OF_ENTRY, toFatalities, toSourceRecord, type FatalitiesRow, type SourceRow } from './entry-rows.js';
import { statementsOf } from './statement-cache.js';

interface StateRow {
  topic: string;
  title: string;
  summary: string;
  event_type: string;
  occurred_on: string;
  ends_on: string | null;
  confidence: string;
  deleted_at: string | null;
}

export interface EntryState {
  input: EntryInput;
  deleted: boolean;
}

const SOURCES_FROM_ROW = 'SELECT outlet, url, attribution, published_on, grade FROM sources WHERE id >= ? AND entry_id = ? ORDER BY position';

/**
 * `sourcesFrom`: the row id of the entry's first source, for an entry just written by a bulk load,
 * which drops the sources' index by entry until it ends (its sources are then the table's last rows).
 */
export function readEntryState(connection: Db, id: number, sourcesFrom?: number): EntryState | undefined {
  // Creation snapshots read entries back one by one, a whole import's worth.
  const cache = statementsOf(connection);
  const row = cache
    .get('SELECT topic, title, summary, event_type, occurred_on, ends_on, confidence, deleted_at FROM entries WHERE id = ?')
    .get(id) as StateRow | undefined;
  if (!row) return undefined;
  const places = cache
    .get('SELECT p.name FROM entry_places ep JOIN places p ON p.id = ep.place_id WHERE ep.entry_id = ? ORDER BY ep.position')
    .pluck()
    .all(id) as string[];
  const actors = cache
    .get('SELECT actor_id AS actorId, role FROM entry_actors WHERE entry_id = ? ORDER BY position')
    .all(id) as { actorId: number; role: ActorRole }[];
  const sourceRows = sourcesFrom === undefined ? cache.get(SOURCES_OF_ENTRY).all(id) : cache.get(SOURCES_FROM_ROW).all(sourcesFrom, id);
  const sources = (sourceRows as SourceRow[]).map(toSourceRecord);
  const tags = cache.get('SELECT tag FROM entry_tags WHERE entry_id = ? ORDER BY tag').pluck().all(id) as string[];
  const input: EntryInput = {
    topic: row.topic,
    title: row.title,
    summary: row.summary,
    eventType: row.event_type as EventType,
    start: parsePartialDate(row.occurred_on)!,
    confidence: row.confidence as Confidence,
    places,
    actors,
    sources,
    tags,
  };
  if (row.ends_on) input.end = parsePartialDate(row.ends_on)!;
  const fatalities = cache.get('SELECT low, best, high, source FROM entry_fatalities WHERE entry_id = ?').get(id) as FatalitiesRow | undefined;
  if (fatalities) input.fatalities = toFatalities(fatalities);
  // Left out when there are none, as in revisions written before entries had claims.
  const claims = readClaims(cache, id);
  if (claims.length > 0) input.claims = claims;
  return { input, deleted: row.deleted_at !== null };
}
