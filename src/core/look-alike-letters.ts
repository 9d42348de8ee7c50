// Greek and Cyrillic letters that look like a Latin letter, and the "skeleton" of a name built
// with them: two names with one skeleton look alike on screen, though their keys differ.
import { actorNameKey } from './actor-name-key.js';

/**
 * Each Latin letter with the Greek and Cyrillic letters (U+0370–U+052F, not precomposed) that
 * Unicode's confusables.txt (UTS #39, 13.0) maps to it once marks are dropped, as names are
 * folded. UTS #39 maps I to l; names fold case, so the capital I look-alikes stand for i here.
 */
const LOOK_ALIKES: Record<string, string> = {
  a: 'ΑαАа',
  b: 'ΒБВЬѢѣҌҍ',
  c: 'ϲϹСсҪҫ',
  d: 'ԁ',
  e: 'ΕЕеҽҿ',
  f: 'Ϝ',
  g: 'Ԍ',
  h: 'ΗНћҢһӇӉ',
  i: 'ͺΙιІіӀӏ',
  j: 'ͿϳЈј',
  k: 'ΚКҚҞ',
  m: 'ΜϺМӍ',
  n: 'Νη',
  o: 'ΘΟθοσϑϴОоѲѳӨө',
  p: 'ΡρϱРр',
  q: 'ԛ',
  r: 'гғ',
  s: 'Ѕѕ',
  t: 'ΤТҬ',
  u: 'υ',
  v: 'νѴѵ',
  w: 'ѡѽԜԝ',
  x: 'ΧХхҲ',
  y: 'ΥγϒУуҮүҰұ',
  z: 'Ζ',
};

const LATIN_OF = new Map<string, string>(Object.entries(LOOK_ALIKES).flatMap(([latin, others]) => [...others].map((c) => [c, latin] as const)));

/** The code points the table covers: a stored key with none of them is its own skeleton. */
export const LOOK_ALIKE_RANGE = '\u0370-\u052f';
const HAS_LOOK_ALIKE = new RegExp(`[${LOOK_ALIKE_RANGE}]`, 'u');

/** The Latin letter a Greek or Cyrillic letter looks like (`а` → `a`), if any. */
export const latinLookAlike = (letter: string): string | undefined => LATIN_OF.get(letter);

/**
 * The name as its look-alike letters read, keyed as actor names are (actorNameKey): `Ahmed
 * al-Sharаa` with a Cyrillic `а` and `Ahmed al-Sharaa` both give `ahmed al sharaa`. A name without
 * Greek or Cyrillic letters gives its own key, so its stored name_key can be looked up directly.
 */
export function skeletonKey(name: string): string {
  // Decomposed first, as UTS #39 does (and as the name's fold does: NFKD): `ё` is `е` with a mark.
  const decomposed = name.normalize('NFKD');
  if (!HAS_LOOK_ALIKE.test(decomposed)) return actorNameKey(name);
  return actorNameKey([...decomposed].map((c) => LATIN_OF.get(c) ?? c).join(''));
}
