// Which gazetteer record a typed place means, or why none: the rules in docs/places.md.
import { closestNames } from '../ranking.js';
import { foldKey } from '../text.js';
import { articleForms, withoutArticle, writesArticle } from './arabic-article.js';
import type { Gazetteer, GazetteerPlace } from './gazetteer-port.js';
import { namedRecords, REGION_WORD_LIST } from './named-records.js';
import { liesIn, qualifierAreas } from './qualifier-areas.js';
import { areaMeant } from './seat-area.js';
import { BORDERING, HOME, standingIn, type Standing } from './standing.js';

/** A candidate, with the spelling that names it alone (`Paris (Texas)`). */
export interface PlaceOption {
  spelling: string;
  place: GazetteerPlace;
}

/** `Hamidiyah (Quneitra)`: the gazetteer has the name, but not in what the qualifier names. */
export interface OutsideQualifier {
  /** The name and its qualifier, as typed. */
  name: string;
  qualifier: string;
  /** The countries and regions the qualifier names; empty when it names none. */
  areas: GazetteerPlace[];
  /** What the name alone would mean (up to three), all outside those areas. */
  places: GazetteerPlace[];
}

export type PlaceResolution =
  /** `place` is what an entry stores; `area` is what a filter by this name reads (see below). */
  | { kind: 'located'; place: GazetteerPlace; area: string }
  | { kind: 'ambiguous'; options: PlaceOption[] }
  | { kind: 'unknown'; closest: PlaceOption[]; outside?: OutsideQualifier };

/**
 * A place more populous than every other candidate by this factor is the one meant: Damascus,
 * Syria (1.6 million) over Damascus, Maryland (15,000); two of a size stay ambiguous.
 */
export const DOMINANCE = 5;

/**
 * What a place of unknown population (GeoNames gives 0) counts as beside another: a small town.
 * Nāwa, India (20,000) does not outweigh Nawá, Syria, whose population is not given; Rafah,
 * Gaza (126,000) does outweigh Rafah, Egypt.
 */
export const UNKNOWN_POPULATION = 10_000;

/** `Paris (Texas)` → name and qualifier. */
function splitQualifier(typed: string): { name: string; qualifier?: string } {
  const match = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(typed.trim());
  return match ? { name: match[1]!, qualifier: match[2]!.trim() } : { name: typed.trim() };
}

/** A region with the localities of the same name in it, or one locality: one candidate place. */
interface Group {
  region?: GazetteerPlace;
  localities: GazetteerPlace[];
  weight: number;
}

function groupsOf(places: readonly GazetteerPlace[]): Group[] {
  const regions = places.filter((p) => p.precision === 'region');
  const groups: Group[] = regions.map((region) => ({ region, localities: [], weight: region.population }));
  for (const place of places.filter((p) => p.precision === 'locality')) {
    const group = groups.find((g) => g.region && g.region.ref === `region:${place.region?.code}`);
    if (group) group.localities.push(place);
    else groups.push({ localities: [place], weight: 0 });
  }
  for (const group of groups) {
    group.localities.sort((a, b) => b.population - a.population);
    group.weight = Math.max(group.weight, group.localities[0]?.population ?? 0);
  }
  return groups.sort((a, b) => b.weight - a.weight);
}

/** What an entry stores (the locality, the most precise) and what a filter reads (the region, the widest). */
function chosen(gazetteer: Gazetteer, group: Group): PlaceResolution {
  const place = group.localities[0] ?? group.region!;
  return { kind: 'located', place, area: group.region?.ref ?? areaMeant(gazetteer, place) };
}

/** Spellings telling the options apart: by country where that is enough, else by region. */
function options(name: string, places: readonly GazetteerPlace[]): PlaceOption[] {
  const countries = new Set(places.map((p) => p.country.code));
  const byCountry = countries.size === places.length;
  return places.map((place) => ({
    place,
    spelling: `${name} (${byCountry || !place.region ? place.country.name : place.region.name})`,
  }));
}

/**
 * `Sweida provnce`, `Aleppo Governrate`: a name whose last word is a misspelled region word
 * matches nothing whole; the regions closest to the rest are offered, spelled as regions.
 */
function closestRegions(gazetteer: Gazetteer, name: string, within?: (place: GazetteerPlace) => boolean): PlaceOption[] {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || closestNames(REGION_WORD_LIST, words.at(-1)!, 1).length === 0) return [];
  const regions = gazetteer.closest(words.slice(0, -1).join(' '), 3, (place) => place.precision === 'region' && (within?.(place) ?? true));
  return regions.map(({ name: regionName, place }) => ({ spelling: `${regionName} region`, place }));
}

/**
 * The closest names, each spelled so that typing it names that place: names shared by several
 * (the governorate Quneitra and its seat) are told apart, a region by `region` after its name
 * (a bare name means the seat), others by where they are.
 */
function closestSpellings(closest: readonly { name: string; place: GazetteerPlace }[]): PlaceOption[] {
  return closest.map(({ name, place }) => {
    const namesakes = closest.filter((other) => foldKey(other.name) === foldKey(name));
    if (namesakes.length === 1) return { spelling: name, place };
    const regions = namesakes.filter((other) => other.place.precision === 'region');
    if (regions.length === 1) {
      if (place.precision === 'region') return { spelling: `${name} region`, place };
      const others = namesakes.filter((other) => other.place.precision !== 'region');
      if (others.length === 1) return { spelling: name, place };
      return options(name, others.map((other) => other.place)).find((option) => option.place === place) ?? { spelling: name, place };
    }
    return options(name, namesakes.map((other) => other.place)).find((option) => option.place === place) ?? { spelling: name, place };
  });
}

/** The country of a candidate group. */
const countryOf = (group: Group) => (group.localities[0] ?? group.region!).country.code;

/**
 * The groups to choose among, nearest the dossier first (by weight within each standing): where
 * some but not all lie in the dossier's countries, only those: `Nawa` in a dossier on Syria is
 * Syria's, not India's.
 */
function nearOnes(groups: Group[], standing: (group: Group) => Standing): Group[] {
  const ranked = [...groups].sort((a, b) => standing(a) - standing(b));
  const home = ranked.filter((group) => standing(group) === HOME);
  return home.length > 0 ? home : ranked;
}

/**
 * The group meant, if one is: more populous than every other by `DOMINANCE`, where a group in a
 * country bordering the dossier's counts `DOMINANCE` times its people against one farther away:
 * Tripoli, Libya (1.25 million) does not outweigh Tripoli, Lebanon (230,000) beside Syria, nor
 * the reverse, so `Tripoli` is ambiguous there, Lebanon's listed first.
 */
function meant(groups: readonly Group[], standing: (group: Group) => Standing): Group | undefined {
  const nearness = (group: Group) => (standing(group) === BORDERING ? DOMINANCE : 1);
  const [first, second] = [...groups].sort((a, b) => b.weight * nearness(b) - a.weight * nearness(a));
  return !second || first!.weight * nearness(first!) >= DOMINANCE * (second.weight || UNKNOWN_POPULATION) * nearness(second) ? first : undefined;
}

/**
 * The names closest to a misspelling; for one with a leading article, the names closest to the
 * rest first: names starting `al` are too many to weigh them all, and the gazetteer writes many
 * without it (`Quneitra`) or as it is heard (`As Sanamayn`).
 */
/** The matches in `near` countries first, each group in its order. */
function nearFirst<T extends { place: GazetteerPlace }>(matches: T[], near: ReadonlySet<string> | undefined): T[] {
  if (!near || near.size === 0) return matches;
  return [...matches.filter((m) => near.has(m.place.country.code)), ...matches.filter((m) => !near.has(m.place.country.code))];
}

function closestForms(gazetteer: Gazetteer, name: string, within?: (place: GazetteerPlace) => boolean): { name: string; place: GazetteerPlace }[] {
  const bare = withoutArticle(foldKey(name));
  const tried = bare === undefined ? [name] : [bare, ...articleForms(bare).filter((form) => form !== foldKey(name)).slice(0, 1), name];
  const found = tried.flatMap((form) =>
    form === name ? gazetteer.closest(form, 3, within) : gazetteer.closest(form, 3, (place) => writesArticle(place.country.code) && (within?.(place) ?? true)),
  );
  const seen = new Set<string>();
  return found.filter((match) => !seen.has(match.place.ref) && seen.add(match.place.ref)).slice(0, 3);
}

/**
 * `suggest: false` skips the closest names of an unknown place (a filter or a lookup that needs
 * no reply). `near`: the countries of the dossier's located places, preferred among namesakes.
 */
export function resolvePlace(gazetteer: Gazetteer, typed: string, suggest = true, near?: ReadonlySet<string>): PlaceResolution {
  const { name, qualifier } = splitQualifier(typed);
  const matches = namedRecords(gazetteer, name);
  // The gazetteer's alternate names count only where no name of its own or alias matches.
  const tier = Math.min(...matches.map((m) => m.tier));
  const unqualified = matches.filter((m) => m.tier === tier).map((m) => m.place);
  let places = unqualified;
  // The qualifier is read as a place name is: `Nawa (Dar'a)`, `Shahba (As-Sweida)`, `Ariha (Idleb)`.
  const areas = qualifier === undefined ? undefined : qualifierAreas(gazetteer, qualifier);
  const inside = areas && liesIn(areas);
  if (inside) {
    places = places.filter(inside);
    // The qualifier may say the alternate spelling is meant: `Jenin (Palestine)`, whose own name is a Polish village's.
    if (places.length === 0) places = matches.filter((m) => m.tier !== tier).map((m) => m.place).filter(inside);
  }
  if (places.length === 0) {
    // `Damscus (Syria)`: only spellings in what the qualifier names are offered.
    // The dossier's own countries first: `Izraa` in a Syria dossier is Syria's Izra‘ before Jordan's ‘Izrā.
    const closest = suggest ? nearFirst(closestForms(gazetteer, name, inside), near) : [];
    const spellings = closest.length > 0 || !suggest ? closestSpellings(closest) : closestRegions(gazetteer, name, inside);
    // `Hamidiyah (Quneitra)`: the gazetteer's Hamidiyah lies in Tartus; the reply says so.
    const elsewhere = nearFirst([...unqualified].sort((a, b) => b.population - a.population).map((place) => ({ place })), near).slice(0, 3).map((m) => m.place);
    const outside = qualifier !== undefined && areas && elsewhere.length > 0 ? { name, qualifier, areas, places: elsewhere } : undefined;
    return { kind: 'unknown', closest: spellings, ...(outside ? { outside } : {}) };
  }
  const countries = places.filter((p) => p.precision === 'country');
  if (countries.length === 1) return { kind: 'located', place: countries[0]!, area: countries[0]!.ref };
  if (countries.length > 1) return { kind: 'ambiguous', options: options(name, countries) };
  const where = standingIn(gazetteer, qualifier === undefined ? near : undefined);
  const standing = (group: Group) => where(countryOf(group));
  const all = groupsOf(places);
  const groups = nearOnes(all, standing);
  const one = meant(groups, standing);
  if (one) return chosen(gazetteer, one);
  // The nearest namesakes first, then the others.
  const listed = [...groups, ...all.filter((group) => !groups.includes(group)).sort((a, b) => standing(a) - standing(b))];
  return { kind: 'ambiguous', options: options(name, listed.map((g) => g.localities[0] ?? g.region!)) };
}
