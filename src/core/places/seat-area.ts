// The area a located record means where a list is narrowed by it: a seat sharing a name with its
// region (Dar‘ā, the seat of Daraa, which answers to `Daraa` too) means the region, whichever
// spelling reached it (`Deraa`, `Dar'a`), so that every spelling reads the same entries.
import { foldKey } from '../text.js';
import type { Gazetteer, GazetteerPlace } from './gazetteer-port.js';

/** The record's region where the two share a name of their own or of Sitrep's aliases; else the record. */
export function areaMeant(gazetteer: Gazetteer, place: GazetteerPlace): string {
  if (place.precision !== 'locality' || !place.region) return place.ref;
  const region = `region:${place.region.code}`;
  const keys = new Set([place.region.name, place.name, ...gazetteer.latinNames(place.ref)].map(foldKey));
  for (const key of keys) {
    const refs = gazetteer.ownNamed(key).map((named) => named.ref);
    if (refs.includes(region) && refs.includes(place.ref)) return region;
  }
  return place.ref;
}
