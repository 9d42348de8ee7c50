// Checks import rows exactly as /entry add checks its options, so a row the bot would refuse
// in chat is refused here too, with the same message. One exception, for restoring backups: see
// storedShapeSpan.
import { newEntryFrom } from '../../commands/entry/fields.js';
import type { CommandArgs } from '../core/command-spec.js';
import type { EntryInput } from '../core/domain.js';
import { isUserError } from '../core/errors.js';
import { convertArgs } from '../core/option-values.js';
import { firstDay, lastDay, toIsoPartial, type PartialDate } from '../core/partial-date.js';
import type { DossierReader } from '../core/ports.js';
import { ENTRY_OPTIONS } from './import-fields.js';
import type { RawRow } from './source-row.js';
import { rowClaims } from './row-claims.js';
import { checkSource, sourceList } from './row-sources.js';
import { optionValues } from './row-values.js';

/** `note`: what the import took differently from /entry add, said with the row's line. */
export type RowCheck = { ok: true; input: EntryInput; note?: string } | { ok: false; reason: string };

/**
 * An end inside the date's own period (`date:2025-07 end:2025-07-15`): /entry add refuses it
 * since spans must end after their date, but entries stored before that rule have it, and the
 * export writes them as stored. An import takes the row as the store held it (with a note), so
 * a backup restores whole; typed in chat, the rule still holds. An end before the date is no
 * stored shape and stays refused.
 */
function storedShapeSpan(args: CommandArgs): { end: PartialDate; note: string } | undefined {
  const start = args.date as PartialDate | undefined;
  const end = args.end as PartialDate | undefined;
  if (!start || !end || lastDay(end) < firstDay(start) || lastDay(end) > lastDay(start)) return undefined;
  const [date, until] = [toIsoPartial(start), toIsoPartial(end)];
  return {
    end,
    note: `end ${until} lies within the date ${date}, as entries stored before spans had to end after their date do: kept as given (/entry add would refuse it).`,
  };
}

function checkedInput(row: RawRow, dossier: DossierReader): { input: EntryInput; note?: string } {
  const values = optionValues(row);
  const list = sourceList(row, values);
  const args = convertArgs(ENTRY_OPTIONS, values, 'entry add');
  const stored = storedShapeSpan(args);
  const { end: _checkedApart, ...withoutEnd } = args;
  const checked = stored ? { ...newEntryFrom(withoutEnd, dossier), end: stored.end } : newEntryFrom(args, dossier);
  const withSources = list ? { ...checked, sources: [...checked.sources, ...list.items.map((_, i) => checkSource(list, i, dossier))] } : checked;
  const claims = rowClaims(row, dossier);
  const input = claims ? { ...withSources, claims } : withSources;
  return stored ? { input, note: stored.note } : { input };
}

/** One row: its fields as /entry add options, then its listed sources (see row-sources) and claims (row-claims). */
export function checkRow(row: RawRow, dossier: DossierReader): RowCheck {
  try {
    return { ok: true, ...checkedInput(row, dossier) };
  } catch (error) {
    if (isUserError(error)) return { ok: false, reason: [error.message, ...error.hints].join(' ') };
    // A RowProblem, or anything else one row's values provoke: that row is refused, not the file.
    if (error instanceof Error) return { ok: false, reason: error.message };
    throw error;
  }
}
