// Where a stored place is on a map: the coordinates the gazetteer gave it when it was located.
import type { PlaceCoordinates } from '../core/charts/locate.js';
import type { Db } from './connection.js';

export class SqlitePlaceCoordinates implements PlaceCoordinates {
  readonly howToLocate =
    'Places get coordinates when the gazetteer locates them: see /places unresolved for the ones waiting for an admin, and settle each with /places locate.';
  private readonly byKey;

  constructor(db: Db) {
    this.byKey = db.prepare("SELECT latitude AS lat, longitude AS lon FROM places WHERE place_key = ? AND location = 'located' AND latitude IS NOT NULL");
  }

  coordinatesOf(placeKey: string): { lat: number; lon: number } | undefined {
    return this.byKey.get(placeKey) as { lat: number; lon: number } | undefined;
  }
}
