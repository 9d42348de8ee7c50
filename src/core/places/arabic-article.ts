// Arabic names are written with their article or without it, and the article as it is
// heard: `Al-Quneitra`, `El Quneitra` and `Quneitra` are one town, `As-Suwayda` is al- before
// an s; in Arabic script it is written onto the word (`السويداء`, `سويداء`). The gazetteer holds some of these forms for each place, so a name that matches nothing
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

/** The article in Arabic script, written onto the word it opens: `السويداء`. */
const ARABIC_ARTICLE = /^ال(?=\p{Script=Arabic})/u;

/** The name without its leading article, or undefined when it has none. */
export function withoutArticle(key: string): string | undefined {
  const match = LEADING_ARTICLE.exec(key) ?? ARABIC_ARTICLE.exec(key);
  return match ? key.slice(match[0].length) : undefined;
}

/** `as` before `sanamayn`: the article as it is said before a word's first letter. */
function articleBefore(vowel: 'a' | 'e', word: string): string {
  const sun = SUN_LETTERS.find((letters) => word.startsWith(letters));
  return `${vowel}${sun ?? 'l'}`;
}

/** `as sanamayn` for `sanamayn`. */
const assimilated = (vowel: 'a' | 'e', bare: string): string => `${articleBefore(vowel, bare)} ${bare}`;

/**
 * The other forms of a folded name, likeliest first: without its article, then with the article
 * as written before it (`as`, `al`, `es`, `el`; `ال` in Arabic script). A name of one or two
 * letters has none (`الله` is no article before `له`).
 */
export function articleForms(key: string): string[] {
  const bare = withoutArticle(key) ?? key;
  if (bare.replace(/ /g, '').length < 3) return [];
  const forms = /^\p{Script=Arabic}/u.test(bare) ? [bare, `ال${bare}`] : [bare, assimilated('a', bare), `al ${bare}`, assimilated('e', bare), `el ${bare}`];
  return [...new Set(forms)].filter((form) => form !== key);
}

/** A word that is an article in a transliterated name: `al`, `el`, `as`, `ash`, `ad`, `an`… */
const ARTICLE_WORD = new RegExp(`^[ae](?:l|${SUN_LETTERS.join('|')})$`);

/** Past this many spellings of a name (articles in many of its words), the rest is kept as typed. */
const MAX_ARTICLE_SPELLINGS = 16;

/** The ways one word of a name may be written, itself first: an article before `next` in each of its forms. */
function wordForms(word: string, next: string | undefined): string[] {
  if (next !== undefined && ARTICLE_WORD.test(word)) return [...new Set([word, 'al', articleBefore('a', next), 'el', articleBefore('e', next)])];
  const bare = withoutArticle(word) ?? word;
  if (/^\p{Script=Arabic}/u.test(bare) && bare.length >= 3) return [...new Set([word, bare, `ال${bare}`])];
  return [word];
}

/**
 * The other spellings of a folded name that differ only in its articles, inside it as at its
 * start: `el sharaa`, `ahmed ash sharaa` and `ahmed al sharaa` are one name, and so are `دروز`
 * and `الدروز`. The name as given is not among them.
 */
export function articleSpellings(key: string): string[] {
  const words = key.split(' ');
  let spellings = [''];
  for (const [i, word] of words.entries()) {
    const forms = spellings.length >= MAX_ARTICLE_SPELLINGS ? [word] : wordForms(word, words[i + 1]);
    spellings = spellings.flatMap((spelling) => forms.map((form) => (i === 0 ? form : `${spelling} ${form}`)));
  }
  return spellings.filter((spelling) => spelling !== key);
}
