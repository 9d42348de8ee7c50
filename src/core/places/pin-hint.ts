// A name every candidate of which lies away from the dossier's countries and their neighbours
// (`Mount Hermon`: towns in Virginia and California) most likely means a place the gazetteer
// lacks: the refusal says how to keep it and pin it where it is.
import type { Gazetteer } from './gazetteer-port.js';
import type { PlaceOption } from './resolve-place.js';

/** The way to pin `name`, when none of its candidates lies in or beside the dossier's countries; else undefined. */
export function pinHint(gazetteer: Gazetteer, name: string, options: readonly PlaceOption[], near: ReadonlySet<string> | undefined): string | undefined {
  if (!near || near.size === 0) return undefined;
  const around = new Set([...near].flatMap((code) => [code, ...gazetteer.neighbours(code)]));
  if (options.some((option) => around.has(option.place.country.code))) return undefined;
  return `None of them lies in or beside the dossier's countries: if “${name}” is a place the gazetteer lacks (a mountain, a base, a crossing), keep it as free text with located:false, then pin it: \`/places locate name:"${name}" at:"LAT, LON" in:COUNTRY\`.`;
}
