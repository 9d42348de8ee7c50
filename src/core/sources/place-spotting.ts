// Places a feed item names that the dossier does not know yet, found in the gazetteer: a review
// card for "Israeli strike near Daraa" suggests Daraa even before any entry has it. Names are
// read as news writes them, capitalised words side by side (English and other Latin-script text),
// and in Arabic the words after one saying a place follows, or a governorate or large city
// after `في` (in) or `على` (on) (arabic-place-cues.ts);
// a place counts where the dossier's own places are, in a country the item names, or when it is
// a city most readers would know (not in Arabic), so sentence-initial words and far-off
// namesakes stay out. A word opening a clause is capitalised whatever it is (`Réunion à Bakou`,
// French for a meeting; `Mobile phones…`): it needs the item's other words, or the dossier, to
// place it, and does not place itself.
// Countries are not suggested (news names them as actors, `US envoy`); they only widen where.
import { foldKey } from '../text.js';
import type { Gazetteer, GazetteerPlace } from '../places/gazetteer-port.js';
import { resolvePlace } from '../places/resolve-place.js';
import { areaMeant } from '../places/seat-area.js';
import { headlineKicker, pieceLabel } from '../review/piece-label.js';
import { arabicPlacePhrases, arabicPrepositionPhrases } from './arabic-place-cues.js';
import { SpottingGazetteer } from './spotting-gazetteer.js';
import { PLACE_PREPOSITIONS, REGION_KINDS, SPEECH_VERBS } from './suggest.js';
import { CLAUSE_BREAK, holdsArabic, PROCLITICS } from './word-match.js';

/** A place outside the dossier's countries is suggested only from this many people up. */
export const KNOWN_CITY_POPULATION = 100_000;
/**
 * Large places' Arabic names that are common words after `في` and `على` too: `صور` (Tyre;
 * pictures, as in `في صور`, in pictures), `عمان` (Amman; Oman), `الباب` (al-Bab; the door).
 */
const COMMON_WORDS_AFTER_PREPOSITIONS: ReadonlySet<string> = new Set(['صور', 'عمان', 'الباب'].map(foldKey));
/** Words in a name may be this many: `Deir ez-Zor`, `Ras al Ain`, `Bint Jbeil`. */
const LONGEST_NAME = 4;
/** A name opening a clause counts from this many people up (a region by its own). */
const OPENING_POPULATION = 10_000;
/** `US`, `EU`, `SDF`: initialisms, which the gazetteer has as villages' names. */
const INITIALISM = /^\p{Lu}{1,4}$/u;
const NONE: ReadonlySet<string> = new Set();
/**
 * Places whose name is a common word too (`Réunion`, a meeting in French; `Nice weather…`):
 * opening a clause, only a country the item's other words name makes them a place, not the
 * dossier's countries.
 */
const COMMON_WORD_NAMES: ReadonlySet<string> = new Set(['bath', 'mobile', 'nice', 'orange', 'reading', 'reunion', 'split']);
/** Places suggested from one item at most. */
const MOST_PER_ITEM = 5;
/**
 * Gazetteer work per item, each query of a name not met before and each record it returns
 * counting one: a news item needs a few dozen; a hostile one of capitalised nonsense, or of
 * real place names by the hundred, would otherwise cost tens of milliseconds.
 */
export const LOOKUPS_PER_ITEM = 300;
/** Characters of an item read: its title and lede, where news names where it happened. */
const READ_CHARACTERS = 1_200;
/** Phrases and verdicts kept across items (news repeats its names); forgotten all at once past this. */
const REMEMBERED = 5_000;

/** A capitalised word, or one after a particle (`al-Bab`, `ez-Zor`). */
const CAPITALISED = /^(?:\p{Ll}{1,3}-)?\p{Lu}/u;
/** Particles lower-case inside a name: `Ras al Ain`, `Jisr ash Shughur`. */
const PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ez', 'ed', 'bin', 'ibn', 'de', 'du', 'del', 'la', 'le']);

const lastWord = (phrase: string) => phrase.slice(phrase.lastIndexOf(' ') + 1).toLowerCase();

/** A word without the quotes around it and the possessive after it: `‘Daraa’s` → `Daraa`. */
const bare = (word: string) => word.replace(/^['‘’]+/, '').replace(/['’]s$/, '').replace(/['‘’]+$/, '');

/** A run of capitalised words; `opening` when it starts its clause, where any word is capitalised. */
interface Run {
  words: string[];
  opening: boolean;
  /** A verb of speech follows and no preposition comes before (`Washington urges…`): the run's last name is who spoke. */
  speaks: boolean;
  /**
   * In a headline in title case, the run comes after a preposition of place (`… In Khan Younis
   * Stall`): its first words may be a name standing alone, the words after it being capitalised
   * only for the headline's style.
   */
  led: boolean;
  /** The clause is in title case: every word may be capitalised for the style alone, as a clause's first is. */
  title: boolean;
}

/** Words joining two names in a list (`Daraa and Quneitra`). */
const COORDINATORS: ReadonlySet<string> = new Set(['and', 'or', '&', 'et', 'ou']);

/** Short words a headline in title case capitalises (`Talks On Aid Crossings In Khan Younis Stall`). */
const SMALL_WORDS: ReadonlySet<string> = new Set([...PLACE_PREPOSITIONS, ...'a an and as by for or the with amid after'.split(' ')]);

/** A clause in title case: every word capitalised, small words and particles aside (three at least). */
function titleCased(words: readonly string[]): boolean {
  const large = words.filter((word) => /\p{L}/u.test(word) && !SMALL_WORDS.has(word.toLowerCase()) && !PARTICLES.has(word));
  return large.length >= 3 && large.every((word) => CAPITALISED.test(word));
}

/**
 * Whether the text opens with a kicker (`Soueïda : au moins 30 morts…`, `Gaza: …`) of at most
 * three words naming something (not a piece's label: `Opinion:`, `Live:`): written as a name, its
 * capitals are not only the clause's.
 */
function opensWithNamingKicker(text: string): boolean {
  const kicker = headlineKicker(text);
  if (kicker === undefined) return false;
  const name = kicker.slice(0, kicker.lastIndexOf(':'));
  return !CLAUSE_BREAK.test(name) && name.trim().split(/\s+/).length <= 3 && pieceLabel(kicker) === undefined;
}

/** Runs of capitalised words, each clause apart, particles allowed between two of them. */
function nameRuns(text: string): Run[] {
  const runs: Run[] = [];
  const kicker = opensWithNamingKicker(text);
  for (const [index, clause] of text.split(CLAUSE_BREAK).entries()) {
    let run: string[] = [];
    let opening = !(kicker && index === 0);
    // The word before the run being read, and before the word being read.
    let before = '';
    let previous = '';
    // Where the run being read starts, and where the last run after a preposition of place ended
    // (`near Tal Abyad and Ras al-Ain`: the second name is as led as the first).
    let start = 0;
    let ledEnd = -2;
    const words = clause.split(/\s+/).map(bare).filter((word) => word !== '');
    const title = titleCased(words);
    const close = (verb = false) => {
      while (run.length > 0 && PARTICLES.has(run[run.length - 1]!)) run.pop();
      const led = title && (PLACE_PREPOSITIONS.has(before) || (COORDINATORS.has(before) && ledEnd === start - 2));
      if (run.length > 0) runs.push({ words: run, opening, speaks: verb && !PLACE_PREPOSITIONS.has(before), led, title });
      if (led) ledEnd = start + run.length - 1;
      run = [];
    };
    for (const [at, word] of words.entries()) {
      if (run.length === 0) {
        before = previous;
        start = at;
      }
      previous = word.toLowerCase();
      // In title case a small word or a verb of speech is capitalised for the style, not as a
      // name's; so is a preposition opening any clause (`In Khan Younis, …`).
      const styled = title ? SMALL_WORDS.has(previous) || SPEECH_VERBS.has(previous) : opening && run.length === 0 && PLACE_PREPOSITIONS.has(previous);
      if (styled) {
        close(SPEECH_VERBS.has(previous));
        opening = false;
      } else if (CAPITALISED.test(word)) run.push(word);
      else if (run.length > 0 && PARTICLES.has(word)) run.push(word);
      else {
        // A region's kind after a name ends it: `Idlib province`.
        if (run.length > 0 && REGION_KINDS.has(word)) run.push(word);
        close(SPEECH_VERBS.has(word.toLowerCase()));
        opening = false;
      }
    }
    close();
  }
  return runs;
}

/** The record a spelling locates to, as `/entry add places:` would; undefined for none or several. */
function locatedAs(gazetteer: Gazetteer, spelling: string): GazetteerPlace | undefined {
  const resolved = resolvePlace(gazetteer, spelling, false);
  return resolved.kind === 'located' ? resolved.place : undefined;
}

interface Found {
  spelling: string;
  place: GazetteerPlace;
}

/** A name spelt with its country, so that the namesake there is the one located (`Nawá (Syria)`); null if it is not. */
function withCountry(gazetteer: Gazetteer, phrase: string, country: GazetteerPlace['country']): Found | null {
  const spelling = `${phrase} (${country.name})`;
  const place = locatedAs(gazetteer, spelling);
  return place ? { spelling, place } : null;
}

/** The countries some phrase other than `folded` named. */
function namedBesides(namedBy: ReadonlyMap<string, ReadonlySet<string>>, folded: string): Set<string> {
  return new Set([...namedBy].flatMap(([code, phrases]) => ([...phrases].some((phrase) => phrase !== folded) ? [code] : [])));
}

/** Words tried as a name: where they stand in their run of capitalised words. */
interface Words {
  phrase: string;
  /** The gazetteer's records of that name: its own names (tier 0), else its alternate names. */
  own: readonly GazetteerPlace[];
  /** The records are named by the gazetteer's alternate names only (`Khan Younis`, `Kobani`). */
  alternate: boolean;
  /** The whole run: no capitalised word beside them (`Victoria` in `Victoria Nuland` is not). */
  whole: boolean;
  /** The clause's first words, which may be capitalised only for opening it. */
  opening: boolean;
}

/** A phrase folded, and the records its own names name. */
interface PhraseRecords {
  folded: string;
  own: GazetteerPlace[];
}

export class PlaceSpotter {
  /** Each phrase folded, with the gazetteer's records of that name (tier 0): most name nothing. */
  readonly #phrases = new Map<string, PhraseRecords>();
  readonly #verdicts = new Map<string, Found | null>();
  readonly #gazetteer: SpottingGazetteer;
  /** The countries bordering the dossier's, asked once. */
  #homeBorders: ReadonlySet<string> | undefined;

  /**
   * `homeCountries`: the ISO codes of the countries the dossier's places lie in; `dossierNames`:
   * the dossier's located places by gazetteer record (`Palmyra` found, `Tadmur` stored: `Tadmur`).
   */
  constructor(
    gazetteer: Gazetteer,
    private readonly homeCountries: ReadonlySet<string>,
    private readonly dossierNames: ReadonlyMap<string, string> = new Map(),
  ) {
    this.#gazetteer = new SpottingGazetteer(gazetteer, REMEMBERED);
  }

  /**
   * The places `text` names, as spellings `/entry add places:` locates to the same record (with
   * the country after the name where the name alone means a namesake elsewhere), first mention
   * first. `known(folded)` says a name is the dossier's already (an actor's or a place's, or an alias).
   */
  spot(text: string, known: (folded: string) => boolean): string[] {
    this.#gazetteer.startItem(LOOKUPS_PER_ITEM);
    const runs = nameRuns(text.slice(0, READ_CHARACTERS));
    // Countries the item names widen where a place may be (`Tripoli, Lebanon`), and so do regions
    // named standing alone whose name is found in one country only (`Jenin, West Bank`; `Beit
    // Lahia in northern Gaza`; not `Tripoli`, a Libyan region and a Lebanese city).
    const named = new Set<string>();
    // Which phrases named each country: a word opening a clause does not place itself (`Réunion à
    // Bakou`, where Réunion names its island only by being that island's name).
    const namedBy = new Map<string, Set<string>>();
    const name = (code: string, folded: string) => {
      named.add(code);
      namedBy.set(code, (namedBy.get(code) ?? new Set()).add(folded));
    };
    for (const { words: run, opening } of runs) {
      const whole = run.join(' ');
      for (let at = 0; at < run.length && !this.#gazetteer.spent; at++) {
        for (const phrase of at + 1 < run.length ? [run[at]!, `${run[at]} ${run[at + 1]}`] : [run[at]!]) {
          // `US envoy`, `UK-made`: an initialism is more often an adjective than the place meant.
          if (INITIALISM.test(phrase)) continue;
          const { folded, own } = this.#phrase(phrase);
          for (const place of own) if (place.precision === 'country') name(place.country.code, folded);
          // `Liban`, `the Lebanese town of Khiam`: the country's name in the press's languages, or
          // its people's (one word), says the country as its own name does.
          for (const code of this.#gazetteer.countriesNamed(folded)) name(code, folded);
          if (!phrase.includes(' ')) for (const code of this.#gazetteer.countriesOfPeople(folded)) name(code, folded);
          const alone = phrase === whole && !(opening && run.length === 1);
          if (alone && own.some((place) => place.precision === 'region') && new Set(own.map((place) => place.country.code)).size === 1) name(own[0]!.country.code, folded);
        }
      }
    }
    const found: Found[] = [];
    // The item's allowance spent, the rest of it is not read: what was found stands.
    for (const { words: run, opening, speaks, led, title } of runs) {
      for (let at = 0; at < run.length && found.length < MOST_PER_ITEM && !this.#gazetteer.spent; ) {
        let taken = 1;
        for (let length = Math.min(LONGEST_NAME, run.length - at); length >= 1; length--) {
          const words = run.slice(at, at + length);
          if (PARTICLES.has(words[words.length - 1]!) || (speaks && at + length === run.length)) continue;
          const phrase = words.join(' ');
          const { folded, own } = this.#phrase(phrase);
          if (known(folded)) {
            taken = length;
            break;
          }
          const whole = length === run.length || (led && at === 0);
          // In title case only a name after a preposition of place is capitalised as a name for sure.
          const opens = (opening && at === 0) || (title && !(led && at === 0));
          // A name that is no record's own is read in the gazetteer's alternate names: standing alone, and not one word opening its clause (see #judge).
          const records = own.length > 0 ? own : whole && !(opens && length === 1) ? this.#alternates(phrase) : [];
          // A word opening a clause is placed by the item's other words only.
          const placing = opens && length === 1 ? namedBesides(namedBy, folded) : named;
          const place = records.length > 0 ? this.#verdict({ phrase, own: records, alternate: own.length === 0, whole, opening: opens }, placing) : null;
          if (place) {
            if (!found.some((f) => f.place.ref === place.place.ref)) found.push(place);
            taken = length;
            break;
          }
        }
        at += taken;
      }
    }
    if (holdsArabic(text)) this.#spotArabic(text.slice(0, READ_CHARACTERS), known, found, named);
    // A region named beside a town in it (`Jenin, West Bank`) says where the town is: the town is the place.
    const holding = new Set(found.flatMap((f) => (f.place.precision === 'locality' && f.place.region ? [`region:${f.place.region.code}`] : [])));
    const places = found.filter((f) => !(f.place.precision === 'region' && holding.has(f.place.ref)));
    return [...new Set(places.map((f) => this.#dossierName(f.place) ?? f.spelling))];
  }

  /**
   * The dossier's name for a place: its own record's, else, for a seat sharing its region's name,
   * the region's (`Soueida` is the city As-Suwayda, which `Sweida` names too, and a dossier holding
   * `Sweida province` reads `Sweida` as that), as /timeline place: reads the seat's name.
   */
  #dossierName(place: GazetteerPlace): string | undefined {
    const own = this.dossierNames.get(place.ref);
    if (own !== undefined || place.precision !== 'locality') return own;
    return this.dossierNames.get(areaMeant(this.#gazetteer, place));
  }

  /**
   * A place found by a spelling other than English news's (`Soueida`, `Soueïda`), spelt as Sitrep's
   * alias table spells it where that locates the same record (`Sweida`), as an Arabic name is: the
   * same place reads the same from a feed in any language, and as `/entry add places:` stores it.
   */
  #inEnglish(found: Found): Found {
    const { place } = found;
    const own = foldKey(place.name);
    // The alias table's spellings, not GeoNames' ASCII form of the record's own name (`Khan Yunis`).
    const aliases = this.#gazetteer.latinNames(place.ref).filter((name) => foldKey(name) !== own);
    const spelt = aliases.flatMap((name) => [name, `${name} (${place.country.name})`]).find((spelling) => locatedAs(this.#gazetteer, spelling)?.ref === place.ref);
    return spelt ? { spelling: spelt, place } : found;
  }

  /**
   * Places Arabic text names after a word saying one follows (see arabic-place-cues), the
   * longest name first; only where the dossier's places are or in a country the item names
   * (`جنوب لبنان`), Arabic having no capitals to tell a name from a word that is some far
   * village's name too.
   */
  #spotArabic(text: string, known: (folded: string) => boolean, found: Found[], namedInItem: ReadonlySet<string>): void {
    const cued = arabicPlacePhrases(text);
    const afterPrepositions = arabicPrepositionPhrases(text);
    const named = new Set([...namedInItem, ...this.#arabicCountries([...cued, ...afterPrepositions])]);
    const countries = [...named].sort().join(',');
    const groups = [...cued.map((phrases) => ({ phrases, large: false })), ...afterPrepositions.map((phrases) => ({ phrases, large: true }))];
    for (const { phrases, large } of groups) {
      if (found.length >= MOST_PER_ITEM || this.#gazetteer.spent) return;
      for (const phrase of phrases) {
        if (known(phrase)) break;
        if (large && COMMON_WORDS_AFTER_PREPOSITIONS.has(phrase)) continue;
        const place = this.#verdictBy(`ar|${large}|${phrase}|${countries}`, () => this.#judgeArabic(phrase, named, large));
        if (place) {
          if (!found.some((f) => f.place.ref === place.place.ref)) found.push(place);
          break;
        }
      }
    }
  }

  /**
   * The countries Arabic text names where it names places (the words after a cue or after `في`,
   * `على`: `جنوب لبنان`, `محافظة النبطية بلبنان`, `مدينة صور اللبنانية`, `في لبنان`), by any of their names or their people's, with
   * a letter or the article written onto them or not. Only those words are read: a long item's
   * every word would spend its allowance of gazetteer work before its places were.
   */
  #arabicCountries(phraseGroups: readonly string[][]): Set<string> {
    const countries = new Set<string>();
    const words = new Set(phraseGroups.flatMap((phrases) => phrases[0]!.split(' ')));
    for (const word of words) {
      const bare = word.length > 3 && PROCLITICS.has(word[0]!) ? word.slice(1) : word;
      for (const key of new Set([word, bare])) {
        for (const { place } of this.#gazetteer.named(key)) if (place.precision === 'country') countries.add(place.country.code);
      }
      for (const code of this.#gazetteer.countriesNamed(bare)) countries.add(code);
      const people = bare.length > 4 && bare.startsWith('ال') ? bare.slice(2) : bare;
      for (const code of this.#gazetteer.countriesOfPeople(people)) countries.add(code);
    }
    return countries;
  }

  /** `large`: the name counts only as a governorate's or a large city's (read after `في`, `على`). */
  #judgeArabic(phrase: string, named: ReadonlySet<string>, large: boolean): Found | null {
    const near = this.#gazetteer.named(phrase).flatMap(({ place }) => (place.precision !== 'country' && this.#near(place, named) ? [place] : []));
    if (near.length === 0) return null;
    if (large && !near.some((place) => place.precision === 'region' || place.population >= KNOWN_CITY_POPULATION)) return null;
    // The record the name locates to, else its namesake where the dossier's places are (`رفح`: Gaza's, not Egypt's).
    const located = locatedAs(this.#gazetteer, phrase);
    let found: Found | null = null;
    if (located && near.some((p) => p.ref === located.ref)) found = { spelling: phrase, place: located };
    else if (new Set(near.map((p) => p.country.code)).size === 1) found = withCountry(this.#gazetteer, phrase, near[0]!.country);
    if (!found) return null;
    // Suggested as English news spells it where that locates it (`Daraa`, `Jasim`, `Nawa (Syria)`),
    // else by the gazetteer's own name, else by the Arabic one.
    const { place } = found;
    const latin = [...this.#gazetteer.latinNames(place.ref), place.name].flatMap((name) => [name, `${name} (${place.country.name})`]);
    const spelt = latin.find((spelling) => locatedAs(this.#gazetteer, spelling)?.ref === place.ref);
    return spelt ? { spelling: spelt, place } : found;
  }

  #phrase(phrase: string): PhraseRecords {
    let entry = this.#phrases.get(phrase);
    if (entry === undefined) {
      const folded = foldKey(phrase);
      // The gazetteer's alternate names are left out: they hold words like `Israeli`, `Tell`, `Omar`.
      let own = this.#gazetteer.ownNamed(folded);
      // `Idlib province` is the region Idlib, as /entry add reads it.
      if (own.length === 0 && phrase.includes(' ') && REGION_KINDS.has(lastWord(phrase))) {
        own = this.#gazetteer.ownNamed(foldKey(phrase.slice(0, phrase.lastIndexOf(' ')))).filter((place) => place.precision === 'region');
      }
      entry = { folded, own };
      // Past the item's allowance a name is taken to name nothing, and that is not remembered.
      if (this.#gazetteer.spent) return entry;
      if (this.#phrases.size >= REMEMBERED) this.#phrases.clear();
      this.#phrases.set(phrase, entry);
    }
    return entry;
  }

  /** The records the phrase names by the gazetteer's alternate names only (the spotting gazetteer remembers them). */
  #alternates(phrase: string): GazetteerPlace[] {
    return this.#gazetteer.named(this.#phrase(phrase).folded).flatMap((m) => (m.tier === 0 ? [] : [m.place]));
  }

  #verdict(words: Words, named: ReadonlySet<string>): Found | null {
    return this.#verdictBy(`${words.phrase}|${words.whole}|${words.opening}|${[...named].join(',')}`, () => this.#judge(words, named));
  }

  #verdictBy(key: string, judge: () => Found | null): Found | null {
    const remembered = this.#verdicts.get(key);
    if (remembered !== undefined) return remembered;
    const verdict = judge();
    // A verdict reached on what a spent allowance left unanswered is not kept.
    if (this.#gazetteer.spent) return verdict;
    if (this.#verdicts.size >= REMEMBERED) this.#verdicts.clear();
    this.#verdicts.set(key, verdict);
    return verdict;
  }

  #near(place: GazetteerPlace, named: ReadonlySet<string>): boolean {
    return this.homeCountries.has(place.country.code) || named.has(place.country.code);
  }

  /** In a country bordering the dossier's or one the item names (`Beirut` beside Syria). */
  #bordering(place: GazetteerPlace, named: ReadonlySet<string>): boolean {
    this.#homeBorders ??= new Set([...this.homeCountries].flatMap((code) => this.#gazetteer.neighbours(code)));
    return this.#homeBorders.has(place.country.code) || [...named].some((code) => this.#gazetteer.neighbours(code).includes(place.country.code));
  }

  #judge({ phrase, own: records, alternate, whole, opening }: Words, namedInItem: ReadonlySet<string>): Found | null {
    if (INITIALISM.test(phrase)) return null;
    // Alternate names hold words and people's names (`Tell`, `Khalil`, `Hamas` is Hamm's): one word
    // by an alternate name counts only where the dossier's places are, and not opening a clause.
    const oneAlternateWord = alternate && !phrase.includes(' ');
    if (oneAlternateWord && opening) return null;
    // Part of a longer name (`Victoria` of `Victoria Nuland`) counts only where the dossier's places are.
    const named = whole ? namedInItem : NONE;
    const own = records.filter((place) => place.precision !== 'country');
    if (own.length === 0) return null;
    // `Nice weather…`: a common word opening a clause is a place only where the item's other words place it.
    const common = opening && COMMON_WORD_NAMES.has(foldKey(phrase));
    const isNear = (place: GazetteerPlace) => (common ? named.has(place.country.code) : this.#near(place, named));
    const resolved = locatedAs(this.#gazetteer, phrase);
    const located = resolved && resolved.precision !== 'country' ? resolved : undefined;
    const found = ((): Found | null => {
      if (located && isNear(located)) return { spelling: phrase, place: located };
      // A namesake where the dossier's places are, spelt with its country so that it is the one located.
      const near = own.filter(isNear);
      if (new Set(near.map((place) => place.country.code)).size === 1) return withCountry(this.#gazetteer, phrase, near[0]!.country);
      // Far from the dossier: a known city, named on its own (not `Victoria` of `Victoria Nuland`);
      // opening a clause, where any word is capitalised (`Mobile phones…`, `Split between…`), only
      // one in a country bordering the dossier's or the item's (`Beirut residents flee…`).
      const known = located && whole && !oneAlternateWord && !common && located.population >= KNOWN_CITY_POPULATION;
      return known && (!opening || this.#bordering(located, named)) ? { spelling: phrase, place: located } : null;
    })();
    // A clause's first word is capitalised whatever it is (`Port workers…`): only a town of some size counts.
    // And by an alternate name, only a town of some size.
    if (!found || ((opening || alternate) && found.place.population < OPENING_POPULATION)) return null;
    return alternate ? this.#inEnglish(found) : found;
  }
}
