// The places of an entry the gazetteer cannot locate (unknown, or naming several places), each
// with what to say about it: /entry add and edit refuse them, and so does an import, unless the
// admin keeps them as not located.
import { outsideQualifierHint } from './outside-qualifier.js';
import { pinHint } from './pin-hint.js';
import { optionLines } from './place-filter.js';
import type { PlaceDirectory } from './place-port.js';
import { resolvePlace, type PlaceResolution } from './resolve-place.js';

export interface UnlocatedPlace {
  name: string;
  /** The closest gazetteer matches, or the spellings that name one place each. */
  hint: string;
}

/** A stored place is decided already (located, or kept as not located before): it passes. */
export function unlocatedPlace(places: PlaceDirectory, name: string): UnlocatedPlace | undefined {
  if (places.stored(name)) return undefined;
  const near = places.nearCountries();
  return unlocatedAs(name, resolvePlace(places.gazetteer, name, true, near), { places, near });
}

/**
 * What to say of a name the gazetteer resolved so (an import resolves the names of a whole file at
 * once); undefined when it is located. With the dossier's places and countries (`near`), a name
 * whose candidates all lie far from them is told how to be pinned.
 */
export function unlocatedAs(name: string, resolution: PlaceResolution, dossier?: { places: PlaceDirectory; near: ReadonlySet<string> }): UnlocatedPlace | undefined {
  if (resolution.kind === 'located') return undefined;
  const hint =
    resolution.kind === 'ambiguous'
      ? [`“${name}” names several places; say which: ${optionLines(resolution.options).join('; ')}.`, (dossier && pinHint(dossier.places.gazetteer, name, resolution.options, dossier.near))].filter(Boolean).join(' ')
      : resolution.outside
        ? [outsideQualifierHint(name, resolution.outside), ...(resolution.closest.length > 0 ? [`Closest in ${resolution.outside.qualifier}: ${optionLines(resolution.closest).join('; ')}.`] : [])].join(' ')
        : resolution.closest.length > 0
          ? `“${name}” is not in the gazetteer; closest: ${optionLines(resolution.closest).join('; ')}.`
          : `“${name}” is not in the gazetteer.`;
  return { name, hint };
}

/** `“Tel Foo”, “Bar”`: the places a refusal names. */
export const quotedNames = (unlocated: readonly UnlocatedPlace[]) => unlocated.map((u) => `“${u.name}”`).join(', ');
