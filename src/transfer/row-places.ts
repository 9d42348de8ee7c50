// A row's places must be ones the gazetteer can locate, as /entry add's must: a row naming a
// place it does not know (or one naming several places) is refused with the closest matches,
// unless the row says `located: false` or the import runs with --unlocated-places; those places
// are kept as not located, and the import lists them.
import { locatedOption } from '../../commands/entry/place-check.js';
import type { RawOptionValue } from '../core/command-spec.js';
import { convertArgs } from '../core/option-values.js';
import type { PlaceDirectory } from '../core/places/place-port.js';
import { quotedNames, unlocatedPlace, type UnlocatedPlace } from '../core/places/unlocated-places.js';
import { LOCATED_FIELD } from './import-fields.js';
import { isNone } from './row-values.js';
import type { RawRow } from './source-row.js';

/**
 * Whether the row keeps places the gazetteer cannot locate: its `located` is false (a JSON
 * boolean, or `false` in a CSV column), read as /entry add reads the option.
 */
function keepsUnlocated(row: RawRow): boolean {
  const value = row[LOCATED_FIELD];
  return !isNone(value) && convertArgs([locatedOption], { located: value as RawOptionValue }, 'entry add').located === false;
}

export type PlacesCheck = { ok: true; kept: string[] } | { ok: false; reason: string };

/** Checks the rows of one import, looking each place name up once. */
export class RowPlaces {
  private readonly seen = new Map<string, UnlocatedPlace | undefined>();

  /** `keepAll`: --unlocated-places, every row as if it said `located: false`. */
  constructor(
    private readonly places: PlaceDirectory,
    private readonly keepAll: boolean,
  ) {}

  /** The row's places it keeps as not located, or why it is refused. Throws a UserError for a `located` that is not true or false. */
  check(row: RawRow, names: readonly string[]): PlacesCheck {
    const keep = keepsUnlocated(row) || this.keepAll;
    const unlocated = names.flatMap((name) => this.lookUp(name) ?? []);
    if (unlocated.length === 0 || keep) return { ok: true, kept: unlocated.map((u) => u.name) };
    const reason = [
      `\`places\`: ${quotedNames(unlocated)} could not be located.`,
      ...unlocated.map((u) => u.hint),
      `To keep ${unlocated.length === 1 ? 'it' : 'them'} as not located, give the row \`"located": false\` (a \`located\` column with false in CSV), or import with --unlocated-places.`,
    ];
    return { ok: false, reason: reason.join(' ') };
  }

  private lookUp(name: string): UnlocatedPlace | undefined {
    if (!this.seen.has(name)) this.seen.set(name, unlocatedPlace(this.places, name));
    return this.seen.get(name);
  }
}
