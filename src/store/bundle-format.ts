// The dossier bundle (docs/bundle.md): what each record of the NDJSON file holds, shared by the
// export that writes it and the loader that reads it back. An entry or actor record carries every
// column of its table by name, so a column a later migration adds travels without a change here.
import type { Db } from './connection.js';

export const BUNDLE_FORMAT = 'sitrep-bundle';
/**
 * Version 2 added sources' grades, entries' fatalities and claims, and place_location records;
 * version 3 trend_call records. Files of versions 1 and 2 are read too.
 */
export const BUNDLE_VERSION = 3;

/** Record kinds, in the order a bundle lists them (each kind by id, or by name). */
export const RECORD_KINDS = ['seed_run', 'topic', 'place', 'place_location', 'actor', 'entry', 'revision', 'trend_call'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The table each kind's columns come from, and the order its rows are listed in. */
export const RECORD_TABLES: Record<RecordKind, { table: string; order: string }> = {
  seed_run: { table: 'seed_runs', order: 'name' },
  topic: { table: 'topics', order: 'slug' },
  place: { table: 'places', order: 'id' },
  place_location: { table: 'place_locations', order: 'id' },
  actor: { table: 'actors', order: 'id' },
  entry: { table: 'entries', order: 'id' },
  revision: { table: 'revisions', order: 'id' },
  trend_call: { table: 'trend_calls', order: 'id' },
};

/** "an entry record", "a place record": the article a kind's name takes. */
export const recordNoun = (kind: string): string => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} record`;

/** Columns the store derives from others; a bundle leaves them out and the loader computes them. */
export const DERIVED_COLUMNS: Partial<Record<RecordKind, readonly string[]>> = {
  place: ['place_key'],
};

/** Columns holding JSON text, written into the bundle as JSON values. */
export const JSON_COLUMNS: Partial<Record<RecordKind, readonly string[]>> = {
  revision: ['snapshot', 'changed_fields'],
};

/** An actor's names (actor_names): the canonical one marked primary. */
export interface BundleName {
  name: string;
  primary: boolean;
}

/** The links an entry record carries besides its columns. */
export interface EntryLinks {
  places: { place_id: number; position: number }[];
  actors: { actor_id: number; role: string; position: number }[];
  sources: { position: number; outlet: string; url: string | null; attribution: string | null; published_on: string | null; grade: string | null }[];
  tags: string[];
  fatalities: { low: number | null; best: number; high: number | null; source: string } | null;
  claims: BundleClaim[];
}

/** A claim on an entry (entry_claims), its actor by id as stored. */
export interface BundleClaim {
  position: number;
  actor_id: number;
  stance: string;
  claimed_on: string;
  outlet: string;
  url: string | null;
  attribution: string | null;
  grade: string | null;
  note: string | null;
}

export interface BundleHeader {
  record: typeof BUNDLE_FORMAT;
  version: number;
  /** The topic the bundle was limited to, or null for the whole store. */
  topic: string | null;
}

export interface BundleEnd {
  record: 'end';
  counts: Record<RecordKind, number>;
}

/** The columns of a kind's table that a bundle record carries. */
export function recordColumns(db: Db, kind: RecordKind): string[] {
  const derived = DERIVED_COLUMNS[kind] ?? [];
  const columns = db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(RECORD_TABLES[kind].table) as string[];
  return columns.filter((c) => !derived.includes(c));
}
