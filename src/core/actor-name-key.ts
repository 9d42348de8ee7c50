// The key an actor's name is stored and looked up by (actor_names.name_key): folded as every name
// is (foldKey), with the Arabic letters that writers put for one another read as one, as /search
// reads them, so `هيئه تحرير الشام` and `نتنیاهو` are the names `هيئة تحرير الشام` and `نتنياهو`.
import { foldKey } from './text.js';

/**
 * Each letter with the one it is read as: taa marbuta as haa (هيئة, هيئه), alef maqsura and the
 * Persian yeh as yaa (على, علي, علی), the Persian keheh as kaf (کرد, كرد). Migration 0041 re-keyed
 * the names stored before with the same table.
 */
const READ_AS: Readonly<Record<string, string>> = { '\u0629': '\u0647', '\u0649': '\u064a', '\u06cc': '\u064a', '\u06a9': '\u0643' };
const INTERCHANGED_LETTER = /[\u0629\u0649\u06cc\u06a9]/gu;

/** The name folded (foldKey), with its interchanged Arabic letters as one (READ_AS). */
export function actorNameKey(name: string): string {
  return foldKey(name).replace(INTERCHANGED_LETTER, (letter) => READ_AS[letter]!);
}
