// Finding, among many stories, the first one an item is another report of, without comparing it
// with each: stories are filed by their folded title and by each word of it, and an item is
// compared only with those holding its exact title or enough of its rarest words. Two titles
// alike enough share at least wordsNeeded(n) of the item's n words, so they share one of any
// n - wordsNeeded(n) + 1 of them, and k + 1 of any k more: the rarest ones, and two more, find
// every match and few others. The answer is the one comparing the item with every story in order
// would give. Stories are held for days (thousands of them through a check cycle), so each is
// held compactly: its words, names and figures each as one string, not as sets and arrays of
// strings, and made into sets again only for the stories an item is compared with.
import type { FeedItem } from './feed-port.js';
import { foldStory, mayTellSameStory, sameFoldedStory, wordsNeeded, type FoldedStory, type FoldedTitle } from './same-story.js';

type Story = Pick<FeedItem, 'title' | 'published'>;

/** Where an item may look for the story it reports. */
export interface StoryLookup<T> {
  /** The first story (in the order added) that the item, folded, is another report of. */
  find(item: FoldedStory): T | undefined;
}

/** A story as the index holds it: its folded title's parts, a list of words as one string of them (see joined). */
interface HeldStory<T> {
  value: T;
  /** The publication in ms (a Date is some 40 bytes more a story): made a Date again when compared. */
  published: number | undefined;
  key: string;
  words: string;
  names: string;
  figures: string;
  lead: string | undefined;
  initialLead: string | undefined;
  speaker: string | undefined;
  titleCase: boolean;
}

/**
 * Words in their order as one string, and back: a folded title's words, names and figures hold no
 * space (each is a piece of the title split at its spaces).
 */
const joined = (words: Iterable<string>) => [...words].join(' ');
const split = (text: string) => (text === '' ? [] : text.split(' '));

/**
 * Words of an item's title looked up beyond the fewest that find every story alike (see rarest):
 * each one more a story must hold. More lists to walk, far fewer stories compared.
 */
const EXTRA_WORDS = 2;

/** The story as sameFoldedStory reads it: the title's words and names as sets again, in their order. */
function unfold(story: HeldStory<unknown>): FoldedStory {
  const { key, lead, initialLead, speaker, titleCase, published } = story;
  const [words, names, figures] = [split(story.words), split(story.names), split(story.figures)];
  const title: FoldedTitle = { key, words: new Set(words), names: new Set(names), figures, titleCase, lead, ...(initialLead === undefined ? {} : { initialLead }), ...(speaker === undefined ? {} : { speaker }) };
  return { title, published: published === undefined ? undefined : new Date(published) };
}

export class StoryIndex<T> implements StoryLookup<T> {
  private readonly stories: HeldStory<T>[] = [];
  /** Each lead and speaker of the stories held, once: what the stories point to. */
  private readonly vocabulary = new Map<string, string>();
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
    const at = this.stories.push(this.held(value, folded)) - 1;
    if (folded.title.key) file(this.byKey, folded.title.key, at);
    if (folded.published) for (const word of folded.title.words) file(this.byWord, word, at);
  }

  /** A new index of the stories `keep` keeps, in their order: as they are held, not folded again. */
  kept(keep: (value: T) => boolean): StoryIndex<T> {
    const index = new StoryIndex<T>();
    for (const story of this.stories) if (keep(story.value)) index.refile(story);
    return index;
  }

  /** A new index of these stories, with the one `which` finds held in its place as `value`, folded as `folded`. */
  revised(which: (value: T) => boolean, value: T, folded: FoldedStory): StoryIndex<T> {
    const index = new StoryIndex<T>();
    for (const story of this.stories) {
      if (which(story.value)) index.add(value, folded);
      else index.refile(story);
    }
    return index;
  }

  /** Files a story another index held, as add would have filed it. */
  private refile(story: HeldStory<T>): void {
    const at = this.stories.push(story) - 1;
    for (const word of [story.lead, story.initialLead, story.speaker]) if (word !== undefined) this.shared(word);
    if (story.key) file(this.byKey, story.key, at);
    if (story.published !== undefined) for (const word of split(story.words)) file(this.byWord, word, at);
  }

  /** The story to hold: its strings those the index holds already where it does. */
  private held(value: T, { title, published }: FoldedStory): HeldStory<T> {
    const word = (text: string) => this.shared(text);
    const sameKey = this.byKey.get(title.key);
    return {
      value,
      published: published?.getTime(),
      key: sameKey ? this.stories[sameKey[0]!]!.key : title.key,
      words: joined(title.words),
      names: joined(title.names),
      figures: joined(title.figures),
      lead: title.lead === undefined ? undefined : word(title.lead),
      initialLead: title.initialLead === undefined ? undefined : word(title.initialLead),
      speaker: title.speaker === undefined ? undefined : word(title.speaker),
      titleCase: title.titleCase,
    };
  }

  private shared(text: string): string {
    const known = this.vocabulary.get(text);
    if (known !== undefined) return known;
    this.vocabulary.set(text, text);
    return text;
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
    const byKey = this.byKey.get(folded.title.key) ?? [];
    const { words, shares } = folded.published ? this.rarest(folded.title.words) : { words: [], shares: 0 };
    const lists = words.flatMap((word) => {
      const positions = this.byWord.get(word);
      return positions ? [positions] : [];
    });
    // Each list holds positions in the order stories were added: walked together, smallest first,
    // each story is compared once, in that order, and the walk stops at the first that matches
    // (or, for all of them, at the end).
    const next = lists.map(() => 0);
    let nextOfKey = 0;
    for (;;) {
      let at = byKey[nextOfKey] ?? Infinity;
      for (let i = 0; i < lists.length; i++) at = Math.min(at, lists[i]![next[i]!] ?? Infinity);
      if (at === Infinity) return undefined;
      const sameKey = byKey[nextOfKey] === at;
      if (sameKey) nextOfKey += 1;
      let held = 0;
      for (let i = 0; i < lists.length; i++) {
        if (lists[i]![next[i]!] !== at) continue;
        next[i]! += 1;
        held += 1;
      }
      // A story holding fewer of the words than any alike enough does is not compared.
      if (!sameKey && held < shares) continue;
      const story = this.stories[at]!;
      // Most stories left are not alike either: told so by their words, before folding them whole.
      if (!accept(story.value) || !mayTellSameStory(folded, story.published, story.key, story.words) || !sameFoldedStory(folded, unfold(story))) continue;
      if (!all) return story.value;
      all.push(story.value);
    }
  }

  /**
   * The rarest words of a title, and how many of them any title alike enough shares. It shares
   * wordsNeeded(n) of the n words at least, so one of the n - wordsNeeded(n) + 1 rarest, and one
   * more for each word taken beyond them: with the next rarest too, a story holding one word alone
   * (a common name) is not compared.
   */
  private rarest(words: ReadonlySet<string>): { words: string[]; shares: number } {
    const needed = wordsNeeded(words.size);
    const extra = Math.min(EXTRA_WORDS, needed - 1);
    const frequency = (word: string) => this.byWord.get(word)?.length ?? 0;
    return { words: [...words].sort((a, b) => frequency(a) - frequency(b)).slice(0, words.size - needed + 1 + extra), shares: 1 + extra };
  }
}

function file(index: Map<string, number[]>, key: string, at: number): void {
  const positions = index.get(key);
  if (positions) positions.push(at);
  else index.set(key, [at]);
}
