// The records a typed name means, in every form a name is read in: as typed, with a region word
// after it (`Sweida province`), or with its Arabic article written otherwise or left out
// (`As-Sweida`, `Al Hasakeh`). A place and the qualifier after it (`Nawa (Dar'a)`) are read alike.
import { foldKey } from '../text.js';
import { articleForms, writesArticle } from './arabic-article.js';
import type { Gazetteer, GazetteerPlace } from './gazetteer-port.js';

/** Words naming a first-level region, dropped to find it: `Sweida province`, `Odesa Oblast`. */
export const REGION_WORD_LIST = ['province', 'governorate', 'oblast', 'region', 'district', 'krai', 'kray', 'republic', 'muhafazah', 'state'];
const REGION_WORDS = new RegExp(`\\s+(${REGION_WORD_LIST.join('|')})$`);

export type NamedRecord = { place: GazetteerPlace; tier: number };

/** The records a name means, or, with a region word after it (`Sweida province`), the regions the rest names. */
function namedOrRegion(gazetteer: Gazetteer, name: string): NamedRecord[] {
  const matches = gazetteer.named(foldKey(name));
  if (matches.length > 0 || !REGION_WORDS.test(name.toLowerCase())) return matches;
  return gazetteer.named(foldKey(name.toLowerCase().replace(REGION_WORDS, ''))).filter((m) => m.place.precision === 'region');
}

/** The records a name means as typed, else in the first other form of its article that names some. */
export function namedRecords(gazetteer: Gazetteer, name: string): NamedRecord[] {
  let matches = namedOrRegion(gazetteer, name);
  // `Al-Quneitra`, `Qamishli`: the name with its Arabic article written otherwise, or without it.
  for (const form of matches.length === 0 ? articleForms(foldKey(name)) : []) {
    matches = namedOrRegion(gazetteer, form).filter((m) => writesArticle(m.place.country.code));
    if (matches.length > 0) break;
  }
  return matches;
}
