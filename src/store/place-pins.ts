// The gazetteer as the store's places see it: its own records, and the pins admins placed at
// coordinates (src/core/places/pins.ts). Every reader of a stored place's record (/place, filters,
// watches, exports) asks byRef, so a pin answers there like any locality.
import type { Gazetteer, GazetteerPlace } from '../core/places/gazetteer-port.js';
import { isPinRef, pinRecord } from '../core/places/pins.js';
import type { Db } from './connection.js';

export class GazetteerWithPins implements Gazetteer {
  private readonly pinName;

  constructor(
    db: Db,
    private readonly inner: Gazetteer,
  ) {
    // No index on the record: a dossier stores a few thousand places, and only pins are looked up so.
    this.pinName = db.prepare("SELECT name FROM places WHERE gazetteer_ref = ? AND location = 'located' ORDER BY id LIMIT 1").pluck();
  }

  /** A pin is named as the place pinned there (the first stored); one no place holds (a file's) by its coordinates. */
  byRef(ref: string): GazetteerPlace | undefined {
    if (!isPinRef(ref)) return this.inner.byRef(ref);
    return pinRecord(this.inner, ref, this.pinName.get(ref) as string | undefined);
  }

  named(key: string) {
    return this.inner.named(key);
  }

  ownNamed(key: string) {
    return this.inner.ownNamed(key);
  }

  arabicNames(ref: string) {
    return isPinRef(ref) ? [] : this.inner.arabicNames(ref);
  }

  latinNames(ref: string) {
    return isPinRef(ref) ? [] : this.inner.latinNames(ref);
  }

  demonyms(countryCode: string) {
    return this.inner.demonyms(countryCode);
  }

  countriesOfPeople(key: string) {
    return this.inner.countriesOfPeople(key);
  }

  countryNames(countryCode: string) {
    return this.inner.countryNames(countryCode);
  }

  countriesNamed(key: string) {
    return this.inner.countriesNamed(key);
  }

  neighbours(countryCode: string) {
    return this.inner.neighbours(countryCode);
  }

  closest(typed: string, count: number, within?: (place: GazetteerPlace) => boolean) {
    return this.inner.closest(typed, count, within);
  }
}
