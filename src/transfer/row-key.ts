// Reads which stored entry an import row is: its `key`, or the CSV export's `event_id` (the
// same key under ACLED's column name). Checked apart from the /entry add options, which have none.
import { isLegacyEventId, keyProblem, storedKey } from '../store/entry-keys.js';
import type { RawRow } from './source-row.js';
import { clip } from '../core/text-cut.js';
import { isNone, RowProblem, textOf } from './row-values.js';

/** The row's key, if it gives one; throws a RowProblem for one that cannot be a key. */
export function rowKey(row: RawRow): string | undefined {
  const key = isNone(row.key) ? undefined : textOf('key', row.key).trim();
  const eventId = isNone(row.event_id) ? undefined : textOf('event_id', row.event_id).trim();
  // `sitrep-12`, from an export made before entries had keys, is that store's entry number.
  const fromEventId = eventId === undefined || isLegacyEventId(eventId) ? undefined : eventId;
  if (key !== undefined && fromEventId !== undefined && storedKey(key) !== storedKey(fromEventId)) {
    throw new RowProblem(`\`key\` (${key}) and \`event_id\` (${fromEventId}) name different entries: give one of them.`);
  }
  const given = key ?? fromEventId;
  if (given === undefined || given === '') return undefined;
  const problem = keyProblem(given);
  if (problem) throw new RowProblem(`\`${key !== undefined ? 'key' : 'event_id'}\` (${clip(given, 60)}) ${problem}; leave it empty for a new entry.`);
  return storedKey(given);
}
