// The one function Sitrep uses from d3-geo-projection, which ships no types of its own.
declare module 'd3-geo-projection' {
  import type { GeoStreamWrapper } from 'd3-geo';
  import type { GeoJSON } from 'geojson';

  /** The object projected to planar coordinates, clipped as the projection clips. */
  export function geoProject<T extends GeoJSON>(object: T, projection: GeoStreamWrapper): T;
}
