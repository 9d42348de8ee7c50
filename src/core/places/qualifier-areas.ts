// What the qualifier of `Nawa (Dar'a)` names: the countries and first-level regions a place must
// lie in. It is read as a place name is (namedRecords), so ACLED's province names (`As-Sweida`,
// `Idleb`, `Al Hasakeh`) qualify as they locate alone; a seat sharing its region's name (`Dar'a`,
// `Quneitra`) stands for its region, as a filter reads it (seat-area).
import type { Gazetteer, GazetteerPlace } from './gazetteer-port.js';
import { namedRecords } from './named-records.js';
import { areaMeant } from './seat-area.js';

/** The country and region records the qualifier names, by any of their names; none for a name of towns only. */
export function qualifierAreas(gazetteer: Gazetteer, qualifier: string): GazetteerPlace[] {
  const areas = new Map<string, GazetteerPlace>();
  for (const { place } of namedRecords(gazetteer, qualifier)) {
    const area = place.precision === 'locality' ? gazetteer.byRef(areaMeant(gazetteer, place)) : place;
    if (area && area.precision !== 'locality') areas.set(area.ref, area);
  }
  return [...areas.values()];
}

/** Whether a record lies in one of the areas. */
export function liesIn(areas: readonly GazetteerPlace[]): (place: GazetteerPlace) => boolean {
  const refs = new Set(areas.map((area) => area.ref));
  return (place) => refs.has(`country:${place.country.code}`) || (place.region !== undefined && refs.has(`region:${place.region.code}`));
}
