// Places are shared by their folded name, so an edit naming one with another spelling re-spells
// it on every entry that shows it. A lower-case slip (`baku` where `Baku` is stored) must not do
// that: such a place keeps its stored spelling unless the edit says respell:true.
import type { OptionSpec } from '../../src/core/command-spec.js';
import type { DossierReader } from '../../src/core/ports.js';
import { foldKey } from '../../src/core/text.js';

export const respellOption: OptionSpec = {
  name: 'respell',
  description: 'Re-spell the places named on every entry, and the outlet, even where only letter case differs',
  type: 'boolean',
  example: 'true',
};

/** The spelling every entry shows for a place, when one is stored under its folded name. */
function storedSpelling(dossier: DossierReader, place: string): string | undefined {
  // The stored place with the same folded name is an exact match, which ranks first.
  const [best] = dossier.suggest('place', place, 1);
  return best !== undefined && foldKey(best) === foldKey(place) ? best : undefined;
}

/** The places as typed, but with the stored spelling where only letter case tells them apart. */
export function withStoredCase(places: readonly string[], dossier: DossierReader): string[] {
  return places.map((place) => {
    const stored = storedSpelling(dossier, place);
    return stored !== undefined && stored !== place && stored.toLowerCase() === place.toLowerCase() ? stored : place;
  });
}
