// Which places kept as free text might lie within an area a list is filtered by. No area holds
// them (they have no gazetteer record), so a filter by a country or region leaves out their
// entries; a note names those that could be there, judged by the names they hold. One naming the
// area or a place within it could (`Southern Syria` in Syria, `Sweida countryside` in Sweida
// and in Syria). Within a country, so could one naming nowhere the dossier is (`Golan Heights`,
// `Beit Jinn`), but not one naming only places in another of the dossier's countries
// (`Southern Syria` in Lebanon). A region is too narrow to take in a place nothing places.
import { foldKey } from '../text.js';
import { areasOf, type Gazetteer, type GazetteerPlace } from './gazetteer-port.js';
import type { PlaceDirectory } from './place-port.js';

/**
 * Free-text places read to pick from, the latest stored first: every one in most dossiers. Past
 * it, those that could lie within are not all counted: reading every one of thousands would cost
 * a country's timeline several times its own reading.
 */
const FREE_TEXT_READ = 200;
/** The longest run of words looked up as a name: `Ras al Ain` has three. */
const NAME_WORDS = 4;
/** Names whose areas are kept between replies, at most: free-text places change rarely. */
const KEPT_NAMES = 20_000;

export interface FreeTextWithin {
  /** The first `limit` of them, the latest stored first. */
  names: string[];
  /** How many more there are; undefined when there are more, not all of them counted. */
  more: number | undefined;
}

/** The runs of words of a folded name, each looked up as a name; single words of one or two letters are no names. */
function wordRuns(key: string): string[] {
  const words = key.split(' ').filter(Boolean);
  const runs: string[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= Math.min(words.length, start + NAME_WORDS); end++) {
      const run = words.slice(start, end).join(' ');
      if (end - start > 1 || run.length > 2) runs.push(run);
    }
  }
  return runs;
}

const namedAreas = new Map<string, ReadonlySet<string>>();

/**
 * The areas (`country:SY`, `region:SY.05`, a locality's ref) of every place the words of a
 * folded name name by the gazetteer's own names and Sitrep's aliases, and of the countries they
 * name by what the press or their people are called (`Syrian`).
 */
function areasNamedIn(gazetteer: Gazetteer, key: string): ReadonlySet<string> {
  const known = namedAreas.get(key);
  if (known) return known;
  const areas = new Set<string>();
  for (const run of wordRuns(key)) {
    for (const place of gazetteer.ownNamed(run)) for (const area of areasOf(place)) areas.add(area);
    for (const code of [...gazetteer.countriesNamed(run), ...gazetteer.countriesOfPeople(run)]) areas.add(`country:${code}`);
  }
  if (namedAreas.size >= KEPT_NAMES) namedAreas.clear();
  namedAreas.set(key, areas);
  return areas;
}

/** Whether a folded name holds the typed name of the area as whole words (`Sweida countryside` for `Sweida`). */
const holds = (key: string, typed: string) => typed !== '' && ` ${key} `.includes(` ${typed} `);

/** The places kept as free text that could lie within `area` (typed as `typed`), the latest stored first. */
export function freeTextWithin(places: PlaceDirectory, area: GazetteerPlace, typed: string, limit: number): FreeTextWithin {
  if (area.precision === 'locality') return { names: [], more: 0 };
  const read = places.freeText(FREE_TEXT_READ);
  const free = read.items;
  const dossierCountries = [...places.nearCountries()].map((code) => `country:${code}`);
  const typedKey = foldKey(typed);
  const within = free.filter(({ name }) => {
    const key = foldKey(name);
    if (holds(key, typedKey)) return true;
    const areas = areasNamedIn(places.gazetteer, key);
    if (areas.has(area.ref)) return true;
    return area.precision === 'country' && !dossierCountries.some((country) => areas.has(country));
  });
  const names = within.slice(0, limit).map((place) => place.name);
  const counted = read.total <= free.length;
  const more = within.length - names.length;
  return { names, more: counted || more === 0 ? more : undefined };
}
