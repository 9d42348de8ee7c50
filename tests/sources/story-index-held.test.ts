// The story index holds each story compactly (its words, names and figures as strings, made into
// sets again only for a comparison): the stories it finds are those comparing the item with every
// story finds, for titles that name people and places, give figures, open with who speaks or acts,
// in Title Case, in Arabic, with and without a date; and thousands of stories take little memory.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { foldStory, sameFoldedStory } from '../../src/core/sources/same-story.js';
import { StoryIndex } from '../../src/core/sources/story-index.js';

/** Titles worded as outlets word them, alike in pairs or not, drawn from the same-story fixtures. */
const TITLES = [
  'Syria and Israel hold de-escalation talks in Baku',
  'Israel, Syria resume de-escalation talks in Baku',
  'Al-Shaibani and Dermer meet in Paris, sources say',
  'Al-Shaibani and Dermer meet in Baku, sources say',
  'Syria And Israel Hold Talks In Baku',
  'Washington warns Israel against further incursions in Syria',
  'Damascus warns Israel against further incursions in Syria',
  'US warns Israel against further incursions in Syria',
  'Washington Warns Israel Against Further Incursions In Syria',
  'سوريا وإسرائيل تعقدان محادثات في باكو',
  'محادثات بين إسرائيل وسوريا في باكو',
  'مقتل 3 مدنيين في غارة إسرائيلية على ريف درعا',
  'مقتل 3 مدنيين في غارة إسرائيلية على ريف دمشق',
  'مقتل 3 مدنيين بغارة إسرائيلية على ريف درعا',
  'Hezbollah fires rockets at Israel',
  'Israel fires rockets at Hezbollah',
  'Hezbollah Fires Rockets At Israel',
  'Live: Hezbollah fires rockets at Israel',
  'Live: Israel fires rockets at Hezbollah',
  'Israeli strike kills Hezbollah commander',
  'Hezbollah commander killed in Israeli strike',
  'Israeli strikes hit Hezbollah positions in Bekaa',
  'Hezbollah positions in Bekaa hit by Israeli strikes',
  'Lebanese Forces and Amal Forces trade accusations over Beirut clash',
  'Beirut clash: Amal Forces, Lebanese Forces trade accusations',
  'Syria and Israel agree ceasefire in Sweida',
  'Syria and Israel reject ceasefire in Sweida',
  'Ceasefire in Sweida agreed by Syria and Israel',
  'UN condemns Israeli strike on Damascus',
  'EU condemns Israeli strike on Damascus',
  'US, UK warn Iran over strikes in Syria',
  'UK, US warn Iran over strikes in Syria',
  'US STRIKES IRAN-BACKED MILITIA IN EASTERN SYRIA',
  'US strikes Iran-backed militia in eastern Syria',
  'Strike on Gaza school kills 30',
  'Strike on Gaza school kills thirty',
  'Strike on Gaza school kills 3',
  'Strike on Gaza school kills 30, wounds 45',
  'Football: Cup quarter-final 3-1 ends in draw',
  'Football: Cup quarter-final 1-3 ends in draw',
  'Sweida clashes displace 1,200 families, UN says',
  'Sweida clashes displace 1200 families',
  'Talks in Baku',
  'TALKS IN BAKU!',
  '!!',
];

const DAY = Date.parse('2025-07-12T10:00:00Z');

/** Each title three times: published the same day, two days later, and undated. */
const stories = TITLES.flatMap((title, i) => [
  { id: i * 3, title, published: new Date(DAY) },
  { id: i * 3 + 1, title, published: new Date(DAY + 49 * 3600_000) },
  { id: i * 3 + 2, title, published: undefined },
]);

describe('StoryIndex, stories held compactly', () => {
  it('GIVEN titles of every kind the comparison reads THEN findAll gives the stories comparing with each gives, in order', () => {
    const index = StoryIndex.of(stories, (story) => story);
    const folded = stories.map((story) => ({ folded: foldStory(story), story }));
    let found = 0;
    for (const item of stories) {
      const itemFolded = foldStory(item);
      const expected = folded.filter(({ folded }) => sameFoldedStory(itemFolded, folded)).map(({ story }) => story);
      expect(index.findAll(itemFolded, () => true)).toEqual(expected);
      expect(index.find(itemFolded)).toBe(expected[0]);
      found += expected.length;
    }
    // Beyond each title's own copies: alike titles found, different ones not.
    expect(found).toBeGreaterThan(stories.length);
  });

  it('GIVEN 5,000 stories of a check cycle THEN the index holds each in under 800 bytes of heap', () => {
    // Measured with collections forced: the figure is what stays live, not garbage.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const names = Array.from({ length: 400 }, (_, i) => `Actor${i} Name${i}`);
    const places = Array.from({ length: 200 }, (_, i) => `Place${i}`);
    const words = ['hold talks', 'meet', 'sign accord', 'agree truce', 'exchange prisoners', 'discuss ceasefire'];
    const held = Array.from({ length: 5_000 }, (_, i) => ({
      id: i,
      title: `${names[(i * 7) % 400]} and ${names[(i * 13) % 400]} ${words[i % 6]} over border convoy ${i % 50} in ${places[(i * 11) % 200]}`,
      published: new Date(DAY + i * 60_000),
    }));
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const index = StoryIndex.of(held, (story) => story);
    gc();
    gc();
    const perStory = (process.memoryUsage().heapUsed - before) / held.length;
    expect(index.find(foldStory(held[42]!))).toBe(held[42]);
    expect(perStory).toBeLessThan(800);
  });
});
