// GIVEN places on a map, each coloured by its latest event type, WHEN the map is told in words,
// THEN the alt text names the types and the places of each (colour alone says nothing to a screen
// reader), and the data gives one place per line, each figure named on it.
import { describe, expect, it } from 'vitest';
import { mapAlt, mapLines, typeWords } from '../../commands/chart/map-words.js';
import type { LocatedPoint } from '../../src/core/charts/chart.js';
import type { EventType } from '../../src/core/vocabulary.js';
import { lineToPlainText } from '../../src/core/view.js';

const place = (name: string, entries: number, latestType: EventType, lat = 33.51, lon = 36.29): LocatedPoint => ({ name, lat, lon, entries, latestType });

describe('a map’s alt text', () => {
  it('says which places are of which latest event type, the type at most places first', () => {
    const points = [place('Paris', 3, 'talks'), place('Damascus', 5, 'air-strike'), place('Daraa', 2, 'air-strike'), place('Homs', 1, 'air-strike'), place('Idlib', 4, 'air-strike'), place('Baku', 1, 'talks'), place('Sweida', 2, 'statement')];
    expect(typeWords(points)).toBe(
      'Latest event types: Air/drone strike at 4 places (Damascus, Idlib, Daraa and 1 more); Talks/negotiation at 2 places (Paris and Baku); Statement at 1 place (Sweida).',
    );
    expect(mapAlt(points, ['Golan Heights'], 'in 2025')).toMatch(/; 1 place without coordinates is not shown\. Latest event types: Air\/drone strike at 4 places /);
  });

  it('says one type once, for every place or the only one', () => {
    expect(typeWords([place('Paris', 3, 'talks'), place('Baku', 1, 'talks')])).toBe('Latest event type: Talks/negotiation at every place.');
    expect(typeWords([place('Paris', 3, 'talks')])).toBe('Latest event type: Talks/negotiation.');
  });
});

describe('a map’s data', () => {
  it('is one line per place, each figure named, with no columns padded for the eye', () => {
    const lines = mapLines([place('Paris', 3, 'statement', 48.86, 2.35), place('Sweida province', 1, 'armed-clash', 32.71, 36.57)]).map(lineToPlainText);
    expect(lines).toEqual([
      'Paris: 3 entries; latest event type Statement; latitude 48.86, longitude 2.35',
      'Sweida province: 1 entry; latest event type Armed clash; latitude 32.71, longitude 36.57',
    ]);
  });
});
