// The CSV export writes ACLED-named columns (event_date, actor1, notes…) as copies of Sitrep's own
// for tools that read ACLED's names; an import reads Sitrep's columns only. A row whose copy says
// something else than the column it copies was most likely edited there: the import says that
// edit was not read, rather than take the row for what it was.
import type { EntryInput } from '../core/domain.js';
import { acledCopiedColumns } from './acled-copied-columns.js';
import { earlierCopies } from './acled-copies-earlier.js';
import type { ActorFactsById } from './acled-sides.js';
import { isNone } from './row-values.js';
import type { RawRow } from './source-row.js';

/** The columns `copies` compares, looked for first. */
const COPY_COLUMNS = ['event_date', 'event_type', 'actor1', 'actor2', 'location', 'source', 'notes'];

/**
 * Each copied column, the Sitrep column to change instead, and what the export writes in it for
 * the row as read: for the first four, what `--format acled` writes (acled-copied-columns).
 */
function copies(input: EntryInput, nameOf: (id: number) => string, facts: ActorFactsById): [string, string, string][] {
  const acled = acledCopiedColumns(input, facts);
  const [actor1, actor2] = acled.sides.map(([first]) => first?.actorId);
  return [
    ['event_date', 'date', acled.event_date],
    ['event_type', 'type', acled.event_type],
    ['actor1', 'actors', actor1 === undefined ? '' : nameOf(actor1)],
    ['actor2', 'actors', actor2 === undefined ? '' : nameOf(actor2)],
    ['location', 'places', input.places[0] ?? ''],
    ['source', 'outlet', input.sources.map((s) => s.outlet).join('; ')],
    ['notes', 'summary', input.summary],
  ];
}

/**
 * The note for a row whose ACLED-named copies differ from what its own columns say, and from what
 * the stored entry it matches (`storedState`, read only for a row with such columns) would export:
 * a copy that still shows the stored entry is one the row left alone while changing the column it
 * copies. A copy as exports wrote it before these columns took ACLED's values is not noted either.
 * `facts`, every actor's kind and affiliation, sides the actors as the export did (without them,
 * each actor is taken for a body of its own). Undefined when none differ.
 */
export function unreadCopiesNote(
  row: RawRow, input: EntryInput, nameOf: (id: number) => string, storedState: () => EntryInput | undefined, facts: ActorFactsById = new Map(),
): string | undefined {
  // Most files (JSON, hand-made CSV) have none of these columns: nothing to compare.
  if (!COPY_COLUMNS.some((column) => column in row)) return undefined;
  const stored = storedState();
  const asStored = stored ? new Map(copies(stored, nameOf, facts).map(([copy, , value]) => [copy, value.trim()])) : undefined;
  const earlier = earlierCopies(input, nameOf);
  const differing = copies(input, nameOf, facts).filter(([copy, , expected]) => {
    if (!(copy in row) || isNone(row[copy])) return false;
    const given = String(row[copy]).trim();
    return given !== expected.trim() && given !== asStored?.get(copy) && given !== earlier.get(copy)?.trim();
  });
  if (differing.length === 0) return undefined;
  const which = differing.map(([copy, own]) => `\`${copy}\` (change \`${own}\`)`).join(', ');
  return `${which} ${differing.length === 1 ? 'differs' : 'differ'} from the row's own columns: the ACLED-named columns are copies for other tools and are not read.`;
}
