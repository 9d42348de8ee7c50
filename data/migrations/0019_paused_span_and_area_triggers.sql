-- Bulk loads of new entries (imports) pause the as-of span trigger and the area trigger, as they
-- pause the search index and actor pairs, and fill entry_spans, entry_actor_spans,
-- entry_place_spans, entry_span_months and entry_areas once, set-based, for the new entries
-- (src/store/bulk-spans.ts) inside the same transaction. Row by row, those triggers cost a
-- bulk load four-fifths of its write time; every other write keeps them as before.

DROP TRIGGER revisions_entry_spans;
CREATE TRIGGER revisions_entry_spans AFTER INSERT ON revisions
WHEN NEW.entity = 'entry' AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'entry_spans_paused')
BEGIN
  INSERT INTO entry_span_feed SELECT * FROM entry_revision_keys WHERE revision_id = NEW.id;
END;

DROP TRIGGER entry_places_add_areas;
CREATE TRIGGER entry_places_add_areas AFTER INSERT ON entry_places
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'entry_areas_paused')
BEGIN
  INSERT OR IGNORE INTO entry_areas (area, entry_id, day_from, day_to, live, topic, event_type)
  SELECT pa.area, e.id, e.day_from, e.day_to, e.deleted_at IS NULL, e.topic, e.event_type
  FROM place_areas pa CROSS JOIN entries e
  WHERE pa.place_id = NEW.place_id AND e.id = NEW.entry_id;
END;
