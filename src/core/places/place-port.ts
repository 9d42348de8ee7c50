// Stored places as the commands see them: where each is, which ones wait for an admin, and how
// they came to be located. The store implements it (src/store/place-store.ts).
import type { ChangeStamp } from '../domain.js';
import type { Page } from '../ports.js';
import type { Gazetteer, GazetteerPlace, PlacePrecision } from './gazetteer-port.js';
import type { Bounds } from './pins.js';

export type PlaceLocation = 'located' | 'ambiguous' | 'not-located';

export interface StoredPlace {
  id: number;
  name: string;
  /**
   * The key entries are filtered by: the folded name, or, for a place a re-keying migration
   * could not re-key (its new key held by another place), the key an older fold gave it.
   */
  key: string;
  /** Undefined while not looked up yet (stored before Sitrep located places, until it starts). */
  location?: PlaceLocation;
  precision?: PlacePrecision;
  /** The gazetteer record, for a located place. */
  ref?: string;
  /** For an ambiguous place: spellings that each name one candidate. */
  candidates: string[];
}

/** A stored place with its live entries counted: a count reads every link of the place. */
export interface CountedPlace extends StoredPlace {
  entries: number;
}

/** One line of a place's location log, as /entry history shows it. */
export interface PlaceLocationRecord {
  place: string;
  location: PlaceLocation;
  detail: string;
  changedBy: string;
  changedAt: string;
}

/** `place` is a gazetteer record, or a pin at coordinates (src/core/places/pins.ts). */
export type PlaceDecision = { kind: 'located'; place: GazetteerPlace } | { kind: 'not-located' };

export interface PlaceDirectory {
  /** The gazetteer, whose byRef also answers the refs of places pinned at coordinates. */
  readonly gazetteer: Gazetteer;
  /** The box a country's gazetteer places lie in (with a margin): a pin in it far outside is mistyped. */
  countryBounds(countryCode: string): Bounds | undefined;
  /** The stored place of this name (its own, else its folded name), if any, whatever its entries (timeline filters, imports). */
  stored(name: string): StoredPlace | undefined;
  /** The countries the dossier's located places are in: a name several places share means the one there. */
  nearCountries(): ReadonlySet<string>;
  /** How many live entries are at a stored place. */
  entriesAt(placeId: number): number;
  /** The stored places located as this gazetteer record (its spellings: Quneitra, Kuneitra), most used first. */
  locatedAs(ref: string): CountedPlace[];
  /** Places the gazetteer could not settle (ambiguous) or not looked up yet, most used first. */
  unsettled(limit: number, offset: number): Page<CountedPlace>;
  /**
   * Places kept as free text (not located) that live entries show, the latest stored first: no
   * area holds them. Not counted: a count reads every entry at every such place.
   */
  freeText(limit: number): Page<StoredPlace>;
  /** An admin's decision on a stored place: located as a record, or kept as not located. */
  settle(placeId: number, decision: PlaceDecision, stamp: ChangeStamp): void;
  /** How the stored places of these names came to be located, oldest first (an entry's places, now and before). */
  locationsOf(names: readonly string[]): PlaceLocationRecord[];
}
