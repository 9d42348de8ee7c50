// What the as-of span trigger and the area trigger (migrations 0018, 0012) would have written
// for a range of new entries, written once, set-based, by a bulk load that dropped them
// (bulk-triggers).
// New entries have one creation revision each, all at the load's instant, so each opens one
// span, one per distinct actor and one per distinct place, and none is closed. Their links hold
// what their snapshots say: the actor ids, and the places those snapshots' names fold to. Rows
// go in in each table's key order (migration 0030), which fills its pages whole.
import type { Db } from './connection.js';

/** Opens the spans of the entries with ids in [fromId, toId], created at `at`. */
function openSpans(db: Db, fromId: number, toId: number, at: string): void {
  // The revision log's instant, as the span views write it.
  const instant = db.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ?)").pluck().get(at) as string;
  db.prepare(
    `INSERT INTO entry_spans (entry_id, day_from, day_to, topic, event_type, valid_from)
     SELECT id, day_from, day_to, topic, event_type, ? FROM entries WHERE id BETWEEN ? AND ? ORDER BY day_from DESC, id DESC`,
  ).run(instant, fromId, toId);
  db.prepare(
    `INSERT INTO entry_actor_spans (actor_id, entry_id, day_from, day_to, topic, event_type, valid_from)
     SELECT DISTINCT a.actor_id, e.id, e.day_from, e.day_to, e.topic, e.event_type, ?
     FROM entries e JOIN entry_actors a ON a.entry_id = e.id WHERE e.id BETWEEN ? AND ? ORDER BY a.actor_id, e.day_from DESC, e.id DESC`,
  ).run(instant, fromId, toId);
  db.prepare(
    `INSERT INTO entry_place_spans (place_id, entry_id, day_from, day_to, topic, event_type, valid_from)
     SELECT p.place_id, e.id, e.day_from, e.day_to, e.topic, e.event_type, ?
     FROM entries e JOIN entry_places p ON p.entry_id = e.id WHERE e.id BETWEEN ? AND ? ORDER BY p.place_id, e.day_from DESC, e.id DESC`,
  ).run(instant, fromId, toId);
  db.prepare(
    `INSERT INTO entry_span_months (month, last_day, spans)
     SELECT substr(?, 1, 7), max(day_from), count(*) FROM entries WHERE id BETWEEN ? AND ? HAVING count(*) > 0
     ON CONFLICT (month) DO UPDATE SET last_day = max(last_day, excluded.last_day), spans = spans + excluded.spans`,
  ).run(instant, fromId, toId);
}

/** Every area the places of the entries with ids in [fromId, toId] lie in, once per entry. */
function addAreas(db: Db, fromId: number, toId: number): void {
  db.prepare(
    `INSERT OR IGNORE INTO entry_areas (area, entry_id, day_from, day_to, live, topic, event_type)
     SELECT pa.area, e.id, e.day_from, e.day_to, e.deleted_at IS NULL, e.topic, e.event_type
     FROM entries e JOIN entry_places ep ON ep.entry_id = e.id JOIN place_areas pa ON pa.place_id = ep.place_id
     WHERE e.id BETWEEN ? AND ? ORDER BY pa.area, e.day_from DESC, e.id DESC`,
  ).run(fromId, toId);
}

/** Brings spans and areas up to date for new entries loaded without their triggers. */
export function fillSpansAndAreas(db: Db, fromId: number, toId: number, at: string): void {
  openSpans(db, fromId, toId, at);
  addAreas(db, fromId, toId);
}
