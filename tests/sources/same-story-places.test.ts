// Titles alike but for the place they name are two stories, in Arabic as in Latin script: Arabic
// has no capitals, so its places are read after a preposition of place or a word saying a place
// follows, whatever Arabic writes onto them.
import { describe, expect, it } from 'vitest';
import { sameStory } from '../../src/core/sources/same-story.js';

const day = new Date('2025-07-12T10:00:00Z');
const both = (a: string, b: string) => [
  sameStory({ title: a, published: day }, { title: b, published: day }),
  sameStory({ title: b, published: day }, { title: a, published: day }),
];

describe('sameStory with places', () => {
  it.each([
    // Rural Daraa, rural Damascus.
    ['مقتل 3 مدنيين في غارة إسرائيلية على ريف درعا', 'مقتل 3 مدنيين في غارة إسرائيلية على ريف دمشق'],
    ['اتفاق على وقف إطلاق النار في السويداء', 'اتفاق على وقف إطلاق النار في درعا'],
    // The place with a preposition or a conjunction written onto it, or after a word saying a place follows.
    ['مقتل 3 مدنيين في غارة إسرائيلية بدرعا', 'مقتل 3 مدنيين في غارة إسرائيلية بدمشق'],
    ['غارة إسرائيلية تستهدف مدينة درعا', 'غارة إسرائيلية تستهدف مدينة حمص'],
    ['مقتل 3 مدنيين في غارة إسرائيلية قرب دير الزور', 'مقتل 3 مدنيين في غارة إسرائيلية قرب دير حافر'],
    ['Ceasefire agreed in Sweida', 'Ceasefire agreed in Daraa'],
    ['Frappe israélienne près de Damas', 'Frappe israélienne près de Deraa'],
  ])('GIVEN %j and %j THEN different stories', (a, b) => {
    expect(both(a, b)).toEqual([false, false]);
  });

  it.each([
    // The same place, with or without what Arabic writes onto it, or the place named by one title only.
    ['مقتل 3 مدنيين في غارة إسرائيلية على ريف درعا', 'مقتل 3 مدنيين بغارة إسرائيلية على ريف درعا'],
    ['اتفاق على وقف إطلاق النار في السويداء', 'اتفاق على وقف إطلاق النار بالسويداء'],
    ['مقتل 3 مدنيين في غارة إسرائيلية على ريف درعا', 'مقتل 3 مدنيين في غارة إسرائيلية على ريف درعا الغربي'],
    ['مقتل ٣ في غارة إسرائيلية قرب القنيطرة', 'مقتل 3 في غارة إسرائيلية قرب القنيطرة'],
  ])('GIVEN %j and %j THEN the same story', (a, b) => {
    expect(both(a, b)).toEqual([true, true]);
  });
});
