// Where places are: the port a gazetteer implements, and the located points a map is drawn from.
import type { LocatedPoint } from './chart.js';
import type { PlaceActivity } from './chart-data-port.js';

export interface PlaceCoordinates {
  /** Coordinates of the places, by folded key, of those located: asked once for a whole map. */
  coordinatesOf(placeKeys: readonly string[]): ReadonlyMap<string, { lat: number; lon: number }>;
}

export interface LocatedPlaces {
  points: LocatedPoint[];
  /** Places the entries name that have no coordinates. */
  unlocated: string[];
}

export function locatePlaces(activity: readonly PlaceActivity[], coordinates: PlaceCoordinates): LocatedPlaces {
  const points: LocatedPoint[] = [];
  const unlocated: string[] = [];
  const located = coordinates.coordinatesOf(activity.map((place) => place.placeKey));
  for (const place of activity) {
    const at = located.get(place.placeKey);
    if (at) points.push({ name: place.name, lat: at.lat, lon: at.lon, entries: place.entries, latestType: place.latestType });
    else unlocated.push(place.name);
  }
  return { points, unlocated };
}
