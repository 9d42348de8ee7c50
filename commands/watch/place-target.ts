// What a /watch place option follows and how the watch is named. A name reads as /timeline reads
// it (a watch on Syria covers Sweida; `Daraa` is the governorate, which holds its seat), and two
// more forms name a city alone where it shares its name with its region: `Daraa city` and
// `Daraa, Syria`. Either way the answer says how to watch the other one.
import type { CommandContext } from '../../src/core/command-spec.js';
import { UserError } from '../../src/core/errors.js';
import type { GazetteerPlace } from '../../src/core/places/gazetteer-port.js';
import { optionLines, placeFilter } from '../../src/core/places/place-filter.js';
import type { PlaceDirectory } from '../../src/core/places/place-port.js';
import { resolvePlace } from '../../src/core/places/resolve-place.js';
import { areaMeant } from '../../src/core/places/seat-area.js';
import { foldKey } from '../../src/core/text.js';
import type { WatchTarget } from '../../src/core/watch/watch-port.js';
import { unknownPlaceError } from '../timeline.js';

/** Where a region and its seat share a name: which of them the watch follows, and what to type for the other. */
export interface OtherPlace {
  /** `the region, city and all` or `the city alone`. */
  watched: string;
  other: string;
  typed: string;
}

export interface PlaceTarget {
  target: WatchTarget;
  label: string;
  other?: OtherPlace;
}

/** The word after a region's name (`Sweida province`), left out to name its seat (`Sweida city`). */
const REGION_WORD = /\s+(province|governorate|region|muhafazah)$/i;

const REGION_AND_ALL = 'the region, city and all';
const CITY_ALONE = 'the city alone';

export function placeTarget(typed: string, ctx: CommandContext): PlaceTarget {
  const { dossier, places } = ctx.services;
  const city = namedWithWhere(places, typed);
  if (city) return city;
  const filter = placeFilter(places, typed);
  if (!filter) throw unknownPlaceError(dossier, typed);
  if (filter.kind === 'stored') return { target: { kind: 'place', placeKey: filter.key }, label: places.stored(typed)?.name ?? filter.name };
  const label = places.stored(typed)?.name ?? areaLabel(typed, filter.place);
  const seat = filter.place.precision === 'region' ? seatTyped(places, typed, filter.place) : undefined;
  return { target: { kind: 'place', area: filter.area }, label, ...(seat ? { other: { watched: REGION_AND_ALL, other: CITY_ALONE, typed: seat } } : {}) };
}

/** `Daraa city` → the name, said to be a city; `Daraa, Syria` → the name and where it is. */
function cityForm(typed: string): { name: string; within: string[]; city: boolean } | undefined {
  // `Sweida (Suwayda region, Syria)` says where in its own way: resolvePlace reads it.
  if (typed.includes('(')) return undefined;
  const parts = typed.split(',').map((part) => part.trim());
  const city = /^(.*\S)\s+city$/i.exec(parts[0]!);
  if (parts.length === 1) return city ? { name: city[1]!, within: [], city: true } : undefined;
  if (parts.some((part) => part === '')) return undefined;
  return { name: parts[0]!, within: parts.slice(1), city: false };
}

/**
 * A place typed as a city (`Aleppo city`) or with where it is (`Damascus, Syria`, `Quneitra
 * region, Syria`, as /watch list names it): a locality is followed alone, not the region of its
 * name; a region or a country as itself. Undefined when the name is not in one of those forms,
 * or is a place the dossier or the gazetteer holds as typed (the region `Kyiv City`).
 */
function namedWithWhere(places: PlaceDirectory, typed: string): PlaceTarget | undefined {
  const form = cityForm(typed);
  const stored = places.stored(typed);
  if (!form || (stored && stored.location !== 'located') || resolvePlace(places.gazetteer, typed, false).kind !== 'unknown') return undefined;
  let several: UserError | undefined;
  for (const where of form.within.length > 0 ? form.within : [undefined]) {
    const resolution = resolvePlace(places.gazetteer, where ? `${form.name} (${where})` : form.name, false, places.nearCountries());
    if (resolution.kind === 'ambiguous') several ??= new UserError('invalid-option', `Option \`place\`: “${typed}” names several places.`, [`Say which: ${optionLines(resolution.options).join('; ')}.`], 'place');
    if (resolution.kind !== 'located') continue;
    const { place } = resolution;
    if (place.precision === 'locality') return cityTarget(places, form.name, place);
    if (form.city) return undefined;
    const area = places.gazetteer.byRef(resolution.area) ?? place;
    return { target: { kind: 'place', area: area.ref }, label: areaLabel(form.name, area) };
  }
  if (several) throw several;
  return undefined;
}

/** A locality followed alone; where its region shares its name, the answer says how to watch the region. */
function cityTarget(places: PlaceDirectory, name: string, place: GazetteerPlace): PlaceTarget {
  const region = areaMeant(places.gazetteer, place);
  const target: WatchTarget = { kind: 'place', area: place.ref };
  if (region === place.ref || !place.region) return { target, label: areaLabel(name, place) };
  const shared = place.region.name;
  const named = `${shared}, ${place.country.name}`;
  const spelled = asName(name);
  const label = [shared, place.name].some((n) => foldKey(n) === foldKey(spelled)) ? named : `${spelled} (${named})`;
  const regionTyped = [`${spelled} region`, `${shared} region`].find((candidate) => readsArea(places, candidate, region));
  return { target, label, ...(regionTyped ? { other: { watched: CITY_ALONE, other: REGION_AND_ALL, typed: regionTyped } } : {}) };
}

/** What to type for the seat of a region named as the region is (`Daraa city`), if it has one. */
function seatTyped(places: PlaceDirectory, typed: string, region: GazetteerPlace): string | undefined {
  const name = asName(typed.trim()).replace(REGION_WORD, '');
  const candidates = [`${name} city`, `${region.name} city`];
  return candidates.find((candidate) => {
    const form = cityForm(candidate)!;
    const resolution = resolvePlace(places.gazetteer, form.name, false, places.nearCountries());
    return resolution.kind === 'located' && resolution.place.precision === 'locality' && areaMeant(places.gazetteer, resolution.place) === region.ref;
  });
}

function readsArea(places: PlaceDirectory, typed: string, area: string): boolean {
  try {
    const filter = placeFilter(places, typed);
    return filter?.kind === 'area' && filter.area === area;
  } catch (error) {
    if (error instanceof UserError) return false;
    throw error;
  }
}

/**
 * A place the dossier does not hold, named so that two places of one name read apart (`Paris,
 * Texas, United States`; `Aleppo region, Syria` and the city `Aleppo, Syria`), after the name
 * typed when the gazetteer spells it otherwise (`Sweida (Suwayda, Syria)`).
 */
function areaLabel(typed: string, place: GazetteerPlace): string {
  const where = [...new Set([place.region?.name, place.country.name])].filter((name): name is string => name !== undefined && name !== place.name);
  // A governorate is told from its seat of the same name (`Aleppo region, Syria`, `Aleppo, Syria`).
  const own = place.precision === 'region' ? `${place.name} region` : place.name;
  const named = [own, ...where].join(', ');
  const spelled = asName(typed.trim());
  return spelled.includes('(') || [place.name, own].some((name) => foldKey(name) === foldKey(spelled)) ? named : `${spelled} (${named})`;
}

/** A name typed all in lower case, as a name is written (`sweida` → `Sweida`); any other spelling as typed. */
function asName(typed: string): string {
  return typed === typed.toLocaleLowerCase() ? typed.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase()) : typed;
}
