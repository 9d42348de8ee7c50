// Where a stored place is on a map: the coordinates the gazetteer gave it when it was located.
import type { PlaceCoordinates } from '../core/charts/locate.js';
import type { Db } from './connection.js';

export class SqlitePlaceCoordinates implements PlaceCoordinates {
  private readonly byKeys;

  constructor(db: Db) {
    // One statement for a map's places (thousands on a large dossier), not one per place.
    this.byKeys = db.prepare(
      `SELECT p.place_key AS key, p.latitude AS lat, p.longitude AS lon FROM json_each(?) k
       JOIN places p ON p.place_key = k.value WHERE p.location = 'located' AND p.latitude IS NOT NULL`,
    );
  }

  coordinatesOf(placeKeys: readonly string[]): ReadonlyMap<string, { lat: number; lon: number }> {
    const rows = this.byKeys.all(JSON.stringify(placeKeys)) as { key: string; lat: number; lon: number }[];
    return new Map(rows.map(({ key, lat, lon }) => [key, { lat, lon }]));
  }
}
