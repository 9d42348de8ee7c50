// Names are keyed with an apostrophe between letters read through (`M'hamed` is `mhamed`,
// `l'Intérieur` is `linterieur`: core/text.ts, foldKey). Phone keyboards and spreadsheets often
// put a space where the apostrophe was (`M hamed`, `ministere de l interieur`), which splits the
// word: these are the keys such a name has with its short word joined back to the next.

/** A one-letter word, or the French and Italian elided words of more (`qu'il`). */
const JOINABLE = /^(?:\p{L}|qu)$/u;

/** How many respellings a lookup tries: each is one key looked up. */
const MOST_SPELLINGS = 6;

/**
 * The folded `key` with its joinable words joined to the word after: all of them at once first
 * (`rachid ben m barek` → `rachid ben mbarek`), then each alone; none when it has no such word.
 */
export function keysWithShortWordsJoined(key: string): string[] {
  const words = key.split(' ');
  const joinable = words.flatMap((word, at) => (at < words.length - 1 && JOINABLE.test(word) ? [at] : []));
  if (joinable.length === 0) return [];
  const joined = (at: ReadonlySet<number>) => words.map((word, i) => (at.has(i) ? word : `${word} `)).join('').trim();
  // Only as many as are tried are made: a long text of one-letter words has thousands.
  const alone = joinable.length > 1 ? joinable.slice(0, MOST_SPELLINGS - 1).map((at) => joined(new Set([at]))) : [];
  return [...new Set([joined(new Set(joinable)), ...alone])];
}
