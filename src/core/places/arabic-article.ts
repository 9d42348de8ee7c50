// Arabic place names are written with their article or without it, and the article as it is
// heard: `Al-Quneitra`, `El Quneitra` and `Quneitra` are one town, `As-Suwayda` is al- before
// an s. The gazetteer holds some of these forms for each place, so a name that matches nothing
// as typed is looked up again in the others, as folded names (foldKey: `al quneitra`).

/**
 * Where names carry the article: the Arab League's members, Israel and Western Sahara. Another
 * form of a name is taken only for a place there: `Al-Hol` is no village in Norway called Hol.
 */
const ARABIC_NAMED_COUNTRIES = new Set([
  'AE', 'BH', 'DJ', 'DZ', 'EG', 'EH', 'IL', 'IQ', 'JO', 'KM', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SO', 'SY', 'TN', 'YE',
]);

/** Whether another form of a name may stand for a place in this country (ISO alpha-2). */
export const writesArticle = (countryCode: string): boolean => ARABIC_NAMED_COUNTRIES.has(countryCode);

/** Letters the article takes the sound of (al-S → as-S), digraphs first. */
const SUN_LETTERS = ['th', 'dh', 'sh', 't', 'd', 'r', 'z', 's', 'n', 'l'];

/** A leading article, as its own word: al, el, and their assimilated forms (as, ash, ad, en…). */
const LEADING_ARTICLE = new RegExp(`^[ae](?:l|${SUN_LETTERS.join('|')}) (?=\\S)`);

/** The name without its leading article, or undefined when it has none. */
export function withoutArticle(key: string): string | undefined {
  const match = LEADING_ARTICLE.exec(key);
  return match ? key.slice(match[0].length) : undefined;
}

/** `as sanamayn` for `sanamayn`: the article as it is said before the name's first letter. */
function assimilated(vowel: 'a' | 'e', bare: string): string {
  const sun = SUN_LETTERS.find((letters) => bare.startsWith(letters));
  return `${vowel}${sun ?? 'l'} ${bare}`;
}

/**
 * The other forms of a folded name, likeliest first: without its article, then with the article
 * as written before it (`as`, `al`, `es`, `el`). A name of one or two letters has none.
 */
export function articleForms(key: string): string[] {
  const bare = withoutArticle(key) ?? key;
  if (bare.replace(/ /g, '').length < 3) return [];
  const forms = [bare, assimilated('a', bare), `al ${bare}`, assimilated('e', bare), `el ${bare}`];
  return [...new Set(forms)].filter((form) => form !== key);
}
