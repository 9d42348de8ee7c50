// Where Arabic news names a place. Arabic has no capitals to tell a name from other words, so the
// place spotter reads the words after one that says a place follows: `مدينة` (city), `بلدة`
// (town), `قرية` (village), `ريف` (countryside of), `محافظة` (governorate), `مخيم` (camp), `حي`
// (quarter), `قرب` / `بالقرب من` (near), `أطراف` / `مشارف` (outskirts), `محيط` (around),
// `ضواحي` (suburbs) and the directions (`جنوب دمشق`, south of Damascus).
// The words after `في` (in) and `على` (on) are read too, as headlines name a governorate or a
// city there (`انفجار في حلب`, `قصف على درعا`); any word follows those, so the spotter takes
// such a name only when it is a governorate's or a large city's (see place-spotting).
import { foldKey } from '../text.js';
import { arabicWords, CLAUSE_BREAK } from './word-match.js';

/** A word without what Arabic writes onto it, as word-match sets it apart: `بمدينة` → `مدينه`. */
const stem = (word: string) => {
  const parts = arabicWords(word).split(' ');
  return parts[parts.length - 1]!;
};

/** The cue words' stems, so that a cue is known whatever is written onto it (`بمدينة`, `وقرب`). */
const CUES: ReadonlySet<string> = new Set(
  'مدينة بلدة بلدات قرية قرى ريف أرياف محافظة مخيم حي ناحية قرب أطراف مشارف محيط ضواحي شمال جنوب شرق غرب شمالي جنوبي شرقي غربي'.split(' ').map((cue) => stem(foldKey(cue))),
);
const NEAR = stem('قرب');
/** Words a name does not run across: prepositions, conjunctions, relatives (with `و`, and, onto them or not). */
const BREAKS: ReadonlySet<string> = new Set('في من على الى عن مع بعد قبل بين حيث التي الذي اثر خلال او ثم عند و'.split(' ').map(foldKey));
const breaks = (word: string) => BREAKS.has(word) || (word.startsWith('و') && BREAKS.has(word.slice(1)));
/** Words in a place's name, at most: `خان أرنبة`, `بيت جن`, `دير الزور`. */
const LONGEST_NAME = 3;

/**
 * For each cue in the text, the words after it that may be a place's name, longest first and
 * folded as the gazetteer's names are (foldKey): `قصف على بلدة خان أرنبة في ريف القنيطرة` gives
 * [`خان ارنبة`, `خان`] and [`القنيطرة`].
 */
export function arabicPlacePhrases(text: string): string[][] {
  return phrasesAfter(text, CUES);
}

/** `في` (in) and `على` (on), whatever is written onto them (`وفي`). */
const PREPOSITIONS: ReadonlySet<string> = new Set(['في', 'على'].map((word) => stem(foldKey(word))));

/**
 * For each `في` or `على` in the text, the words after it that may be a place's name, longest
 * first, as arabicPlacePhrases gives them: `مقتل 4 مدنيين بقصف على درعا` gives [`درعا`].
 */
export function arabicPrepositionPhrases(text: string): string[][] {
  return phrasesAfter(text, PREPOSITIONS);
}

function phrasesAfter(text: string, cues: ReadonlySet<string>): string[][] {
  const groups: string[][] = [];
  for (const clause of text.split(CLAUSE_BREAK)) {
    const words = foldKey(clause).split(' ').filter((word) => word !== '');
    for (let at = 0; at < words.length; at++) {
      const cue = stem(words[at]!);
      if (!cues.has(cue)) continue;
      let from = at + 1;
      // `بالقرب من دمشق`: near, then `from`.
      if (words[from] === 'من' && cue === NEAR) from++;
      const name: string[] = [];
      for (let next = from; next < words.length && name.length < LONGEST_NAME; next++) {
        const word = words[next]!;
        if (breaks(word) || CUES.has(stem(word))) break;
        name.push(word);
      }
      const phrases: string[] = [];
      for (let length = name.length; length >= 1; length--) phrases.push(name.slice(0, length).join(' '));
      if (phrases.length > 0) groups.push(phrases);
    }
  }
  return groups;
}
