// Reads an entry's full editable state (the same shape revisions snapshot), live or removed.
import type { EntryInput } from '../core/domain.js';
import { parsePartialDate } from '../core/partial-date.js';
import type { ActorRole, Confidence, EventType } from '../core/vocabulary.js';
import type { Db } from './connection.js';
import { readClaims } from './entry-claims.js';
import { SOURCES_OF_ENTRY, toFatalities, toSourceRecord, type FatalitiesRow, type SourceRow } from './entry-rows.js';

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

export function readEntryState(db: Db, id: number): EntryState | undefined {
  const row = db
    .prepare('SELECT topic, title, summary, event_type, occurred_on, ends_on, confidence, deleted_at FROM entries WHERE id = ?')
    .get(id) as StateRow | undefined;
  if (!row) return undefined;
  const places = db
    .prepare('SELECT p.name FROM entry_places ep JOIN places p ON p.id = ep.place_id WHERE ep.entry_id = ? ORDER BY ep.position')
    .pluck()
    .all(id) as string[];
  const actors = db
    .prepare('SELECT actor_id AS actorId, role FROM entry_actors WHERE entry_id = ? ORDER BY position')
    .all(id) as { actorId: number; role: ActorRole }[];
  const sources = (db.prepare(SOURCES_OF_ENTRY).all(id) as SourceRow[]).map(toSourceRecord);
  const tags = db.prepare('SELECT tag FROM entry_tags WHERE entry_id = ? ORDER BY tag').pluck().all(id) as string[];
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
  const fatalities = db.prepare('SELECT low, best, high, source FROM entry_fatalities WHERE entry_id = ?').get(id) as FatalitiesRow | undefined;
  if (fatalities) input.fatalities = toFatalities(fatalities);
  // Left out when there are none, as in revisions written before entries had claims.
  const claims = readClaims(db, id);
  if (claims.length > 0) input.claims = claims;
  return { input, deleted: row.deleted_at !== null };
}
