// `/places locate name:… at:"LAT, LON" in:AREA`: a stored place the gazetteer lacks (a mountain,
// an airbase, a crossing), pinned at coordinates within a country or first-level region the admin
// names. The admin says where it lies: coordinates far outside that country are refused, most
// often typed longitude first.
import { UserError } from '../src/core/errors.js';
import type { GazetteerPlace } from '../src/core/places/gazetteer-port.js';
import { optionLines } from '../src/core/places/place-filter.js';
import type { PlaceDirectory } from '../src/core/places/place-port.js';
import { pinRecord, pinRef, pointText, type Bounds, type PinPoint } from '../src/core/places/pins.js';
import { resolvePlace } from '../src/core/places/resolve-place.js';

const EXAMPLE = 'at:"33.416, 35.857"';
const NUMBER = '([+-]?\\d+(?:\\.\\d+)?)';
const COORDINATES = new RegExp(`^\\s*${NUMBER}\\s*(?:[,;]\\s*|\\s+)${NUMBER}\\s*$`);

const inRange = (point: PinPoint) => Math.abs(point.latitude) <= 90 && Math.abs(point.longitude) <= 180;
const swapped = (point: PinPoint): PinPoint => ({ latitude: point.longitude, longitude: point.latitude });
const within = (point: PinPoint, [west, south, east, north]: Bounds) =>
  point.latitude >= south && point.latitude <= north && point.longitude >= west && point.longitude <= east;

/** Latitude and longitude in decimal degrees, latitude first: `33.416, 35.857`. */
export function parsePoint(typed: string): PinPoint {
  const match = COORDINATES.exec(typed);
  if (!match) {
    throw new UserError('invalid-option', `Option \`at\`: “${typed}” is not a latitude and longitude.`, [`Give both in decimal degrees, latitude first, south and west negative: ${EXAMPLE}.`], 'at');
  }
  const point = { latitude: Number(match[1]), longitude: Number(match[2]) };
  if (inRange(point)) return point;
  const hint = inRange(swapped(point))
    ? `Latitude comes first: at:"${pointText(swapped(point))}" if that is where it is.`
    : `Give them in decimal degrees, latitude first: ${EXAMPLE}.`;
  throw new UserError('invalid-option', `Option \`at\`: “${typed}” is out of range: latitudes run from -90 to 90, longitudes from -180 to 180.`, [hint], 'at');
}

/** The country or first-level region `in:` names, as `as:` would read it. */
function areaNamed(places: PlaceDirectory, typed: string): GazetteerPlace {
  const resolution = resolvePlace(places.gazetteer, typed, true, places.nearCountries());
  if (resolution.kind === 'ambiguous') throw new UserError('invalid-option', `Option \`in\`: “${typed}” names several places.`, [`Say which: ${optionLines(resolution.options).join('; ')}.`], 'in');
  if (resolution.kind === 'unknown') {
    const hint = resolution.closest.length > 0 ? `Closest: ${optionLines(resolution.closest).join('; ')}.` : 'Check the spelling.';
    throw new UserError('not-found', `Option \`in\`: “${typed}” is not in the gazetteer.`, [hint], 'in');
  }
  // A seat sharing its governorate's name (`Quneitra`) reads as the governorate here, as a filter reads it.
  const area = places.gazetteer.byRef(resolution.area) ?? resolution.place;
  if (area.precision !== 'locality') return area;
  const wider = [area.region?.name, area.country.name].filter((name) => name !== undefined).map((name) => `in:"${name}"`);
  throw new UserError('invalid-option', `Option \`in\`: “${typed}” is a town (${[area.region?.name, area.country.name].filter(Boolean).join(', ')}); a pin lies in a country or first-level region.`, [
    `Say which: ${wider.join(' or ')}.`,
  ], 'in');
}

/** Refuses a point far outside the country: most often one typed longitude first. */
function checkInCountry(places: PlaceDirectory, point: PinPoint, area: GazetteerPlace): void {
  const bounds = places.countryBounds(area.country.code);
  if (!bounds || within(point, bounds)) return;
  const [west, south, east, north] = bounds.map((degrees) => Math.round(degrees * 10) / 10);
  const message = `Option \`at\`: ${pointText(point)} lies far outside ${area.country.name}, whose places lie between latitudes ${south} and ${north} and longitudes ${west} and ${east}.`;
  const hint = within(swapped(point), bounds)
    ? `Latitude comes first: read the other way round, at:"${pointText(swapped(point))}", it lies in ${area.country.name}.`
    : `Check the coordinates (latitude first: ${EXAMPLE}) and \`in\`.`;
  throw new UserError('invalid-option', message, [hint], 'at');
}

/** The pin for a stored place: refused, with nothing stored, when `at` or `in` is wrong. */
export function pinFor(places: PlaceDirectory, name: string, at: string, inArea: string): GazetteerPlace {
  const point = parsePoint(at);
  const area = areaNamed(places, inArea);
  checkInCountry(places, point, area);
  return pinRecord(places.gazetteer, pinRef(point, area), name)!;
}
