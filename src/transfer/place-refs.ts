// The gazetteer record of each located place of an entry (`place_refs`), which the exports write
// so that a name several places share (Nawa, in India and in Syria) is found again, on import, as
// the place it was where it was exported. A JSON object from a place's name to its record's ref
// (`{"Nawa": "locality:166365"}`), or that object's text in a CSV cell.
import { foldKey } from '../core/text.js';
import { PLACE_REFS_FIELD } from './import-fields.js';
import { describe, isNone, isObject, RowProblem } from './row-values.js';
import type { RawRow } from './source-row.js';

const EXAMPLE = '{"Nawa": "locality:166365"}';

export interface GivenRef {
  /** The place's name as the row gives it. */
  name: string;
  ref: string;
}

/**
 * The records the row gives, by the folded name of the place each is for. Throws a RowProblem
 * for a value that is not such an object, or one naming a place the row's `places` lack.
 */
export function placeRefsOf(row: RawRow, places: readonly string[]): Map<string, GivenRef> {
  const value = row[PLACE_REFS_FIELD];
  const refs = new Map<string, GivenRef>();
  if (isNone(value)) return refs;
  let given = value;
  if (typeof value === 'string') {
    try {
      given = JSON.parse(value);
    } catch {
      throw new RowProblem(`\`${PLACE_REFS_FIELD}\` must be a JSON object like ${EXAMPLE} — its text is not valid JSON.`);
    }
  }
  if (!isObject(given)) throw new RowProblem(`\`${PLACE_REFS_FIELD}\` must be an object like ${EXAMPLE} — got ${describe(given)}.`);
  const named = new Set(places.map(foldKey));
  for (const [name, ref] of Object.entries(given)) {
    if (!named.has(foldKey(name))) throw new RowProblem(`\`${PLACE_REFS_FIELD}\` gives a record for “${name}”, which is not one of the row's \`places\`.`);
    if (typeof ref !== 'string') throw new RowProblem(`\`${PLACE_REFS_FIELD}\` of “${name}” must be text like "locality:166365" — got ${describe(ref)}.`);
    const same = refs.get(foldKey(name));
    if (same) throw new RowProblem(`\`${PLACE_REFS_FIELD}\` gives two records for one place, “${same.name}” and “${name}”: give one.`);
    refs.set(foldKey(name), { name, ref });
  }
  return refs;
}

/** The record of a stored place, by its name: undefined for one that is not located. */
export type RefOfPlace = (name: string) => string | undefined;

/** What an export writes for an entry's places: each located one's record, by its name; undefined when none is located. */
export function exportedRefs(places: readonly string[], refOf: RefOfPlace): Record<string, string> | undefined {
  const refs = places.flatMap((name) => {
    const ref = refOf(name);
    return ref === undefined ? [] : [[name, ref] as const];
  });
  return refs.length > 0 ? Object.fromEntries(refs) : undefined;
}
