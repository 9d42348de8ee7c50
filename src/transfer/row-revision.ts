// Reads which revision of its entry an import row shows (`revision`, as an export writes it): the
// entry as that revision left it is what the row's fields are compared with, so that a field the
// file leaves as it was keeps what the store changed since (see corrections' mergedState).
import { REVISION_FIELD } from './import-fields.js';
import { isNone, RowProblem, textOf } from './row-values.js';
import type { RawRow } from './source-row.js';

/** The row's revision, if it gives one; throws a RowProblem for a value that cannot be one. */
export function rowRevision(row: RawRow): number | undefined {
  if (isNone(row[REVISION_FIELD])) return undefined;
  const text = textOf(REVISION_FIELD, row[REVISION_FIELD]).trim();
  if (!/^[1-9][0-9]{0,15}$/.test(text)) {
    throw new RowProblem(`\`${REVISION_FIELD}\` must be the revision number an export wrote, like 27 — got \`${text}\`; leave it empty to lay the row over the entry as it stands.`);
  }
  return Number(text);
}
