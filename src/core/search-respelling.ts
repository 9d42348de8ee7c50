// "Did you mean": when a search finds nothing, the words that find nothing on their own are
// respelled as the closest word of a known actor's or place's name (`Barak` → `Barrack`).
import type { DossierReader } from './ports.js';
import { closestNames } from './ranking.js';
import type { SearchTerm } from './search-terms.js';
import { escapeRegExp, foldKey } from './text.js';

/** Place names read for spelling suggestions: the most used first. */
const SUGGESTED_PLACES = 500;
/** Words shorter than this are not respelled: too many names lie a letter or two away. */
const MIN_RESPELLED_LENGTH = 4;
/** Name words are read again after this long (a scan of every name), so new names are offered. */
const NAME_WORDS_TTL_MS = 10 * 60_000;

/** Each dossier's name words by first letter, read at most once per NAME_WORDS_TTL_MS. */
const nameWordCache = new WeakMap<DossierReader, { at: number; byInitial: Map<string, string[]> }>();

/** The words (4 letters or more) of known actors' and places' names, by their folded first letter. */
function nameWords(dossier: DossierReader): Map<string, string[]> {
  const cached = nameWordCache.get(dossier);
  if (cached && Date.now() - cached.at < NAME_WORDS_TTL_MS) return cached.byInitial;
  const names = [...dossier.allActorNames().map(({ name }) => name), ...dossier.suggest('place', '', SUGGESTED_PLACES)];
  const sets = new Map<string, Set<string>>();
  for (const name of names) {
    for (const word of name.split(/[^\p{L}\p{N}]+/u)) {
      if (word.length < MIN_RESPELLED_LENGTH) continue;
      // The first letter as folded (no case, no accent): enough to file the word under.
      const initial = word[0]!.normalize('NFD')[0]!.toLowerCase();
      const set = sets.get(initial) ?? new Set<string>();
      set.add(word);
      sets.set(initial, set);
    }
  }
  const byInitial = new Map([...sets].map(([initial, set]) => [initial, [...set]]));
  nameWordCache.set(dossier, { at: Date.now(), byInitial });
  return byInitial;
}

/** The closest name word to a typed one: same first letter, at most one edit in 4 letters, two from 5. */
function closestNameWord(words: Map<string, string[]>, typed: string): string | undefined {
  const candidates = (words.get(typed[0]!) ?? []).filter((word) => Math.abs(word.length - typed.length) <= 2);
  // A name word spelled as typed comes first: then there is nothing to respell.
  const [closest] = closestNames(candidates, typed, 1, (typed.length >= 5 ? 2 : 1) / typed.length);
  return closest !== undefined && foldKey(closest) !== typed ? closest : undefined;
}

/**
 * When nothing matched: the query with each word that finds nothing on its own replaced by the
 * closest word of a known actor's or place's name, if one is close (`Barak` → `Barrack`), when
 * the query so respelled finds something; undefined otherwise.
 */
export function respelledQuery(dossier: DossierReader, query: string, terms: readonly SearchTerm[]): string | undefined {
  const words = nameWords(dossier);
  const findsNothing = (text: string) => dossier.search(text, 1, 0).total === 0;
  let respelled = query;
  for (const term of terms) {
    if (term.prefix || term.word.length < MIN_RESPELLED_LENGTH) continue;
    const closest = closestNameWord(words, term.word);
    if (!closest || !findsNothing(term.word)) continue;
    const typed = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term.word)}(?![\\p{L}\\p{N}])`, 'iu');
    respelled = respelled.replace(typed, closest);
  }
  return respelled !== query && !findsNothing(respelled) ? respelled : undefined;
}
