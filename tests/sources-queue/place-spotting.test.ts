// A feed item's new places are looked up in the gazetteer a bounded number of times: an item of
// capitalised nonsense, or of names each the name of many places (a hostile feed), costs the
// bot's thread a bounded amount of gazetteer work, not thousands of queries, and the next item
// is read as before.
import { describe, expect, it } from 'vitest';
import type { Gazetteer, GazetteerPlace } from '../../src/core/places/gazetteer-port.js';
import { LOOKUPS_PER_ITEM, PlaceSpotter } from '../../src/core/sources/place-spotting.js';

const DARAA: GazetteerPlace = {
  precision: 'region',
  ref: 'region:SY.08',
  name: 'Daraa',
  country: { code: 'SY', alpha3: 'SYR', name: 'Syria' },
  region: { code: 'SY.08', name: 'Daraa' },
  latitude: 32.9,
  longitude: 36.1,
  population: 278_865,
};

/** A hamlet in a far country, of which there are many of every name `Qx…`: never suggested. */
const hamlet = (key: string, i: number): GazetteerPlace => ({
  precision: 'locality',
  ref: `locality:${key}-${i}`,
  name: key,
  country: { code: 'PE', alpha3: 'PER', name: 'Peru' },
  latitude: -12,
  longitude: -77,
  population: 0,
});

/**
 * A gazetteer of Daraa, and of `hamlets` places for every `Qx…` name, that counts the names it
 * is asked about and the records it answers.
 */
function countingGazetteer(hamlets = 0): Gazetteer & { asked: number; answered: number } {
  const records = (key: string) => (key === 'daraa' || key === 'درعا' ? [DARAA] : key.startsWith('qx') ? Array.from({ length: hamlets }, (_, i) => hamlet(key, i)) : []);
  return {
    asked: 0,
    answered: 0,
    named(key) {
      this.asked++;
      const found = records(key);
      this.answered += found.length;
      return found.map((place) => ({ place, tier: 0 }));
    },
    ownNamed(key) {
      this.asked++;
      const found = records(key);
      this.answered += found.length;
      return found;
    },
    byRef: (ref) => (ref === DARAA.ref ? DARAA : undefined),
    arabicNames: () => [],
    latinNames: () => [],
    demonyms: () => [],
    countriesOfPeople: () => [],
    countryNames: () => [],
    countriesNamed: () => [],
    neighbours: () => [],
    closest: () => [],
  };
}

/** 4,000 characters of capitalised words that name nothing, each different. */
function nonsense(): string {
  const words: string[] = [];
  for (let i = 0; words.join(' ').length < 4_000; i++) words.push(`Qx${i.toString(36)}vorn`);
  return words.join(' ');
}

describe('GIVEN a spotter for a dossier in Syria', () => {
  it('WHEN an item is 4,000 characters of capitalised nonsense THEN the gazetteer is asked at most the lookups an item may spend, and the next item still finds Daraa', () => {
    const gazetteer = countingGazetteer();
    const spotter = new PlaceSpotter(gazetteer, new Set(['SY']));
    expect(spotter.spot(nonsense(), () => false)).toEqual([]);
    expect(gazetteer.asked).toBeGreaterThan(0);
    expect(gazetteer.asked).toBeLessThanOrEqual(LOOKUPS_PER_ITEM);
    expect(spotter.spot('Shelling reported near Daraa overnight', () => false)).toEqual(['Daraa']);
  });

  it('WHEN every capitalised word of an item is the name of 20 places THEN the item reads at most its allowance of queries and records', () => {
    const gazetteer = countingGazetteer(20);
    const spotter = new PlaceSpotter(gazetteer, new Set(['SY']));
    expect(spotter.spot(nonsense().replace(/ /g, ', '), () => false)).toEqual([]);
    // The last query may answer more than the allowance had left.
    expect(gazetteer.asked + gazetteer.answered).toBeLessThanOrEqual(LOOKUPS_PER_ITEM + 20);
    expect(gazetteer.asked).toBeLessThan(LOOKUPS_PER_ITEM / 10);
    expect(spotter.spot('Shelling reported near Daraa overnight', () => false)).toEqual(['Daraa']);
  });

  it('WHEN an Arabic item is a cue before every word THEN the gazetteer is asked at most the lookups an item may spend, and the next item still finds Daraa', () => {
    const gazetteer = countingGazetteer();
    const spotter = new PlaceSpotter(gazetteer, new Set(['SY']));
    const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
    const words = Array.from({ length: 800 }, (_, i) => `قرية ${letters[i % 28]}${letters[Math.floor(i / 28) % 28]}${letters[(i * 7) % 28]}ان`);
    expect(spotter.spot(words.join(' '), () => false)).toEqual([]);
    expect(gazetteer.asked).toBeGreaterThan(0);
    expect(gazetteer.asked).toBeLessThanOrEqual(LOOKUPS_PER_ITEM);
    expect(spotter.spot('Shelling reported near Daraa overnight', () => false)).toEqual(['Daraa']);
  });

  it('WHEN a long Arabic item names its place first and then hundreds of other words THEN the place is found: only the words after a cue are read for countries', () => {
    const gazetteer = countingGazetteer();
    const spotter = new PlaceSpotter(gazetteer, new Set(['SY']));
    const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
    const words = Array.from({ length: 300 }, (_, i) => `${letters[i % 28]}${letters[Math.floor(i / 28) % 28]}${letters[(i * 5) % 28]}ون`);
    expect(spotter.spot(`قصف قرب درعا. ${words.join(' ')}`.slice(0, 1_200), () => false)).toEqual(['Daraa']);
  });

  it('WHEN the same names come again THEN they are not looked up again', () => {
    const gazetteer = countingGazetteer();
    const spotter = new PlaceSpotter(gazetteer, new Set(['SY']));
    spotter.spot('Shelling reported near Daraa overnight', () => false);
    const asked = gazetteer.asked;
    expect(spotter.spot('More shelling near Daraa', () => false)).toEqual(['Daraa']);
    expect(gazetteer.asked - asked).toBeLessThanOrEqual(1);
  });
});
