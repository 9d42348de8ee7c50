// Turns stored entries into export rows: the import format (so an export re-imports), plus
// ACLED's column names where a column has an ACLED equivalent.
import type { EntryDetail } from '../core/domain.js';
import { firstDay, toIsoPartial } from '../core/partial-date.js';
import { eventTypeLabel } from '../core/vocabulary.js';

export interface ExportRow {
  title: string;
  summary: string;
  date: string;
  end?: string;
  type: string;
  topic: string;
  places: string[];
  actors: string[];
  sources: { url?: string; outlet: string; attribution?: string; published?: string }[];
  confidence: string;
  tags: string[];
}

export function exportRow(entry: EntryDetail): ExportRow {
  return {
    title: entry.title,
    summary: entry.summary,
    date: toIsoPartial(entry.start),
    ...(entry.end ? { end: toIsoPartial(entry.end) } : {}),
    type: entry.eventType,
    topic: entry.topic,
    places: entry.places,
    actors: entry.actors.map((a) => `${a.name}:${a.role}`),
    sources: entry.sources,
    confidence: entry.confidence,
    tags: entry.tags,
  };
}

/** ACLED's time_precision: 1 for a known day, 3 for a month or broader. */
const timePrecision = (entry: EntryDetail) => (entry.start.day !== undefined ? 1 : 3);

export const CSV_COLUMNS = [
  'event_id', 'event_date', 'time_precision', 'event_type', 'actor1', 'actor2', 'location', 'source', 'notes',
  'title', 'date', 'end', 'type', 'topic', 'places', 'actors', 'source_url', 'outlet', 'attribution', 'published',
  'confidence', 'tags',
] as const;

/** One CSV row; the flat source columns hold the first source, `source` names every outlet. */
export function csvRow(entry: EntryDetail): Record<(typeof CSV_COLUMNS)[number], string | number> {
  const initiators = entry.actors.filter((a) => a.role === 'initiator');
  const actor1 = initiators[0] ?? entry.actors[0];
  const actor2 = entry.actors.find((a) => a !== actor1 && a.role !== 'initiator');
  const [source] = entry.sources;
  return {
    event_id: `sitrep-${entry.id}`,
    event_date: firstDay(entry.start),
    time_precision: timePrecision(entry),
    event_type: eventTypeLabel(entry.eventType),
    actor1: actor1?.name ?? '',
    actor2: actor2?.name ?? '',
    location: entry.places[0] ?? '',
    source: entry.sources.map((s) => s.outlet).join('; '),
    notes: entry.summary,
    title: entry.title,
    date: toIsoPartial(entry.start),
    end: entry.end ? toIsoPartial(entry.end) : '',
    type: entry.eventType,
    topic: entry.topic,
    places: entry.places.join(', '),
    actors: entry.actors.map((a) => `${a.name}:${a.role}`).join(', '),
    source_url: source?.url ?? '',
    outlet: source?.outlet ?? '',
    attribution: source?.attribution ?? '',
    published: source?.published ?? '',
    confidence: entry.confidence,
    tags: entry.tags.join(', '),
  };
}
