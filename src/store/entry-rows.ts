// Turns entry rows into domain records, fetching places, actors and fatalities for a page in three queries.
import type { EntrySummary, Fatalities, SourceRecord } from '../core/domain.js';
import { parsePartialDate, type PartialDate } from '../core/partial-date.js';
import type { ActorRole, Confidence, EventType } from '../core/vocabulary.js';
import type { StatementCache } from './statement-cache.js';

export interface EntryRow {
  id: number;
  topic: string;
  title: string;
  event_type: string;
  occurred_on: string;
  ends_on: string | null;
  confidence: string;
}

export const ENTRY_ROW_COLUMNS = 'e.id, e.topic, e.title, e.event_type, e.occurred_on, e.ends_on, e.confidence';

function storedDate(text: string): PartialDate {
  const date = parsePartialDate(text);
  if (!date) throw new Error(`Stored date "${text}" is not a partial ISO date`);
  return date;
}

export function hydrateEntries(cache: StatementCache, rows: EntryRow[]): EntrySummary[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const places = cache
    .get(
      `SELECT ep.entry_id, p.name FROM entry_places ep JOIN places p ON p.id = ep.place_id
       WHERE ep.entry_id IN (SELECT value FROM json_each(?)) ORDER BY ep.entry_id, ep.position`,
    )
    .all(ids) as { entry_id: number; name: string }[];
  const actors = cache
    .get(
      `SELECT ea.entry_id, ea.actor_id, ea.role, a.name FROM entry_actors ea JOIN actors a ON a.id = ea.actor_id
       WHERE ea.entry_id IN (SELECT value FROM json_each(?)) ORDER BY ea.entry_id, ea.position`,
    )
    .all(ids) as { entry_id: number; actor_id: number; role: string; name: string }[];
  const fatalities = new Map(
    (cache
      .get('SELECT entry_id, low, best, high, source FROM entry_fatalities WHERE entry_id IN (SELECT value FROM json_each(?))')
      .all(ids) as (FatalitiesRow & { entry_id: number })[]).map((f) => [f.entry_id, toFatalities(f)]),
  );
  return rows.map((row) => {
    const entry: EntrySummary = {
      id: row.id,
      topic: row.topic,
      title: row.title,
      eventType: row.event_type as EventType,
      start: storedDate(row.occurred_on),
      confidence: row.confidence as Confidence,
      places: places.filter((p) => p.entry_id === row.id).map((p) => p.name),
      actors: actors
        .filter((a) => a.entry_id === row.id)
        .map((a) => ({ actorId: a.actor_id, name: a.name, role: a.role as ActorRole })),
    };
    if (row.ends_on) entry.end = storedDate(row.ends_on);
    const figures = fatalities.get(row.id);
    if (figures) entry.fatalities = figures;
    return entry;
  });
}

/** Sources of one entry, in the order they were given. */
export const SOURCES_OF_ENTRY = 'SELECT outlet, url, attribution, published_on, grade FROM sources WHERE entry_id = ? ORDER BY position';

export interface SourceRow {
  outlet: string;
  url: string | null;
  attribution: string | null;
  published_on?: string | null;
  grade: string | null;
}

export function toSourceRecord(row: SourceRow): SourceRecord {
  const source: SourceRecord = { outlet: row.outlet };
  if (row.url) source.url = row.url;
  if (row.attribution) source.attribution = row.attribution;
  if (row.published_on) source.published = row.published_on;
  if (row.grade) source.grade = row.grade;
  return source;
}

export interface FatalitiesRow {
  low: number | null;
  best: number;
  high: number | null;
  source: string;
}

export function toFatalities(row: FatalitiesRow): Fatalities {
  return { ...(row.low === null ? {} : { low: row.low }), best: row.best, ...(row.high === null ? {} : { high: row.high }), source: row.source };
}
