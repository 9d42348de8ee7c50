// An entry's creation revision copies only what the entry's rows do not say as it was given (the
// order its tags came in, say) while the entry still stands as created: a snapshot without a
// topic, laid over the entry as its rows read. Before anything changes the entry (a later
// revision, a re-spelled place, an actor merged or unmerged), the creation snapshot is written out
// whole from the rows, so stored history then reads as if it had been copied at once. Readers of
// entry snapshots go through entrySnapshotText; migration 0050 refuses a revision that would
// skip the write-out, and keeps the as-of spans from the rows.
import type { EntryInput } from '../core/domain.js';
import type { Db } from './connection.js';
import { readEntryState } from './entry-state.js';
import { statementsOf } from './statement-cache.js';

/** A creation snapshot over the entry's rows: it holds no topic, which every whole one does. */
const OVER_ROWS = "json_type(snapshot, '$.topic') IS NULL";
const CREATION_OVER_ROWS = `SELECT id, snapshot FROM revisions WHERE entity = 'entry' AND entity_id = ? AND action = 'create' AND ${OVER_ROWS}`;

/** Fields the as-of spans read: a creation snapshot over the rows takes them from the rows alone. */
const SPAN_FIELDS = new Set(['topic', 'eventType', 'start', 'end', 'places', 'actors']);

type Fields = Record<string, unknown>;

/** The entry as its rows read now. */
function rowsState(db: Db, entryId: number, sourcesFrom?: number): Fields {
  const state = readEntryState(db, entryId, sourcesFrom);
  if (!state) throw new Error(`Entry #${entryId} has a creation revision but no row.`);
  return state.input as unknown as Fields;
}

/** The entry as a creation snapshot over its rows says it was created, as JSON. */
const laidOver = (rows: Fields, over: Fields): string => JSON.stringify({ ...rows, ...over });

/**
 * What a new entry's creation revision stores: the fields its rows read back otherwise than
 * given, when laid over those rows they give the input exactly; else the input whole (a place
 * spelled otherwise than stored, a field its rows cannot hold). `sourcesFrom`: see readEntryState.
 */
export function creationSnapshot(db: Db, entryId: number, input: EntryInput, sourcesFrom: number): object {
  const given = input as unknown as Fields;
  const rows = rowsState(db, entryId, sourcesFrom);
  const over: Fields = {};
  for (const [field, value] of Object.entries(given)) {
    if (JSON.stringify(value) !== JSON.stringify(rows[field])) over[field] = value;
  }
  const spans = Object.keys(over).some((field) => SPAN_FIELDS.has(field));
  const readAsWhole = JSON.stringify(over).includes('"topic":');
  return !spans && !readAsWhole && laidOver(rows, over) === JSON.stringify(input) ? over : input;
}

/** Whether a stored entry snapshot is whole (every whole one names its topic, which a string value cannot spell unescaped). */
const isWhole = (snapshot: string): boolean => snapshot.includes('"topic":') || 'topic' in (JSON.parse(snapshot) as Fields);

/**
 * The entry as its creation snapshot over the rows says it was created. Read in one transaction
 * with that snapshot, so a change written meanwhile by another connection (which writes the
 * creation snapshot out whole first) is never read as the created state.
 */
function createdText(db: Db, entryId: number): string {
  const read = (): string => {
    const creation = statementsOf(db).get(CREATION_OVER_ROWS).get(entryId) as { snapshot: string } | undefined;
    if (creation) return laidOver(rowsState(db, entryId), JSON.parse(creation.snapshot) as Fields);
    return statementsOf(db).get("SELECT snapshot FROM revisions WHERE entity = 'entry' AND entity_id = ? AND action = 'create' ORDER BY id LIMIT 1").pluck().get(entryId) as string;
  };
  return db.inTransaction ? read() : db.transaction(read)();
}

/** An entry revision's snapshot as JSON: as stored when whole, else the entry as it was created. */
export function entrySnapshotText(db: Db, entryId: number, snapshot: string): string {
  return isWhole(snapshot) ? snapshot : createdText(db, entryId);
}

/** The same, parsed. */
export function entrySnapshot(db: Db, entryId: number, snapshot: string): EntryInput {
  return JSON.parse(entrySnapshotText(db, entryId, snapshot)) as EntryInput;
}

/**
 * Writes out whole the creation snapshot of each of the entries still standing as created, from
 * their rows: called in the change's transaction, before the change touches them.
 */
export function writeOutCreations(db: Db, entryIds: Iterable<number>): void {
  const overRows = statementsOf(db).get(CREATION_OVER_ROWS);
  const write = statementsOf(db).get('UPDATE revisions SET snapshot = ? WHERE id = ?');
  for (const entryId of new Set(entryIds)) {
    const creation = overRows.get(entryId) as { id: number; snapshot: string } | undefined;
    if (creation) write.run(laidOver(rowsState(db, entryId), JSON.parse(creation.snapshot) as Fields), creation.id);
  }
}
