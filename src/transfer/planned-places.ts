// The new places an import's check located, stored before the entries naming them: each where the
// check found it (by the record the file gives, or near the file's other places), not where its
// name alone would lead once some of the file's entries are written. Stored so, the entries find
// them as any stored place.
import type { ChangeStamp, EntryInput } from '../core/domain.js';
import type { GazetteerPlace } from '../core/places/gazetteer-port.js';
import { foldKey } from '../core/text.js';
import type { Db } from '../store/connection.js';
import { setPlaceLocation } from '../store/place-locations.js';

/** Stores the located places the entries name that the store lacks, under the spelling the first entry gives. */
export function storeLocatedPlaces(db: Db, entries: readonly EntryInput[], located: ReadonlyMap<string, GazetteerPlace>, stamp: ChangeStamp): void {
  if (located.size === 0) return;
  const insert = db.prepare('INSERT INTO places (name, place_key) VALUES (?, ?) ON CONFLICT (place_key) DO NOTHING');
  const done = new Set<string>();
  for (const name of entries.flatMap((entry) => entry.places)) {
    const key = foldKey(name);
    const place = located.get(key);
    if (!place || done.has(key)) continue;
    done.add(key);
    // A place stored meanwhile (by the bot) is decided already: it is left as it is.
    const { changes, lastInsertRowid } = insert.run(name, key);
    if (changes > 0) setPlaceLocation(db, Number(lastInsertRowid), { kind: 'located', place }, stamp);
  }
}
