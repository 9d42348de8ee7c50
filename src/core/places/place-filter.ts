// What a typed place means where it narrows a list (/timeline place:, /place): the area to read,
// so that a country holds its regions and localities, and any spelling finds the same place.
import { UserError } from '../errors.js';
import { foldKey } from '../text.js';
import { areasOf, type GazetteerPlace } from './gazetteer-port.js';
import { articleForms } from './arabic-article.js';
import type { PlaceDirectory, StoredPlace } from './place-port.js';
import { resolvePlace, type PlaceOption } from './resolve-place.js';
import { pinHint } from './pin-hint.js';
import { areaMeant } from './seat-area.js';

export type PlaceFilter =
  /** Every entry at a place within this area (`country:UA`), the record it stands for. */
  | { kind: 'area'; area: string; place: GazetteerPlace }
  /** The entries at one stored place that is not located (free text), by its key. */
  | { kind: 'stored'; name: string; key: string };

/** How many candidates a refusal names before saying how many more there are. */
const LISTED_OPTIONS = 6;

/** The spellings a refusal offers, with where each is, the likeliest first. */
export function optionLines(options: readonly PlaceOption[]): string[] {
  const lines = options
    .slice(0, LISTED_OPTIONS)
    .map((o) => `${o.spelling} — ${[o.place.region?.name, o.place.country.name].filter(Boolean).join(', ')} (${o.place.precision})`);
  return options.length > LISTED_OPTIONS ? [...lines, `and ${options.length - LISTED_OPTIONS} more`] : lines;
}

/**
 * A stored place that is located reads its own area, or the wider one its name also means
 * (`Kyiv`, the city, reads the region Kyiv City, which holds it); a stored place not located
 * reads its own entries; a name only the gazetteer knows reads the area it resolves to.
 * Undefined when the name is neither stored nor in the gazetteer.
 */
export function placeFilter(places: PlaceDirectory, typed: string, option = 'place'): PlaceFilter | undefined {
  const resolution = resolvePlace(places.gazetteer, typed, false, places.nearCountries());
  const stored = places.stored(typed) ?? (resolution.kind === 'unknown' ? freeTextUnderOtherArticle(places, typed) : undefined);
  if (stored && stored.location !== 'located') return { kind: 'stored', name: stored.name, key: stored.key };
  if (stored?.ref) {
    const own = places.gazetteer.byRef(stored.ref);
    if (own) {
      const wider = resolution.kind === 'located' && areasOf(own).includes(resolution.area) ? resolution.area : areaMeant(places.gazetteer, own);
      return { kind: 'area', area: wider, place: places.gazetteer.byRef(wider) ?? own };
    }
  }
  if (stored) return { kind: 'stored', name: stored.name, key: stored.key };
  if (resolution.kind === 'located') return { kind: 'area', area: resolution.area, place: places.gazetteer.byRef(resolution.area) ?? resolution.place };
  if (resolution.kind === 'ambiguous') {
    const hints = [`Say which: ${optionLines(resolution.options).join('; ')}.`, pinHint(places.gazetteer, typed, resolution.options, places.nearCountries())];
    throw new UserError('invalid-option', `Option \`${option}\`: “${typed}” names several places.`, hints.filter((hint) => hint !== undefined), option);
  }
  return undefined;
}

/**
 * A stored place not located (free text, or not settled yet) under the typed name with its Arabic
 * article written otherwise or left out (`حدود` for a stored `الحدود`, `el-Hara` for `al-Hara`):
 * one the gazetteer knows is found by resolvePlace, which reads those forms too.
 */
function freeTextUnderOtherArticle(places: PlaceDirectory, typed: string): StoredPlace | undefined {
  for (const form of articleForms(foldKey(typed))) {
    const stored = places.stored(form);
    if (stored && stored.location !== 'located') return stored;
  }
  return undefined;
}

/**
 * The area a typed name reads, when it reads one: undefined for a place kept as free text, a name
 * nothing knows, or one naming several places (for a note beside another reply, not a refusal).
 */
export function areaFilter(places: PlaceDirectory, typed: string): Extract<PlaceFilter, { kind: 'area' }> | undefined {
  try {
    const filter = placeFilter(places, typed);
    return filter?.kind === 'area' ? filter : undefined;
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

/**
 * The terms a list filtered by a typed place reads (/timeline, /chart): a located place's area,
 * else the stored place by its key (one neither stored nor known then matches nothing).
 */
export function placeTerms(places: PlaceDirectory, typed: string, option = 'place'): PlaceTerms {
  return termsOf(placeFilter(places, typed, option), typed);
}

export type PlaceTerms = { placeArea: string } | { placeKey: string };

/** The query terms of a place as `placeFilter` read it (undefined: a name known nowhere, matching no entry). */
export function termsOf(place: PlaceFilter | undefined, typed: string): PlaceTerms {
  if (place?.kind === 'area') return { placeArea: place.area };
  return { placeKey: place?.key ?? foldKey(typed) };
}
