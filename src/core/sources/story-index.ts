// Finding, among many stories, the first one an item is another report of, without comparing it
// with each: stories are filed by their folded title and by each word of it, and an item is
// compared only with those holding its exact title or one of its rarest words. Two titles alike
// enough share at least wordsNeeded(n) of the item's n words, so they share one of any
// n - wordsNeeded(n) + 1 of them: the rarest ones find every match and few others. The answer is
// the one comparing the item with every story in order would give.
import type { FeedItem } from './feed-port.js';
import { foldStory, sameFoldedStory, wordsNeeded, type FoldedStory } from './same-story.js';

type Story = Pick<FeedItem, 'title' | 'published'>;

/** Where an item may look for the story it reports. */
export interface StoryLookup<T> {
  /** The first story (in the order added) that the item, folded, is another report of. */
  find(item: FoldedStory): T | undefined;
}

export class StoryIndex<T> implements StoryLookup<T> {
  private readonly stories: (FoldedStory & { value: T })[] = [];
  /** Positions of the stories by folded title: how stories without a date match. */
  private readonly byKey = new Map<string, number[]>();
  /** Positions of the dated stories by word. */
  private readonly byWord = new Map<string, number[]>();

  /** An index of `values` in their order, each read as a story by `story`. */
  static of<T>(values: Iterable<T>, story: (value: T) => Story): StoryIndex<T> {
    const index = new StoryIndex<T>();
    for (const value of values) index.add(value, foldStory(story(value)));
    return index;
  }

  add(value: T, folded: FoldedStory): void {
    const at = this.stories.push({ ...folded, value }) - 1;
    if (folded.title.key) file(this.byKey, folded.title.key, at);
    if (folded.published) for (const word of folded.title.words) file(this.byWord, word, at);
  }

  /** The first story added that `item` reports too, among those `accept` keeps. */
  find(folded: FoldedStory, accept: (value: T) => boolean = () => true): T | undefined {
    return this.walk(folded, accept);
  }

  /** Every story `item` reports too, among those `accept` keeps, in the order added. */
  findAll(folded: FoldedStory, accept: (value: T) => boolean): T[] {
    const all: T[] = [];
    this.walk(folded, accept, all);
    return all;
  }

  /** The first story that matches, or, given `all`, none: each match is put in it instead. */
  private walk(folded: FoldedStory, accept: (value: T) => boolean, all?: T[]): T | undefined {
    const lists: number[][] = [];
    const byKey = this.byKey.get(folded.title.key);
    if (byKey) lists.push(byKey);
    if (folded.published) {
      for (const word of this.rarest(folded.title.words)) {
        const positions = this.byWord.get(word);
        if (positions) lists.push(positions);
      }
    }
    // Each list holds positions in the order stories were added: walked together, smallest first,
    // each story is compared once, in that order, and the walk stops at the first that matches
    // (or, for all of them, at the end).
    const next = lists.map(() => 0);
    for (;;) {
      let at = Infinity;
      for (let i = 0; i < lists.length; i++) at = Math.min(at, lists[i]![next[i]!] ?? Infinity);
      if (at === Infinity) return undefined;
      for (let i = 0; i < lists.length; i++) if (lists[i]![next[i]!] === at) next[i]! += 1;
      const story = this.stories[at]!;
      if (!accept(story.value) || !sameFoldedStory(folded, story)) continue;
      if (!all) return story.value;
      all.push(story.value);
    }
  }

  /** The words of a title that any title alike enough shares at least one of, rarest first. */
  private rarest(words: ReadonlySet<string>): string[] {
    const count = words.size - wordsNeeded(words.size) + 1;
    const frequency = (word: string) => this.byWord.get(word)?.length ?? 0;
    return [...words].sort((a, b) => frequency(a) - frequency(b)).slice(0, count);
  }
}

function file(index: Map<string, number[]>, key: string, at: number): void {
  const positions = index.get(key);
  if (positions) positions.push(at);
  else index.set(key, [at]);
}
