// The stored entries an import file lacks. A data set's weekly file leaves out the events its
// publisher dropped since the last release; with --complete the file is the whole set of the
// topics its rows hold, and each live entry of those topics that an import created (its first
// revision's author is `import:…`) and that no row of the file is gets removed, as /entry remove
// removes one (/entry undo brings it back). Entries people added in the bot, or the seed, are never
// removed so. Without --complete nothing is removed; a file whose every row gives a key is told how
// many such entries it lacks.
import type { Db } from '../store/connection.js';
import { rowKey } from './row-key.js';
import { placeOf, type RowPlace, type SourceRow } from './source-row.js';

/** The author prefix of every change an import writes (`import:week-28.csv`). */
const IMPORT_AUTHOR = 'import:';

/** What of the store a file's rows are: gathered as they are checked and matched. */
export class FileHolds {
  /** Every key a row gives, rejected rows' too: a row refused for its date still is its entry. */
  readonly keys = new Set<string>();
  /** The stored entries rows were matched to, by key, source link, or date and title. */
  readonly entries = new Set<number>();
  /** The topics of the rows read (a rejected row's topic is not known to be one). */
  readonly topics = new Set<string>();
  /** Rejected rows whose key could not be read: which entry each is cannot be told. */
  readonly untold: RowPlace[] = [];
  /** Whether every row gave a key: the file is a keyed data set. */
  everyRowKeyed = true;

  /** A row read and checked, with the key it gives. */
  checked(key: string | undefined, topic: string): void {
    if (key !== undefined) this.keys.add(key);
    else this.everyRowKeyed = false;
    this.topics.add(topic);
  }

  /** A row rejected: its key, when one can still be read from it. */
  rejected(row: SourceRow, key?: string): void {
    let given = key;
    if (given === undefined && row.values) {
      try {
        given = rowKey(row.values);
      } catch {
        given = undefined;
      }
    }
    if (given !== undefined) this.keys.add(given);
    else {
      this.everyRowKeyed = false;
      this.untold.push(placeOf(row));
    }
  }
}

export interface MissingEntry {
  id: number;
  title: string;
  date: string;
  topic: string;
  /** Who created it: `import:FILE` for an entry an import created. */
  createdBy: string;
}

export interface MissingFromFile {
  /** --complete: the file is the whole set of its topics. */
  complete: boolean;
  /** Live entries of the file's topics that imports created and no row is: removed with --complete. */
  imported: MissingEntry[];
  /** Those no import created (added in the bot, the seed): kept. */
  others: MissingEntry[];
  /** Rejected rows whose entry cannot be told: with them, nothing is removed. */
  untold: RowPlace[];
}

/** The live entries of `topics` that no row of the file is, each with who created it (its first revision's author). */
function entriesNotHeld(db: Db, holds: FileHolds): MissingEntry[] {
  const live = db
    .prepare('SELECT e.id, e.key FROM json_each(?) t JOIN entries e ON e.topic = t.value AND e.deleted_at IS NULL')
    .raw()
    .all(JSON.stringify([...holds.topics])) as [number, string][];
  const ids = live.filter(([id, key]) => !holds.keys.has(key) && !holds.entries.has(id)).map(([id]) => id);
  if (ids.length === 0) return [];
  return db
    .prepare(
      `SELECT e.id, e.title, e.occurred_on AS date, e.topic,
         (SELECT r.changed_by FROM revisions r WHERE r.entity = 'entry' AND r.entity_id = e.id ORDER BY r.id LIMIT 1) AS createdBy
       FROM json_each(?) j JOIN entries e ON e.id = j.value ORDER BY e.id`,
    )
    .all(JSON.stringify(ids)) as MissingEntry[];
}

/**
 * The entries the file lacks: looked for with --complete, and, to say so, in a file whose every
 * row gives a key; undefined otherwise (a file of new rows made by hand lacks every entry).
 */
export function missingFromFile(db: Db, holds: FileHolds, complete: boolean): MissingFromFile | undefined {
  if (!complete && (!holds.everyRowKeyed || holds.keys.size === 0)) return undefined;
  const missing = entriesNotHeld(db, holds);
  const byImport = (entry: MissingEntry) => (entry.createdBy ?? '').startsWith(IMPORT_AUTHOR);
  return { complete, imported: missing.filter(byImport), others: missing.filter((entry) => !byImport(entry)), untold: holds.untold };
}

/** The entries the import removes: with --complete, when every row's entry could be told. */
export const removalsOf = (missing: MissingFromFile | undefined): MissingEntry[] =>
  missing?.complete && missing.untold.length === 0 ? missing.imported : [];

/** The reason each removal's revision gives, as /entry history and /entry show say it. */
export const removalReason = (file: string): string => `not in the complete set imported from ${file}`;
