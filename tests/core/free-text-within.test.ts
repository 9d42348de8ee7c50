// GIVEN more places kept as free text than a note reads WHEN a country's timeline names those that
// could lie there THEN it says there are more without a count it did not make.
import { describe, expect, it } from 'vitest';
import { freeTextWithin } from '../../src/core/places/free-text-within.js';
import type { Gazetteer, GazetteerPlace } from '../../src/core/places/gazetteer-port.js';
import type { PlaceDirectory, StoredPlace } from '../../src/core/places/place-port.js';

const syria: GazetteerPlace = { precision: 'country', ref: 'country:SY', name: 'Syria', country: { code: 'SY', alpha3: 'SYR', name: 'Syria' }, latitude: 35, longitude: 38, population: 0 };
const nothingKnown = { ownNamed: () => [], countriesNamed: () => [], countriesOfPeople: () => [] } as unknown as Gazetteer;

/** `stored` free-text places, the latest first; a directory reads at most `limit` of them. */
function directory(stored: number): PlaceDirectory {
  const all: StoredPlace[] = Array.from({ length: stored }, (_, i) => ({ id: stored - i, name: `Hamlet ${stored - i}`, key: `hamlet ${stored - i}`, location: 'not-located', candidates: [] }));
  return {
    gazetteer: nothingKnown,
    nearCountries: () => new Set(['SY']),
    freeText: (limit: number) => ({ items: all.slice(0, limit), total: all.length, totalIsLowerBound: false }),
  } as unknown as PlaceDirectory;
}

describe('GIVEN places kept as free text that name nowhere known', () => {
  it('WHEN all were read THEN the note counts those it leaves unnamed', () => {
    expect(freeTextWithin(directory(5), syria, 'Syria', 3)).toEqual({ names: ['Hamlet 5', 'Hamlet 4', 'Hamlet 3'], more: 2 });
  });

  it('WHEN there are more than it reads THEN it says there are more, uncounted', () => {
    expect(freeTextWithin(directory(450), syria, 'Syria', 3)).toEqual({ names: ['Hamlet 450', 'Hamlet 449', 'Hamlet 448'], more: undefined });
  });
});
