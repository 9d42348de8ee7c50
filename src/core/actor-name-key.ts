// The key an actor's name is stored and looked up by (actor_names.name_key): folded as every name
// is (foldKey), with the Arabic letters that writers put for one another read as one, as /search
// reads them, so `هيئه تحرير الشام` and `نتنیاهو` are the names `هيئة تحرير الشام` and `نتنياهو`.
import { ARABIC_INTERCHANGED_LETTERS, ARABIC_READ_AS, foldKey } from './text.js';

// Migration 0041 re-keyed the names stored before with the same table.
const INTERCHANGED_LETTER = new RegExp(`[${ARABIC_INTERCHANGED_LETTERS}]`, 'gu');

/** The name folded (foldKey), with its interchanged Arabic letters as one (ARABIC_READ_AS). */
export function actorNameKey(name: string): string {
  return foldKey(name).replace(INTERCHANGED_LETTER, (letter) => ARABIC_READ_AS[letter]!);
}
