// Turns stored entries into export rows: the import format (so an export re-imports), plus
// ACLED's column names where a column has an ACLED equivalent. Each row says which revision of
// its entry it shows, and an empty field is written empty (not left out): the JSON and CSV
// exports of one store re-import alike, "none" included.
import type { ClaimDetail, EntryDetail, SourceRecord } from '../core/domain.js';
import { fatalitiesText } from '../core/fatalities.js';
import { toIsoPartial } from '../core/partial-date.js';
import { acledCopiedColumns } from './acled-copied-columns.js';
import type { ActorFactsById } from './acled-sides.js';
import { guardRow } from './csv-cells.js';
import { exportedRefs, type RefOfPlace } from './place-refs.js';

export interface ExportRow {
  /** The entry's stable key: a corrected file re-imported corrects the entry it names. */
  key?: string;
  /** The entry's latest revision at export, its number and time (`27@2025-07-24T09:15:00.000Z`): an import merges the row with what changed since (see row-revision). */
  revision?: string;
  title: string;
  summary: string;
  date: string;
  /** null when the entry has none: a re-import clears it, as the CSV's empty cell does. */
  end: string | null;
  type: string;
  topic: string;
  places: string[];
  /** The gazetteer record of each located place (see place-refs): a re-import finds the same place. */
  place_refs?: Record<string, string>;
  actors: string[];
  sources: SourceRecord[];
  confidence: string;
  tags: string[];
  fatalities: string | null;
  fatalities_source: string | null;
  claims: ExportClaim[];
  /** false when a place is stored not located: the row re-imports into a store that lacks it (see row-places). */
  located?: false;
}

/** A claim as an import reads it back (see row-claims): its actor by name, its source flat. */
export interface ExportClaim {
  actor: string;
  stance: string;
  date: string;
  outlet: string;
  url?: string;
  attribution?: string;
  grade?: string;
  note?: string;
}

function exportClaim(claim: ClaimDetail): ExportClaim {
  const { url, outlet, attribution, grade } = claim.source;
  return {
    actor: claim.actorName,
    stance: claim.stance,
    date: toIsoPartial(claim.date),
    outlet,
    ...(url ? { url } : {}),
    ...(attribution ? { attribution } : {}),
    ...(grade ? { grade } : {}),
    ...(claim.note ? { note: claim.note } : {}),
  };
}

/** The fatality fields an entry exports, as /entry add takes them; none as null, which an import reads as "none". */
const fatalityFields = (entry: EntryDetail) =>
  entry.fatalities ? { fatalities: fatalitiesText(entry.fatalities), fatalities_source: entry.fatalities.source } : { fatalities: null, fatalities_source: null };

/**
 * Whether every place of the entry is one the gazetteer located; `false` is written so that the
 * row's places stay not located where it is imported, instead of being refused there.
 */
export type PlacesLocated = (entry: EntryDetail) => boolean;

/** No place's record known: an export without `place_refs`. */
const noRefs: RefOfPlace = () => undefined;

/** `revision`: the entry's latest revision, left out when not known. */
export function exportRow(entry: EntryDetail, key: string | null | undefined, located: PlacesLocated, refOf: RefOfPlace = noRefs, revision?: string | null): ExportRow {
  const refs = exportedRefs(entry.places, refOf);
  return {
    ...(key ? { key } : {}),
    ...(revision ? { revision } : {}),
    title: entry.title,
    summary: entry.summary,
    date: toIsoPartial(entry.start),
    end: entry.end ? toIsoPartial(entry.end) : null,
    type: entry.eventType,
    topic: entry.topic,
    places: entry.places,
    ...(refs ? { place_refs: refs } : {}),
    actors: entry.actors.map((a) => `${a.name}:${a.role}`),
    sources: entry.sources,
    confidence: entry.confidence,
    tags: entry.tags,
    ...fatalityFields(entry),
    claims: entry.claims.map(exportClaim),
    ...(located(entry) ? {} : { located: false as const }),
  };
}

/**
 * ACLED's columns first, then the import's own (the /entry add options), so a CSV export
 * re-imports without loss: the flat source columns hold the first source, `more_sources` the
 * others as a JSON list, and `summary` the text ACLED's `notes` repeats; `revision` the entry's
 * latest revision at export (its number and time), so a re-import keeps what changed in the store since. Columns added
 * since come last, so the earlier ones keep their places.
 */
export const CSV_COLUMNS = [
  'event_id', 'event_date', 'time_precision', 'event_type', 'actor1', 'actor2', 'location', 'source', 'notes',
  'title', 'summary', 'date', 'end', 'type', 'topic', 'places', 'actors', 'source_url', 'outlet', 'attribution', 'published',
  'more_sources', 'confidence', 'tags', 'grade', 'fatalities', 'fatalities_source', 'claims', 'located', 'place_refs', 'revision',
] as const;

/** No actor's kind or affiliation known: each actor is a body of its own. */
const NO_FACTS: ActorFactsById = new Map();

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

/**
 * One CSV row; `event_id` is the entry's key, and `source` names every outlet, as ACLED's does.
 * `event_date`, `time_precision`, `event_type`, `actor1` and `actor2` hold what `--format acled`
 * writes for the entry, which needs every actor's kind and affiliation (`actors`; without them
 * each actor is taken for a body of its own); `event_type` is empty for a statement, which ACLED
 * does not record. A text cell a spreadsheet would run as a formula is written after a `'` (see csv-cells).
 */
export function csvRow(
  entry: EntryDetail, key: string | null | undefined, located: PlacesLocated, refOf: RefOfPlace = noRefs, revision?: string | null, actors: ActorFactsById = NO_FACTS,
): CsvRow {
  return guardRow(csvCells(entry, key, located, refOf, revision, actors));
}

function csvCells(entry: EntryDetail, key: string | null | undefined, located: PlacesLocated, refOf: RefOfPlace, revision: string | null | undefined, actors: ActorFactsById): CsvRow {
  const refs = exportedRefs(entry.places, refOf);
  const acled = acledCopiedColumns(entry, actors);
  const [[actor1], [actor2]] = acled.sides;
  const [source, ...moreSources] = entry.sources;
  return {
    event_id: key ?? '',
    event_date: acled.event_date,
    time_precision: acled.time_precision,
    event_type: acled.event_type,
    actor1: actor1?.name ?? '',
    actor2: actor2?.name ?? '',
    location: entry.places[0] ?? '',
    source: entry.sources.map((s) => s.outlet).join('; '),
    notes: entry.summary,
    title: entry.title,
    summary: entry.summary,
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
    more_sources: moreSources.length > 0 ? JSON.stringify(moreSources) : '',
    confidence: entry.confidence,
    tags: entry.tags.join(', '),
    grade: source?.grade ?? '',
    fatalities: entry.fatalities ? fatalitiesText(entry.fatalities) : '',
    fatalities_source: entry.fatalities?.source ?? '',
    claims: entry.claims.length > 0 ? JSON.stringify(entry.claims.map(exportClaim)) : '',
    located: located(entry) ? '' : 'false',
    place_refs: refs ? JSON.stringify(refs) : '',
    revision: revision ?? '',
  };
}
