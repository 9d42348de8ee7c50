-- The areas (countries, regions) a place lay in, and since when: a past timeline filtered by a
-- country or region (`/timeline place:Lebanon as_of:…`) holds the places that lay in it then, not
-- those that lie in it now. A place an admin located again (`/places locate`), from Lebanon to
-- Syria, is under Lebanon in the views of the days before. Each line of place_locations (every
-- location, by the gazetteer or an admin) closes the spans of the areas the place left and opens
-- those of the areas it entered, at that line's time; held like the entries' spans (0018): from
-- after held_from to held_until. The areas places lie in when this runs are taken to have held
-- from the start ('' is before every instant): their history before it was not kept. Written to
-- run again over itself unchanged.
CREATE TABLE IF NOT EXISTS place_area_spans (
  area       TEXT NOT NULL,
  place_id   INTEGER NOT NULL,
  held_from  TEXT NOT NULL,
  held_until TEXT,
  PRIMARY KEY (area, place_id, held_from)
) STRICT, WITHOUT ROWID;
-- A place's areas still held, which its next location closes or keeps.
CREATE INDEX IF NOT EXISTS place_area_spans_open ON place_area_spans (place_id, area) WHERE held_until IS NULL;

INSERT INTO place_area_spans (area, place_id, held_from, held_until)
SELECT pa.area, pa.place_id, '', NULL FROM place_areas pa
 WHERE NOT EXISTS (SELECT 1 FROM place_area_spans s WHERE s.place_id = pa.place_id AND s.area = pa.area AND s.held_until IS NULL);

CREATE TRIGGER IF NOT EXISTS place_locations_area_spans AFTER INSERT ON place_locations
BEGIN
  UPDATE place_area_spans SET held_until = NEW.changed_at
   WHERE place_id = NEW.place_id AND held_until IS NULL
     AND area NOT IN (SELECT area FROM place_areas WHERE place_id = NEW.place_id);
  INSERT OR REPLACE INTO place_area_spans (area, place_id, held_from, held_until)
  SELECT pa.area, pa.place_id, NEW.changed_at, NULL FROM place_areas pa
   WHERE pa.place_id = NEW.place_id
     AND NOT EXISTS (SELECT 1 FROM place_area_spans s WHERE s.place_id = pa.place_id AND s.area = pa.area AND s.held_until IS NULL);
END;
