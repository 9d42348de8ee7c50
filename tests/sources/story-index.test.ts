// The story index finds the story an item reports as comparing it with every story in order
// would: the first one added (or every one, in order), among those accepted, whatever the words
// the stories share.
import { describe, expect, it } from 'vitest';
import { foldStory, sameFoldedStory } from '../../src/core/sources/same-story.js';
import { StoryIndex } from '../../src/core/sources/story-index.js';

// Some words hold others (`aid` in `raid` and `aide`): a story's words are matched whole.
const WORDS = 'syria israel talks baku paris sweida ceasefire truce envoy strike drone clash border golan aid raid aide convoy prisoners exchange meeting officials deal'.split(' ');
const BASE = Date.parse('2025-07-10T00:00:00Z');

/** A fixed sequence of made-up headlines over few words, so that many share words and some match. */
function headlines(seed: number) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return (id: number) => ({
    id,
    title: Array.from({ length: 3 + Math.floor(random() * 5) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' '),
    published: random() < 0.1 ? undefined : new Date(BASE + random() * 4 * 86_400_000),
  });
}

describe('StoryIndex', () => {
  it('GIVEN many stories sharing words THEN each item finds the first accepted story it reports, as a comparison with every story does', () => {
    const next = headlines(7);
    const stories = Array.from({ length: 1000 }, (_, i) => next(i));
    const index = StoryIndex.of(stories, (story) => story);
    const folded = stories.map((story) => ({ ...foldStory(story), story }));
    const accept = (story: { id: number }) => story.id % 7 !== 0;
    let matched = 0;
    for (let i = 0; i < 500; i++) {
      const item = foldStory(next(10_000 + i));
      const expected = folded.find((candidate) => accept(candidate.story) && sameFoldedStory(item, candidate))?.story;
      expect(index.find(item, accept)).toBe(expected);
      if (expected) matched++;
    }
    // Both outcomes are exercised: items that report a story, and items that report none.
    expect(matched).toBeGreaterThan(60);
    expect(500 - matched).toBeGreaterThan(30);
  });

  it('GIVEN many stories sharing words THEN findAll gives every accepted story an item reports, in the order added, as a comparison with every story does', () => {
    const next = headlines(11);
    const stories = Array.from({ length: 1000 }, (_, i) => next(i));
    const index = StoryIndex.of(stories, (story) => story);
    const folded = stories.map((story) => ({ ...foldStory(story), story }));
    const accept = (story: { id: number }) => story.id % 5 !== 0;
    let several = 0;
    for (let i = 0; i < 300; i++) {
      const item = foldStory(next(10_000 + i));
      const expected = folded.filter((candidate) => accept(candidate.story) && sameFoldedStory(item, candidate)).map((candidate) => candidate.story);
      expect(index.findAll(item, accept)).toEqual(expected);
      if (expected.length > 1) several++;
    }
    expect(several).toBeGreaterThan(20);
  });
});
