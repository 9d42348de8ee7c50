// Places the gazetteer lacks (a mountain, an airbase, a crossing) pinned by an admin at
// coordinates, inside a country or first-level region the admin names: Sitrep never decides
// which side of a contested border a point lies on. A pin is stored as a locality whose record
// ref says where it is and in which area (`point:33.416,35.857@region:SY.03`), so it lies in that
// area and its country like any locality, and an export's `place_refs` carries it whole.
import type { Gazetteer, GazetteerPlace } from './gazetteer-port.js';
import { quoteIfNeeded } from '../text-syntax.js';

/** Decimals kept: five (about a metre) is finer than anyone places a landmark. */
const DECIMALS = 5;
const PIN_REF = /^point:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)@((?:country|region):[^@\s]+)$/;

export interface PinPoint {
  latitude: number;
  longitude: number;
}

/** West, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

/** Where a country's gazetteer places lie, for telling a point in it from one far away. */
export interface CountryExtents {
  countryBounds(countryCode: string): Bounds | undefined;
}

const shortNumber = (value: number) => String(Number(value.toFixed(DECIMALS)) + 0);

/** `33.416, 35.857`: latitude first, as typed on `at:`. */
export const pointText = (point: PinPoint) => `${shortNumber(point.latitude)}, ${shortNumber(point.longitude)}`;

/** The ref of a pin at `point` within `area` (a country's or region's record). */
export function pinRef(point: PinPoint, area: GazetteerPlace): string {
  return `point:${shortNumber(point.latitude)},${shortNumber(point.longitude)}@${area.ref}`;
}

export function isPinRef(ref: string): boolean {
  return PIN_REF.test(ref);
}

export const isPinned = (place: GazetteerPlace) => isPinRef(place.ref);

/**
 * The record a pin ref stands for, named `name` (the stored place's), its country and region
 * read from the area it was pinned in; undefined for another ref, or an area the gazetteer lacks.
 */
export function pinRecord(gazetteer: Pick<Gazetteer, 'byRef'>, ref: string, name?: string): GazetteerPlace | undefined {
  const match = PIN_REF.exec(ref);
  if (!match) return undefined;
  const area = gazetteer.byRef(match[3]!);
  if (!area || area.precision === 'locality') return undefined;
  const point = { latitude: Number(match[1]), longitude: Number(match[2]) };
  return {
    precision: 'locality',
    ref,
    name: name ?? pointText(point),
    country: area.country,
    ...(area.region ? { region: area.region } : {}),
    latitude: point.latitude,
    longitude: point.longitude,
    population: 0,
  };
}

/** A record's precision as replies say it: a pin is a `point`. */
export const precisionWord = (place: GazetteerPlace): string => (isPinned(place) ? 'point' : place.precision);

/** `33.416, 35.857 in Quneitra, Syria`: where a pin is, and in what the admin said it lies. */
export function pinnedWhere(place: GazetteerPlace): string {
  const within = [place.region?.name, place.country.name].filter(Boolean).join(', ');
  return `${pointText(place)} in ${within}`;
}

/** The `/places locate` that pins the stored place `name` where `place` (a pin) is: what an import says to type. */
export function pinCommand(name: string, place: GazetteerPlace): string {
  const area = place.region?.name ?? place.country.name;
  return `/places locate name:${quoteIfNeeded(name)} at:"${pointText(place)}" in:${quoteIfNeeded(area)}`;
}
