// Whether an actor name an import creates may be a misspelling of a stored one: what an import
// warns of, proposing to merge them. Measured on the words the two names do not share, so that a
// long name sharing most of its words with another (`Syrian General Security`, `Syrian Arab
// Republic`) is not taken for a misspelling of it.
import { distance } from 'fastest-levenshtein';
import { foldKey } from '../core/text.js';

const words = (name: string) => foldKey(name).split(' ').filter(Boolean);

/** `t` for `tom`: an initial standing for the word (`T. Barrack`, `Tom Barrack`). */
const isInitialOf = (initial: string, word: string) => initial.length === 1 && word.length > 1 && word.startsWith(initial);

/**
 * Whether the words two names do not share differ as a misspelling does: by at most one edit in
 * three characters (Isreal for Israel: two in six), or as initials for the words they stand for.
 * The words both start or both end with are left out first (`Israel Defence Forces`, `Israel
 * Defense Forces`: `defence` against `defense`).
 */
export function nearSpellings(name: string, other: string): boolean {
  let [own, others] = [words(name), words(other)];
  while (own.length > 0 && others.length > 0 && own[0] === others[0]) [own, others] = [own.slice(1), others.slice(1)];
  while (own.length > 0 && others.length > 0 && own.at(-1) === others.at(-1)) [own, others] = [own.slice(0, -1), others.slice(0, -1)];
  if (own.length === others.length && own.every((word, i) => word === others[i] || isInitialOf(word, others[i]!) || isInitialOf(others[i]!, word))) return true;
  const [left, right] = [own.join(' '), others.join(' ')];
  return distance(left, right) * 3 <= Math.max(left.length, right.length);
}
