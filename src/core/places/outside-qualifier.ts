// `Hamidiyah (Quneitra)`: the gazetteer knows a Hamidiyah, in Tartus, and none in Quneitra. A bare
// "not in the gazetteer" would send the admin looking for a spelling; the refusal says where the
// gazetteer's namesakes lie and how to pin the one meant where the qualifier says it is.
import { foldKey, wordList } from '../text.js';
import type { GazetteerPlace } from './gazetteer-port.js';
import type { OutsideQualifier } from './resolve-place.js';

/** `in Tartus, Syria (Al Ḩamīdīyah)`: where a namesake lies, with its own name when spelt otherwise. */
function whereLies(name: string, place: GazetteerPlace): string {
  const own = foldKey(place.name) === foldKey(name) ? '' : ` (${place.name})`;
  if (place.precision === 'country') return `as a country${own}`;
  if (place.precision === 'region') return `as a region of ${place.country.name}${own}`;
  return `in ${[place.region?.name, place.country.name].filter(Boolean).join(', ')}${own}`;
}

/** The area a pin is placed in: the one the qualifier names, by the gazetteer's name for it. */
const pinArea = (outside: OutsideQualifier): string => (outside.areas.length === 1 ? outside.areas[0]!.name : outside.qualifier);

/** What a refusal says of a qualified name whose namesakes all lie outside the qualifier. */
export function outsideQualifierHint(typed: string, outside: OutsideQualifier): string {
  const { name } = outside;
  const namesakes = wordList(outside.places.map((place) => whereLies(name, place)));
  if (outside.areas.length === 0) {
    return `“${typed}” is not in the gazetteer: “${outside.qualifier}” names no country or region it knows, and it has ${name} ${namesakes}. Name the country or region otherwise, or write ${name} alone.`;
  }
  return (
    `“${typed}” is not in the gazetteer: it has ${name} only ${namesakes}, not in ${outside.qualifier}. ` +
    `If a ${name} in ${outside.qualifier} is meant, keep it as free text with located:false, then pin it: \`/places locate name:"${typed}" at:"LAT, LON" in:"${pinArea(outside)}"\`.`
  );
}
