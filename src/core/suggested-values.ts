// What autocomplete offers for an actor, topic or place option (Discord's choices, the console's
// Tab): the names holding what was typed, and first what the command would read the text as when
// that is another name: `سوريا` is the actor Syria (a country's name in another language), and
// `السويداء` or `Soueida` the stored place Sweida province (the gazetteer's spellings).
import type { DossierReader, SuggestionKind } from './ports.js';
import { areaFilter } from './places/place-filter.js';
import type { PlaceDirectory } from './places/place-port.js';
import { foldKey } from './text.js';

/** Stored places looked at for each of a gazetteer record's names: those holding it, best first. */
const PLACES_PER_NAME = 5;

/** The actors a name is, as /actor and every actor option resolve it first: an alias, or a country's name in another language. */
function actorsMeant(dossier: DossierReader, typed: string): string[] {
  return dossier.actorsNamed(typed).map((actor) => actor.name);
}

/**
 * The names a place option reads alike with the text typed, when no stored place holds it (another
 * spelling or alphabet): the stored places that read the same area, named after the gazetteer's
 * record; else the record's own name, which reads it too.
 */
function placesMeant(dossier: DossierReader, places: PlaceDirectory, typed: string): string[] {
  const meant = areaFilter(places, typed);
  if (!meant) return [];
  const sameArea = (name: string) => areaFilter(places, name)?.area === meant.area;
  const names = [meant.place.name, ...places.gazetteer.latinNames(meant.place.ref)];
  const stored = [...new Set(names.flatMap((name) => dossier.suggest('place', name, PLACES_PER_NAME)))].filter(sameArea);
  if (stored.length > 0) return stored;
  return sameArea(meant.place.name) ? [meant.place.name] : [];
}

/**
 * Names holding the text, best first; an actor the text names (exactly, or as a country in another
 * language) comes first, and for a place no stored name holds, what the option reads it as.
 */
export function suggestedValues(services: { dossier: DossierReader; places: PlaceDirectory }, kind: SuggestionKind, typed: string, limit: number): string[] {
  const { dossier, places } = services;
  const holding = dossier.suggest(kind, typed, limit);
  // Text with no letter or digit names nothing (and would match every name).
  if (foldKey(typed) === '') return holding;
  const meant = kind === 'actor' ? actorsMeant(dossier, typed) : kind === 'place' && holding.length === 0 ? placesMeant(dossier, places, typed) : [];
  return [...new Set([...meant, ...holding])].slice(0, limit);
}
