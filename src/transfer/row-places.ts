// A row's places must be ones the gazetteer can locate, as /entry add's must: a row naming a
// place it does not know (or one naming several places) is refused with the closest matches,
// unless the row says `located: false` or the import runs with --unlocated-places; those places
// are kept as not located, and the import lists them.
// The places of the whole file are looked up before any row is checked (learn), each name once:
// by the gazetteer record the file gives for it (`place_refs`, which the exports write), else by
// its name, where a name several places share means the one in a country the store's located
// places or the file's other places are in (`Nawa`, in a file locating Daraa, is Syria's).
import { locatedOption } from '../../commands/entry/place-check.js';
import type { RawOptionValue } from '../core/command-spec.js';
import { convertArgs } from '../core/option-values.js';
import { placeChain, type GazetteerPlace } from '../core/places/gazetteer-port.js';
import { isPinRef, pinCommand, pinnedWhere } from '../core/places/pins.js';
import type { PlaceDirectory } from '../core/places/place-port.js';
import { resolvePlace, type PlaceResolution } from '../core/places/resolve-place.js';
import { quotedNames, unlocatedAs, type UnlocatedPlace } from '../core/places/unlocated-places.js';
import { foldKey } from '../core/text.js';
import { LOCATED_FIELD, PLACE_REFS_FIELD } from './import-fields.js';
import { placeRefsOf, type GivenRef } from './place-refs.js';
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

/** A row's places, as the file's places are learnt. */
export interface RowOfPlaces {
  row: RawRow;
  names: readonly string[];
}

/** What a name of the file is: a stored place (decided already), a record, or none the gazetteer can tell. */
type Lookup = { kind: 'stored' } | { kind: 'located'; place: GazetteerPlace; ref?: string } | { kind: 'unlocated'; resolution: PlaceResolution };

/** A row's refs as read (see placeRefsOf), or why they cannot be: read once for the file's lookup and the row's check. */
type RowRefs = { refs: Map<string, GivenRef> } | { problem: string };
const readRefs = new WeakMap<RawRow, RowRefs>();

function refsOf(row: RawRow, names: readonly string[]): RowRefs {
  let read = readRefs.get(row);
  if (!read) {
    try {
      read = { refs: placeRefsOf(row, names) };
    } catch (error) {
      read = { problem: (error as Error).message };
    }
    readRefs.set(row, read);
  }
  return read;
}

/** The refs a row gives; none when they cannot be read (the row's check says why). */
const readableRefs = (row: RawRow, names: readonly string[]): Map<string, GivenRef> => {
  const read = refsOf(row, names);
  return 'refs' in read ? read.refs : new Map();
};

/** Checks the rows of one import, looking each place name up once. */
export class RowPlaces {
  /** By folded name: places are stored by it, so spellings that fold alike are one place. */
  private readonly lookups = new Map<string, Lookup>();
  /** The records the file's refs name (undefined: none has that ref), each looked up once. */
  private readonly records = new Map<string, GazetteerPlace | undefined>();
  private readonly said = new Map<string, UnlocatedPlace | undefined>();
  /** What the import says of the file's records, by the place's name (see refNotes). */
  private readonly notes = new Map<string, string>();
  private storeNear: ReadonlySet<string> | undefined;

  /** `keepAll`: --unlocated-places, every row as if it said `located: false`. */
  constructor(
    private readonly places: PlaceDirectory,
    private readonly keepAll: boolean,
  ) {}

  /**
   * Looks up every place of the file's rows: stored ones pass; a name the file gives a record for
   * is that record (the first row giving one decides); the others are resolved by name, first near
   * the store's places, then, for those naming several places, near the file's too.
   */
  learn(rows: readonly RowOfPlaces[]): void {
    const spellings = new Map<string, string>();
    // A file repeats its places: each spelling is folded once.
    const written = new Set<string>();
    // The refs given for each name, in the file's order.
    const refs = new Map<string, Set<string>>();
    for (const { row, names } of rows) {
      for (const name of names) {
        if (written.has(name)) continue;
        written.add(name);
        const key = foldKey(name);
        if (!spellings.has(key)) spellings.set(key, name);
      }
      if (isNone(row[PLACE_REFS_FIELD])) continue;
      for (const [key, { ref }] of readableRefs(row, names)) refs.set(key, (refs.get(key) ?? new Set()).add(ref));
    }
    const near = new Set(this.nearStore());
    const ambiguous: string[] = [];
    for (const [key, name] of spellings) {
      if (this.lookups.has(key)) continue;
      const lookup = this.byRefs(name, [...(refs.get(key) ?? [])]) ?? this.byName(name, this.nearStore());
      if (lookup.kind === 'unlocated' && lookup.resolution.kind === 'ambiguous') ambiguous.push(key);
      else this.lookups.set(key, lookup);
      if (lookup.kind === 'located') near.add(lookup.place.country.code);
    }
    for (const key of ambiguous) this.lookups.set(key, this.byName(spellings.get(key)!, near));
  }

  /** The row's places it keeps as not located, or why it is refused. Throws a UserError for a `located` that is not true or false. */
  check(row: RawRow, names: readonly string[]): PlacesCheck {
    const keep = keepsUnlocated(row) || this.keepAll;
    const refProblem = this.refProblem(row, names);
    if (refProblem) return { ok: false, reason: refProblem };
    const unlocated = names.flatMap((name) => this.unlocated(name) ?? []);
    if (unlocated.length === 0 || keep) return { ok: true, kept: unlocated.map((u) => u.name) };
    const reason = [
      `\`places\`: ${quotedNames(unlocated)} could not be located.`,
      ...unlocated.map((u) => u.hint),
      `To keep ${unlocated.length === 1 ? 'it' : 'them'} as not located, give the row \`"located": false\` (a \`located\` column with false in CSV), or import with --unlocated-places.`,
    ];
    return { ok: false, reason: reason.join(' ') };
  }

  /** The records the file's new places were located at, by folded name: the import stores them so (see import-write). */
  located(): Map<string, GazetteerPlace> {
    const located = new Map<string, GazetteerPlace>();
    for (const [key, lookup] of this.lookups) if (lookup.kind === 'located') located.set(key, lookup.place);
    return located;
  }

  private nearStore(): ReadonlySet<string> {
    this.storeNear ??= this.places.nearCountries();
    return this.storeNear;
  }

  private record(ref: string): GazetteerPlace | undefined {
    if (!this.records.has(ref)) this.records.set(ref, this.places.gazetteer.byRef(ref));
    return this.records.get(ref);
  }

  /**
   * A place not stored, at the first record the file gives for it that the gazetteer has. Taken
   * as the file says (a place an admin located by hand may be at a record of another name), but
   * said when the record is no place of that name, and when a stored place leaves it unused.
   */
  private byRefs(name: string, refs: readonly string[]): Lookup | undefined {
    const stored = this.places.stored(name);
    if (stored) {
      const other = refs.find((given) => given !== stored.ref);
      if (other !== undefined) this.notes.set(name, this.storedAlreadyNote(name, stored.ref, other));
      return { kind: 'stored' };
    }
    const ref = refs.find((given) => this.record(given) !== undefined);
    if (ref === undefined) return undefined;
    const place = this.record(ref)!;
    // A pin has no name of its own: the file pins the place it names there.
    if (!isPinRef(ref) && !this.namesRecord(name, ref)) this.notes.set(name, `“${name}” is given as ${ref}, ${placeChain(place)}, a place of another name: stored there, as the file says.`);
    return { kind: 'located', place, ref };
  }

  /** A stored place the file gives another record for: that record is not taken (a pin, with the command that takes it). */
  private storedAlreadyNote(name: string, storedRef: string | null | undefined, other: string): string {
    const at = storedRef ? ` (at ${storedRef})` : '';
    const pin = isPinRef(other) ? this.record(other) : undefined;
    if (pin) return `“${name}” is stored already${at}: the file's pin at ${pinnedWhere(pin)} is not taken; to pin it so: \`${pinCommand(name, pin)}\``;
    return `“${name}” is stored already${at}: the file's record ${other} is not taken.`;
  }

  /** Whether the record is a place of this name: one the name reads as (`Sweida province`, `Al-Quneitra`), or one of its namesakes. */
  private namesRecord(name: string, ref: string): boolean {
    if (this.places.gazetteer.named(foldKey(name)).some((match) => match.place.ref === ref)) return true;
    const read = resolvePlace(this.places.gazetteer, name, false);
    return read.kind === 'located' ? read.place.ref === ref : read.kind === 'ambiguous' && read.options.some((option) => option.place.ref === ref);
  }

  /** What the import tells of the records the file gives: one of another name taken, one a stored place leaves unused. */
  refNotes(): string[] {
    return [...this.notes.values()];
  }

  private byName(name: string, near: ReadonlySet<string>): Lookup {
    const resolution = resolvePlace(this.places.gazetteer, name, true, near);
    return resolution.kind === 'located' ? { kind: 'located', place: resolution.place } : { kind: 'unlocated', resolution };
  }

  /** A name no row was learnt with (a caller that did not learn the file) is looked up alone. */
  private lookup(name: string): Lookup {
    const key = foldKey(name);
    if (!this.lookups.has(key)) this.lookups.set(key, this.byRefs(name, []) ?? this.byName(name, this.nearStore()));
    return this.lookups.get(key)!;
  }

  private unlocated(name: string): UnlocatedPlace | undefined {
    if (!this.said.has(name)) {
      const lookup = this.lookup(name);
      this.said.set(name, lookup.kind === 'unlocated' ? unlocatedAs(name, lookup.resolution) : undefined);
    }
    return this.said.get(name);
  }

  /** Why the row's records cannot be taken: unreadable, one the gazetteer lacks, or another than an earlier row gave for the place. */
  private refProblem(row: RawRow, names: readonly string[]): string | undefined {
    const read = refsOf(row, names);
    if ('problem' in read) return read.problem;
    for (const { name, ref } of read.refs.values()) {
      const lookup = this.lookup(name);
      if (lookup.kind === 'stored') continue;
      if (this.record(ref) === undefined) return `\`${PLACE_REFS_FIELD}\`: the gazetteer has no record \`${ref}\` (given for “${name}”); remove it to locate “${name}” by its name.`;
      if (lookup.kind === 'located' && lookup.ref !== undefined && lookup.ref !== ref) {
        return `\`${PLACE_REFS_FIELD}\`: “${name}” is given as \`${ref}\` here and as \`${lookup.ref}\` by an earlier row; a store holds one place by a name.`;
      }
    }
    return undefined;
  }
}
