// Whether two items (from one feed or several) report the same story: titles made of mostly the
// same words, published within two days. Outlets word one event differently ("Israel, Syria
// resume talks in Baku" / "Syria and Israel hold talks in Baku"), so titles are compared as sets
// of words, not as strings; but who acts is read from the order of the words: titles opening with
// different actors, or naming the same two the other way round about the same action, are two
// stories. Figures are words in digits however written (`Three`, `3`), and titles giving different
// figures (`kills 30`, `kills 45`), or the same in another order (scores `3-1`, `1-3`), are two
// reports to review, not one. A title is folded into those sets once (foldTitle), however many
// titles it is compared with. Titles naming different people or places are two stories; in
// Arabic, without capitals, places are read where a title names one (arabic-title-places.ts).
import { STOPWORDS } from '../search-terms.js';
import { foldKey } from '../text.js';
import { arabicPlaceWords } from './arabic-title-places.js';
import type { FeedItem } from './feed-port.js';
import { SPEECH_VERBS } from './suggest.js';
import { figuresWritten, isFigure, isNumberWord, piecesWithPairs, plainDigits } from './title-figures.js';
import { arabicWords, caseKeptFold } from './word-match.js';

export const SAME_STORY_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Jaccard similarity of the titles' words at or above which two titles tell the same story. */
export const SAME_STORY_SIMILARITY = 0.6;
/** Shorter words (of, in, to) say too little about which story a title tells; initialisms (UN, EU) are kept. */
const MIN_WORD_LENGTH = 3;
/** A title with at least this share of its longer words capitalised is in Title Case. */
const TITLE_CASE_SHARE = 0.8;
/** A title's words before a colon, if no more than this many, are a label (`Live:`, `Breaking news:`, `Sweida:`). */
const LABEL_WORDS = 2;

/** A title as the comparison reads it. */
export interface FoldedTitle {
  /** The whole title folded (foldKey, its digits written plainly): what titles without a date are compared by. */
  key: string;
  /** The words that say what it is about (titleWords), in the order the title gives them. */
  words: ReadonlySet<string>;
  /** The names it holds (nameWords), and in Arabic the places it names (arabicPlaceWords). */
  names: ReadonlySet<string>;
  /** The figures it gives, in digits (`30`, `3` for `three`), a score as one (`1-0`), in the title's order, each as often as given. */
  figures: readonly string[];
  /** Who speaks, when the title opens with a name and a verb of speech (`Damascus warns…`). */
  speaker?: string;
  /** Written in Title Case, where capitals do not tell names from other words. */
  titleCase: boolean;
  /** Its first word after a label (`Live:`), initialisms aside: most often who acts or speaks (`Lawyers protest…`). */
  lead: string | undefined;
  /** Its first word after a label when that is an initialism (`UN condemns…`), folded. */
  initialLead?: string;
}

/** An item or a candidate, its title folded. */
export interface FoldedStory {
  title: FoldedTitle;
  published?: Date | undefined;
}

/** A word without its plural `s` ("talks" and "talk", "strikes" and "strike" are one word). */
const singular = (word: string) => (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
const telling = (word: string) => [...word].length >= MIN_WORD_LENGTH && !STOPWORDS.has(word.toLowerCase());
// Arabic words are taken without the clitics written onto them (`وإسرائيل` is `إسرائيل`'s word).
// `initialisms` (folded) and figures are kept however short: `UN condemns…` and `EU condemns…`
// are two stories, and `kills 3` is not `kills 30`.
const wordsOfKey = (key: string, initialisms: ReadonlySet<string> = new Set()) =>
  new Set(
    figuresWritten(arabicWords(key).split(' '))
      .filter((word) => isFigure(word) || telling(word) || initialisms.has(word))
      .map(singular),
  );

/** A title folded as its words are read: its digits written plainly (`1,200` one figure). */
const keyOf = (title: string) => foldKey(plainDigits(title));

/** The figures a title gives, in its order: each pair of figures as one (`1-0`), the others as its words read them. */
function figuresOf(title: string): string[] {
  return piecesWithPairs(plainDigits(title)).flatMap((piece) =>
    'pair' in piece ? [piece.pair] : figuresWritten(arabicWords(foldKey(piece.text)).split(' ')).filter(isFigure),
  );
}

/** A two-capital word (`UN`, `EU`, `US`, `UK`): an organisation or a state, not a short word. */
const isInitialism = (word: string) => /^\p{Lu}{2}$/u.test(word);

/**
 * The two-capital words of a title (`words`: case kept), folded; none in a title written in
 * capitals throughout (`US STRIKES IN SYRIA`), where `IN` is one too.
 */
function initialismsOf(words: readonly string[]): Set<string> {
  const longer = words.filter((w) => [...w].length > 2);
  if (longer.length > 0 && longer.every((w) => w === w.toUpperCase())) return new Set();
  return new Set(words.filter(isInitialism).map((w) => w.toLowerCase()));
}

/** The title's words that say what it is about: folded, 3+ letters or initialisms, no stopwords, singular. */
export function titleWords(title: string): Set<string> {
  return wordsOfKey(keyOf(title), initialismsOf(caseKeptFold(title).trim().split(' ')));
}

/** The title's first word when a verb of speech follows it: who speaks. */
function speakerOf(words: readonly string[]): string | undefined {
  return words.length > 1 && SPEECH_VERBS.has(words[1]!.toLowerCase()) && telling(words[0]!) ? singular(words[0]!.toLowerCase()) : undefined;
}

/** Whether a title's words (case kept) are in Title Case: most of its longer words capitalised. */
function inTitleCase(words: readonly string[]): boolean {
  const longer = words.filter((w) => [...w].length > 3);
  return longer.length === 0 || longer.filter((w) => /^\p{Lu}/u.test(w)).length >= TITLE_CASE_SHARE * longer.length;
}

/**
 * The names a title holds (`words`: its words, case kept): its capitalised words after the first
 * (folded as titleWords), and the speaker (`Washington warns…`, a capital standing for its
 * government, `دمشق تندد…`). Only the speaker for a title in Title Case, where capitals do not
 * tell names from other words.
 */
function nameWords(words: readonly string[], spoken: string | undefined, titleCase: boolean): Set<string> {
  const name = (w: string) => singular(w.toLowerCase());
  const speaker = spoken ? [spoken] : [];
  if (titleCase) return new Set(speaker);
  // A number word is no name, capitalised or not (`Sweida: Three killed`).
  const named = (w: string) => /^\p{Lu}/u.test(w) && (telling(w) || isInitialism(w)) && !isNumberWord(w.toLowerCase());
  return new Set([...speaker, ...words.slice(1).filter(named).map(name)]);
}

/** How many of a title's `words` open it as a label (`Live:`, `Breaking news:`): none if it has none. */
function labelSize(title: string, words: ReadonlySet<string>): number {
  const colon = title.indexOf(':');
  const label = colon > 0 ? titleWords(title.slice(0, colon)).size : 0;
  return label <= LABEL_WORDS && label < words.size ? label : 0;
}

/** The first of `words` (a title's) after its label, if any. */
function leadOf(words: ReadonlySet<string>, label: number): string | undefined {
  let at = label;
  for (const word of words) if (at-- === 0) return word;
  return undefined;
}

export function foldTitle(title: string): FoldedTitle {
  const key = keyOf(title);
  const cased = caseKeptFold(title).trim().split(' ');
  const initialisms = initialismsOf(cased);
  const words = wordsOfKey(key, initialisms);
  const label = labelSize(title, words);
  // `US warns…` and `Washington warns…` may be one statement: an initialism leads only against another.
  const lead = leadOf(new Set([...words].filter((word) => !initialisms.has(word))), label);
  const first = leadOf(words, label);
  const initialLead = first !== undefined && initialisms.has(first) ? first : undefined;
  const speaker = speakerOf(cased);
  const titleCase = inTitleCase(cased);
  const figures = figuresOf(title);
  // Arabic has no capitals: its names are read where a place is named (`في السويداء`, `ريف درعا`).
  const places = [...arabicPlaceWords(title, key)].filter((word) => words.has(word) && !isFigure(word));
  const names = new Set([...nameWords(cased, speaker, titleCase), ...places]);
  return { key, words, names, figures, titleCase, lead, ...(initialLead ? { initialLead } : {}), ...(speaker ? { speaker } : {}) };
}

export const foldStory = (story: Pick<FeedItem, 'title' | 'published'>): FoldedStory => ({ title: foldTitle(story.title), published: story.published });

/** Shared words over all words of both sets (Jaccard): 1 for the same words, 0 for none alike. */
function similarity(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

/** Whether `joined` (words one space apart) holds `word` whole, between spaces or at its ends. */
function holdsWord(joined: string, word: string): boolean {
  for (let at = joined.indexOf(word); at !== -1; at = joined.indexOf(word, at + 1)) {
    const end = at + word.length;
    if ((at === 0 || joined.charCodeAt(at - 1) === 32) && (end === joined.length || joined.charCodeAt(end) === 32)) return true;
  }
  return false;
}

/**
 * Whether the words are alike enough as similarity reads them, the other title's words given as
 * one string (one space apart, each once), read without splitting it. The similarity is at most
 * the smaller count over the larger: titles of far other lengths are told apart by counting alone.
 */
function alikeJoined(words: ReadonlySet<string>, joined: string): boolean {
  if (words.size === 0 || joined === '') return false;
  let size = 1;
  for (let at = joined.indexOf(' '); at !== -1; at = joined.indexOf(' ', at + 1)) size++;
  if (Math.min(words.size, size) / Math.max(words.size, size) < SAME_STORY_SIMILARITY) return false;
  let shared = 0;
  for (const word of words) if (holdsWord(joined, word)) shared++;
  return shared / (words.size + size - shared) >= SAME_STORY_SIMILARITY;
}

/** Shared words over all words of both titles (Jaccard): 1 for the same words, 0 for none alike. */
export function titleSimilarity(a: string, b: string): number {
  return similarity(titleWords(a), titleWords(b));
}

/**
 * Each title names someone or somewhere the other does not ("… meet in Paris" and "… meet in
 * Baku"; `… على ريف درعا` and `… على ريف دمشق`): two events, however alike the rest of the words.
 */
function namesDiffer(a: FoldedTitle, b: FoldedTitle): boolean {
  // Two speakers are two statements (`Israel warns Hezbollah of…`, `Hezbollah warns of…`).
  if (a.speaker !== undefined && b.speaker !== undefined && a.speaker !== b.speaker) return true;
  const inOther = (names: ReadonlySet<string>, other: ReadonlySet<string>) => [...names].every((name) => other.has(name));
  return !inOther(a.names, b.words) && !inOther(b.names, a.words);
}

/** Whether `word` may name a party in `title`: capitalised there after its first word, or any word of a title in Title Case. */
const mayName = (title: FoldedTitle, word: string) => (title.titleCase ? title.words.has(word) : title.names.has(word));

/** Words before the one who acts in a title in the passive (`positions hit by Israeli strikes`, `visés par Israël`). */
const AGENT_MARKERS: ReadonlySet<string> = new Set(['by', 'par']);

/** A title's words in order, as the comparison reads them (singular), short ones and stopwords too. */
const tokensOf = (title: FoldedTitle) => figuresWritten(title.key.split(' ')).map(singular);

/**
 * The words from `from` to the first `to` after it, both left out; none when `to` is not after
 * `from`, or follows `by` (the passive: `to` is who acts).
 */
function wordsBetween(tokens: readonly string[], from: string, to: string): string[] {
  const start = tokens.indexOf(from);
  const end = start < 0 ? -1 : tokens.indexOf(to, start + 1);
  return end < 0 || AGENT_MARKERS.has(tokens[end - 1]!) ? [] : tokens.slice(start + 1, end);
}

const once = (tokens: readonly string[], word: string) => tokens.indexOf(word) === tokens.lastIndexOf(word);

/**
 * Who acts differs: each title opens (after a label, `Live:`) with a word the other lacks
 * (`Lawyers celebrate…`, `Truckers celebrate…`; `UN condemns…`, `EU condemns…`), or each names the other's opening word after
 * its own, with a word of the action between the two in both (`Hezbollah fires rockets at
 * Israel`, `Israel fires rockets at Hezbollah`). Two parties side by side (`Syria and Israel`,
 * `Israel, Syria`) have no word between them; a title turned about its action (`Israeli strike
 * kills Hezbollah commander`, `Hezbollah commander killed in Israeli strike`) has other words
 * between them than the first, or names who acts after `by` (`Hezbollah positions hit by
 * Israeli strikes`); a word said twice is part of the names (`X Forces and Y Forces`).
 */
function actorsDiffer(a: FoldedTitle, b: FoldedTitle): boolean {
  const [initialA, initialB] = [a.initialLead, b.initialLead];
  if (initialA !== undefined && initialB !== undefined && initialA !== initialB && !b.words.has(initialA) && !a.words.has(initialB)) return true;
  const leadA = a.lead;
  const leadB = b.lead;
  if (leadA === undefined || leadB === undefined || leadA === leadB) return false;
  if (!b.words.has(leadA) && !a.words.has(leadB)) return true;
  if (!mayName(a, leadB) || !mayName(b, leadA)) return false;
  // The action: a word said once in each title, between the two parties in both.
  const tokensA = tokensOf(a);
  const tokensB = tokensOf(b);
  const actionB = wordsBetween(tokensB, leadB, leadA);
  return wordsBetween(tokensA, leadA, leadB).some((word) => telling(word) && actionB.includes(word) && once(tokensA, word) && once(tokensB, word));
}

/**
 * Actions that undo each other, by the starts of their words (`agree` holds agreed, agreement):
 * `…agree ceasefire in Sweida` and `…reject ceasefire in Sweida` are two stories however alike
 * the rest, as are talks that resume and talks that collapse.
 */
const OPPOSITES: readonly (readonly [string, string])[] = [
  ['agree', 'reject'], ['agree', 'refus'], ['accept', 'reject'], ['accept', 'refus'], ['approv', 'reject'], ['sign', 'reject'],
  ['resum', 'collaps'], ['resum', 'suspend'], ['resum', 'stall'], ['hold', 'collaps'], ['reopen', 'clos'], ['lift', 'impos'],
];

const holdsStem = (words: ReadonlySet<string>, stem: string) => [...words].some((word) => word.startsWith(stem));

/** One title tells an action and the other its opposite, and neither tells both. */
function opposite(a: FoldedTitle, b: FoldedTitle): boolean {
  return OPPOSITES.some(([one, other]) => {
    const [aOne, aOther, bOne, bOther] = [holdsStem(a.words, one), holdsStem(a.words, other), holdsStem(b.words, one), holdsStem(b.words, other)];
    return (aOne && !aOther && bOther && !bOne) || (aOther && !aOne && bOne && !bOther);
  });
}

/** Whether `part` holds figures all of which `whole` gives, in the same order (`30`, then `45`). */
function givenWithin(part: readonly string[], whole: readonly string[]): boolean {
  let at = 0;
  for (const figure of whole) if (figure === part[at]) at++;
  return at === part.length;
}

/**
 * The titles give figures neither gives within the other's, in order (`…kills 30`, `…kills 3`;
 * `200 detained`, `20 detained`; scores `1-1` and `1-0`, `3-1` and `1-3`): two reports, even of
 * one event whose toll rose, so that the later figure comes to review as a candidate of its own
 * and is not hidden among the first one's sources. A title giving no figure, or only some of the
 * other's in its order (`kills 30`, `kills 30, wounds 45`), tells no other.
 */
function figuresDiffer(a: FoldedTitle, b: FoldedTitle): boolean {
  return !givenWithin(a.figures, b.figures) && !givenWithin(b.figures, a.figures);
}

/**
 * At least this many words of a title of `size` words are in any title alike enough to tell
 * the same story: Jaccard ≥ SAME_STORY_SIMILARITY needs shared ≥ that share of the union, and
 * the union is at least the title itself. (The epsilon keeps a product like 0.6 × 5 from
 * rounding up past its integer.)
 */
export const wordsNeeded = (size: number) => Math.ceil(SAME_STORY_SIMILARITY * size - 1e-9);

/**
 * The first tests of sameFoldedStory, on what an index holds of the other story without folding
 * its title again: its publication in ms, its folded title and its words (each once; as a string,
 * one space apart). A story failing them is no other report; one passing them is compared whole.
 */
export function mayTellSameStory(a: FoldedStory, published: number | undefined, key: string, words: ReadonlySet<string> | string): boolean {
  if (!a.published || published === undefined) return a.title.key !== '' && a.title.key === key;
  if (Math.abs(a.published.getTime() - published) > SAME_STORY_WINDOW_MS) return false;
  return typeof words === 'string' ? alikeJoined(a.title.words, words) : similarity(a.title.words, words) >= SAME_STORY_SIMILARITY;
}

/** sameStory on titles folded beforehand. */
export function sameFoldedStory(a: FoldedStory, b: FoldedStory): boolean {
  if (!mayTellSameStory(a, b.published?.getTime(), b.title.key, b.title.words)) return false;
  if (!a.published || !b.published) return true;
  return (
    !namesDiffer(a.title, b.title) &&
    !actorsDiffer(a.title, b.title) &&
    !opposite(a.title, b.title) &&
    !figuresDiffer(a.title, b.title)
  );
}

/**
 * Same story: titles alike, not naming different people or places nor telling of different
 * actors (opening words, or the same parties the other way round), opposite actions or different
 * figures, and published within 48 hours of each other. Without a date on both, nothing says the
 * titles are about the same day's event, so only the same title (folded) counts.
 */
export function sameStory(a: Pick<FeedItem, 'title' | 'published'>, b: Pick<FeedItem, 'title' | 'published'>): boolean {
  return sameFoldedStory(foldStory(a), foldStory(b));
}
