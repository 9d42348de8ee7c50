// The fields an import row may carry: the options of /entry add, plus lists of sources (an entry
// may have several, the options set one); and the ACLED columns the CSV export adds.
import { addEntry } from '../../commands/entry/change.js';
import type { OptionSpec } from '../core/command-spec.js';

// `located` is read apart (row-places): it says what to do with the row's places, not a field of the entry.
export const LOCATED_FIELD = 'located';
export const ENTRY_OPTIONS: readonly OptionSpec[] = (addEntry.options ?? []).filter((o) => o.name !== LOCATED_FIELD);
export const OPTION_NAMES = ENTRY_OPTIONS.map((o) => o.name);
export const REQUIRED_FIELDS = ENTRY_OPTIONS.filter((o) => o.required).map((o) => o.name);

/** The key a source object uses for each option that describes one source. */
export const SOURCE_KEYS: Readonly<Record<string, string>> = { url: 'source_url', outlet: 'outlet', attribution: 'attribution', published: 'published', grade: 'grade' };
export const SOURCE_OPTIONS = ENTRY_OPTIONS.filter((o) => Object.values(SOURCE_KEYS).includes(o.name));

/**
 * `sources` lists every source of the entry; `more_sources` the ones after the first, which the
 * flat source options give (the CSV export writes it so, keeping the first source readable).
 * `claims` lists the claims on the entry, as /entry claim records them.
 */
export const SOURCE_LIST_FIELDS = ['sources', 'more_sources'];
export const CLAIM_LIST_FIELD = 'claims';
export const LIST_FIELDS = [...SOURCE_LIST_FIELDS, CLAIM_LIST_FIELD];

/** The entry's stable key (see row-key): which stored entry the row is, if any. */
export const KEY_FIELD = 'key';
/** The gazetteer record of each located place (see place-refs): where the row's places are, not a field of the entry. */
export const PLACE_REFS_FIELD = 'place_refs';
/**
 * The entry's revision the row shows (see row-revision): what an export wrote, so that an import
 * tells what the file changed from what the store changed since.
 */
export const REVISION_FIELD = 'revision';
export const IMPORT_FIELDS = [...OPTION_NAMES, ...LIST_FIELDS, KEY_FIELD, LOCATED_FIELD, PLACE_REFS_FIELD, REVISION_FIELD];

/**
 * Columns our CSV export adds for ACLED compatibility; an import ignores them, but for
 * `event_id`, which holds the entry's key (read as `key` is).
 */
export const ACLED_COLUMNS = ['event_id', 'event_date', 'time_precision', 'event_type', 'actor1', 'actor2', 'location', 'source', 'notes'];
