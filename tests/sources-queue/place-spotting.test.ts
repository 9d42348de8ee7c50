// A feed item's new places are looked up in the gazetteer a bounded number of times: an item of
// capitalised nonsense (a hostile feed) costs the bot's thread a few lookups, not thousands, and
// the next item is read as before.
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

/** A gazetteer of one place that counts the names it is asked about. */
function countingGazetteer(): Gazetteer & { asked: number } {
  const records = (key: string) => (key === 'daraa' ? [DARAA] : []);
  return {
    asked: 0,
    named(key) {
      this.asked++;
      return records(key).map((place) => ({ place, tier: 0 }));
    },
    ownNamed(key) {
      this.asked++;
      return records(key);
    },
    byRef: (ref) => (ref === DARAA.ref ? DARAA : undefined),
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

  it('WHEN the same names come again THEN they are not looked up again', () => {
    const gazetteer = countingGazetteer();
    const spotter = new PlaceSpotter(gazetteer, new Set(['SY']));
    spotter.spot('Shelling reported near Daraa overnight', () => false);
    const asked = gazetteer.asked;
    expect(spotter.spot('More shelling near Daraa', () => false)).toEqual(['Daraa']);
    expect(gazetteer.asked - asked).toBeLessThanOrEqual(1);
  });
});
