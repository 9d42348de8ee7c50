// Checks import rows exactly as /entry add checks its options, so a row the bot would refuse
// in chat is refused here too, with the same message.
import { addEntry } from '../../commands/entry/change.js';
import { newEntryFrom } from '../../commands/entry/fields.js';
import type { RawOptionValue } from '../core/command-spec.js';
import type { EntryInput } from '../core/domain.js';
import { isUserError } from '../core/errors.js';
import { convertArgs } from '../core/option-values.js';
import type { DossierReader } from '../core/ports.js';
import type { RawRow } from './row-reader.js';

/** Columns our CSV export adds for ACLED compatibility; an import ignores them. */
export const ACLED_COLUMNS = ['event_id', 'event_date', 'time_precision', 'event_type', 'actor1', 'actor2', 'location', 'source', 'notes'];

const FIELD_NAMES = (addEntry.options ?? []).map((o) => o.name);

function listValue(value: unknown[]): string {
  return value
    .map((item) => {
      if (typeof item === 'object' && item !== null && 'name' in item) {
        const { name, role } = item as { name: unknown; role?: unknown };
        return role ? `${String(name)}:${String(role)}` : String(name);
      }
      return String(item);
    })
    .join(', ');
}

/** Raw row values in the text form the option converter takes. */
function toOptionValues(row: RawRow): Record<string, RawOptionValue> {
  const values: Record<string, RawOptionValue> = {};
  for (const [key, value] of Object.entries(row)) {
    if (ACLED_COLUMNS.includes(key) || value === null || value === undefined || value === '') continue;
    if (!FIELD_NAMES.includes(key)) {
      throw new Error(`unknown field \`${key}\`; fields are ${FIELD_NAMES.join(', ')}`);
    }
    values[key] = Array.isArray(value) ? listValue(value) : typeof value === 'object' ? JSON.stringify(value) : (value as RawOptionValue);
  }
  return values;
}

export type RowCheck = { ok: true; input: EntryInput } | { ok: false; reason: string };

/** One check of the row's own fields; `sources` (JSON only) is handled by checkRow. */
function checkFields(row: RawRow, dossier: DossierReader): RowCheck {
  try {
    const args = convertArgs(addEntry.options ?? [], toOptionValues(row), 'entry add');
    return { ok: true, input: newEntryFrom(args, dossier) };
  } catch (error) {
    if (isUserError(error)) return { ok: false, reason: [error.message, ...error.hints].join(' ') };
    if (error instanceof Error) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * JSON rows may carry several sources as `sources: [{url, outlet, attribution, published}]`;
 * each is checked exactly like the flat source options.
 */
export function checkRow(row: RawRow, dossier: DossierReader): RowCheck {
  const { sources, ...fields } = row;
  if (sources === undefined) return checkFields(fields, dossier);
  if (!Array.isArray(sources) || sources.length === 0) return { ok: false, reason: '`sources` must be a non-empty array of {url, outlet, attribution, published}' };
  const checked: EntryInput['sources'] = [];
  let first: EntryInput | undefined;
  for (const source of sources as Record<string, unknown>[]) {
    const check = checkFields({ ...fields, source_url: source.url, outlet: source.outlet, attribution: source.attribution, published: source.published }, dossier);
    if (!check.ok) return check;
    first ??= check.input;
    checked.push(...check.input.sources);
  }
  return { ok: true, input: { ...first!, sources: checked } };
}
