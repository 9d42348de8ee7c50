// Orders candidates by how well they match what a user typed: exact, prefix, word prefix,
// substring; and finds the nearest names to a typo. Shared by autocomplete, actor lookup and
// the "did you mean" of unknown names.
import { distance } from 'fastest-levenshtein';
import { foldKey } from './text.js';

/** Edits per character beyond which a name is no longer a plausible typo. */
const MAX_SUGGESTION_DISTANCE = 0.5;

/**
 * The names nearest to what was typed, for "did you mean"; none when nothing is close.
 * `maxEditsPerChar` is stricter where names share long parts (topic slugs end alike).
 */
export function closestNames(names: readonly string[], typed: string, count = 3, maxEditsPerChar = MAX_SUGGESTION_DISTANCE): string[] {
  const key = foldKey(typed);
  const scored = names
    .map((name) => ({ name, score: distance(key, foldKey(name)) / Math.max(key.length, 1) }))
    .filter((s) => s.score <= maxEditsPerChar)
    .sort((a, b) => a.score - b.score);
  return [...new Set(scored.map((s) => s.name))].slice(0, count);
}

/** 0 exact, 1 prefix, 2 a word starts with it, 3 contains it; undefined when it does not match. */
export function matchRank(candidate: string, query: string): number | undefined {
  const key = foldKey(candidate);
  const q = foldKey(query);
  if (q === '') return 3;
  if (key === q) return 0;
  if (key.startsWith(q)) return 1;
  if (key.includes(` ${q}`)) return 2;
  if (key.includes(q)) return 3;
  return undefined;
}

/** Keeps the items whose texts match, best rank first, then in their original order. */
export function rankByMatch<T>(items: readonly T[], query: string, texts: (item: T) => string[]): T[] {
  const scored: { item: T; rank: number; length: number; index: number }[] = [];
  items.forEach((item, index) => {
    let best: { rank: number; length: number } | undefined;
    for (const text of texts(item)) {
      const rank = matchRank(text, query);
      if (rank !== undefined && (!best || rank < best.rank)) best = { rank, length: text.length };
    }
    if (best) scored.push({ item, index, ...best });
  });
  scored.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return scored.map((s) => s.item);
}
