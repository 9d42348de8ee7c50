// Checks import rows exactly as /entry add checks its options, so a row the bot would refuse
// in chat is refused here too, with the same message.
import { newEntryFrom } from '../../commands/entry/fields.js';
import type { EntryInput } from '../core/domain.js';
import { isUserError } from '../core/errors.js';
import { convertArgs } from '../core/option-values.js';
import type { DossierReader } from '../core/ports.js';
import { ENTRY_OPTIONS } from './import-fields.js';
import type { RawRow } from './source-row.js';
import { checkSource, sourceList } from './row-sources.js';
import { optionValues } from './row-values.js';

export type RowCheck = { ok: true; input: EntryInput } | { ok: false; reason: string };

function checkedInput(row: RawRow, dossier: DossierReader): EntryInput {
  const values = optionValues(row);
  const list = sourceList(row, values);
  const input = newEntryFrom(convertArgs(ENTRY_OPTIONS, values, 'entry add'), dossier);
  if (!list) return input;
  return { ...input, sources: [...input.sources, ...list.items.map((_, i) => checkSource(list, i, dossier))] };
}

/** One row: its fields as /entry add options, then its listed sources (see row-sources). */
export function checkRow(row: RawRow, dossier: DossierReader): RowCheck {
  try {
    return { ok: true, input: checkedInput(row, dossier) };
  } catch (error) {
    if (isUserError(error)) return { ok: false, reason: [error.message, ...error.hints].join(' ') };
    // A RowProblem, or anything else one row's values provoke: that row is refused, not the file.
    if (error instanceof Error) return { ok: false, reason: error.message };
    throw error;
  }
}
