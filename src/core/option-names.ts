// The option a misspelled or misremembered option name most likely meant, as misspelled commands
// and subcommands get theirs.
import { closestNames } from './ranking.js';

/** Names users type for an option that Sitrep calls otherwise, as other tools and forms call them. */
const OPTION_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['from', 'since'],
  ['to', 'until'],
  ['after', 'since'],
  ['before', 'until'],
  // /entry diff compares `from:` and `to:`, as the filters' `since:` and `until:` are typed there.
  ['since', 'from'],
  ['until', 'to'],
  ['url', 'source_url'],
  ['link', 'source_url'],
]);

/** The singular or plural of `typed` (`actor` and `actors`, `place` and `places`), as options name lists. */
const otherNumbers = (typed: string): string[] => [`${typed}s`, `${typed}es`, typed.replace(/e?s$/, ''), typed.replace(/s$/, '')];

/** The one of `names` that `typed` most likely meant, or undefined when none is close. */
export function meantOptionName(names: readonly string[], typed: string): string | undefined {
  const lower = typed.toLowerCase();
  const synonym = OPTION_SYNONYMS.get(lower);
  if (synonym !== undefined && names.includes(synonym)) return synonym;
  const number = otherNumbers(lower).find((name) => name !== lower && names.includes(name));
  if (number !== undefined) return number;
  return closestNames(names, typed, 1)[0];
}
