// What every raw-SQL statement of the benchmark returns: a page of entries with their places and
// actors (hydrated in SQL, as JSON), and the count capped as the commands cap it.
export const COUNT_CAP = 1000;

export interface RawEntry {
  id: number;
  title: string;
  /** The excerpt a search result shows, with its highlight markers; search pages only. */
  snippet?: string;
  places: string[];
  actors: { actorId: number; name: string; role: string }[];
}

export interface RawPage {
  entries: RawEntry[];
  total: number;
  totalIsLowerBound: boolean;
}

/** Places and actors of each page row, in position order, as JSON — the hydration, in SQL. */
export const LINKS = `
  (SELECT json_group_array(name) FROM (SELECT p.name FROM entry_places lp JOIN places p ON p.id = lp.place_id
     WHERE lp.entry_id = page.id ORDER BY lp.position)) AS places,
  (SELECT json_group_array(json_array(actor_id, name, role)) FROM (SELECT la.actor_id, a.name, la.role
     FROM entry_actors la JOIN actors a ON a.id = la.actor_id WHERE la.entry_id = page.id ORDER BY la.position)) AS actors`;

/** The live actor a name or alias names, by its folded key (@actorKey). */
export const ACTOR_ID = `(SELECT n.actor_id FROM actor_names n JOIN actors a ON a.id = n.actor_id
  WHERE n.name_key = @actorKey AND a.merged_into_id IS NULL)`;

/** The place a name names, by its folded key (@placeKey). */
export const PLACE_ID = '(SELECT id FROM places WHERE place_key = @placeKey)';

export interface PageRow {
  id: number;
  title: string;
  places: string;
  actors: string;
}

export function toEntry(row: PageRow): RawEntry {
  return {
    id: row.id,
    title: row.title,
    places: JSON.parse(row.places) as string[],
    actors: (JSON.parse(row.actors) as [number, string, string][]).map(([actorId, name, role]) => ({ actorId, name, role })),
  };
}
