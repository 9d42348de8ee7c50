// Reads which revision of its entry an import row shows (`revision`, as an export writes it): the
// entry as that revision left it is what the row's fields are compared with, so that a field the
// file leaves as it was keeps what the store changed since (see corrections' mergedState). The
// exports write the revision's number and time (`27@2025-07-24T09:15:00.000Z`): numbers are each
// store's own, and two copies of a store give their next edits the same one. A number alone (files
// written before) is taken as this store's. A spreadsheet may have respaced the cell, shown the
// number as 27.0 or dropped the time's milliseconds (see stampedRevisionState).
import { REVISION_FIELD } from './import-fields.js';
import { isNone, RowProblem, textOf } from './row-values.js';
import type { RawRow } from './source-row.js';

export interface RowRevision {
  id: number;
  /** When the revision was written, as its store recorded it; absent from files written before. */
  at?: string;
}

const REVISION = /^([1-9][0-9]{0,15})(?:\.0+)?(?:\s*@\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z))?$/;

const isInstant = (time: string): boolean => !Number.isNaN(new Date(time).getTime());

/** The row's revision, if it gives one; throws a RowProblem for a value that cannot be one. */
export function rowRevision(row: RawRow): RowRevision | undefined {
  if (isNone(row[REVISION_FIELD])) return undefined;
  const text = textOf(REVISION_FIELD, row[REVISION_FIELD]).trim();
  const match = REVISION.exec(text);
  const at = match?.[2];
  if (!match || (at !== undefined && !isInstant(at))) {
    throw new RowProblem(
      `\`${REVISION_FIELD}\` must be the revision number an export wrote, like 27 — got \`${text}\`; the number alone will do, or with the revision's time as the exports write it, like 27@2025-07-24T09:15:00.000Z. Leave it empty to lay the row over the entry as it stands.`,
    );
  }
  return at !== undefined ? { id: Number(match[1]), at } : { id: Number(match[1]) };
}

/** `revision 27`, as replies name the revision a row shows. */
export const revisionName = (revision: RowRevision): string => `revision ${revision.id}${revision.at !== undefined ? ` of ${revision.at}` : ''}`;
