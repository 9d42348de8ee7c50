-- Places located in a gazetteer: a stored place keeps its name and id and gains where it is (its
-- country, first-level region, coordinates and how precise that is), or is marked not located.
-- SQL cannot read the gazetteer, so every place stored before this migration starts with
-- location NULL ("not looked up yet"), and Sitrep looks each up when it next starts
-- (src/store/place-locations.ts): an unambiguous match is located, an ambiguous one is listed by
-- /place unresolved for an admin, and each outcome is logged in place_locations.

ALTER TABLE places ADD COLUMN location TEXT CHECK (location IN ('located', 'ambiguous', 'not-located'));
ALTER TABLE places ADD COLUMN precision TEXT CHECK (precision IN ('locality', 'region', 'country'));
-- The gazetteer record: `locality:172408` (a GeoNames id), `region:SY.05`, `country:SY`.
ALTER TABLE places ADD COLUMN gazetteer_ref TEXT;
ALTER TABLE places ADD COLUMN country_code TEXT;
ALTER TABLE places ADD COLUMN country_alpha3 TEXT;
ALTER TABLE places ADD COLUMN country_name TEXT;
ALTER TABLE places ADD COLUMN region_code TEXT;
ALTER TABLE places ADD COLUMN region_name TEXT;
ALTER TABLE places ADD COLUMN latitude REAL;
ALTER TABLE places ADD COLUMN longitude REAL;
-- For an ambiguous place: the spellings that would each name one candidate (JSON array).
ALTER TABLE places ADD COLUMN candidates TEXT CHECK (candidates IS NULL OR json_valid(candidates));
CREATE INDEX places_unsettled ON places (location, id) WHERE location IS NULL OR location = 'ambiguous';

-- The areas each located place lies in: `country:UA`, `region:UA.17`, and itself for a locality.
CREATE TABLE place_areas (
  place_id INTEGER NOT NULL REFERENCES places (id),
  area     TEXT NOT NULL,
  PRIMARY KEY (place_id, area)
) STRICT, WITHOUT ROWID;
CREATE INDEX place_areas_by_area ON place_areas (area, place_id);

-- Every area an entry's places lie in, once per entry, with copies of the entry's days, liveness,
-- topic and type as entry_places has them: `/timeline place:Ukraine` reads one index range, newest
-- first, whatever the number of places in Ukraine. Kept by the triggers below.
CREATE TABLE entry_areas (
  area       TEXT NOT NULL,
  entry_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  day_from   TEXT NOT NULL,
  day_to     TEXT NOT NULL,
  live       INTEGER NOT NULL CHECK (live IN (0, 1)),
  topic      TEXT NOT NULL,
  event_type TEXT NOT NULL,
  PRIMARY KEY (area, entry_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_areas_by_area ON entry_areas (area, day_from DESC, entry_id DESC, day_to, live, topic, event_type);
CREATE INDEX entry_areas_spans ON entry_areas (area, day_to, day_from, entry_id, live, topic, event_type) WHERE day_to > day_from;
CREATE INDEX entry_areas_long_spans ON entry_areas (area, day_to, day_from, entry_id, live, topic, event_type)
  WHERE day_to > date(day_from, '+400 days');
CREATE INDEX entry_areas_by_entry ON entry_areas (entry_id);

CREATE TRIGGER entry_places_add_areas AFTER INSERT ON entry_places
BEGIN
  INSERT OR IGNORE INTO entry_areas (area, entry_id, day_from, day_to, live, topic, event_type)
  SELECT pa.area, e.id, e.day_from, e.day_to, e.deleted_at IS NULL, e.topic, e.event_type
  FROM place_areas pa CROSS JOIN entries e
  WHERE pa.place_id = NEW.place_id AND e.id = NEW.entry_id;
END;

-- An area stays while another of the entry's places lies in it (AFTER: the link is gone already).
CREATE TRIGGER entry_places_drop_areas AFTER DELETE ON entry_places
BEGIN
  DELETE FROM entry_areas
  WHERE entry_id = OLD.entry_id
    AND area IN (SELECT area FROM place_areas WHERE place_id = OLD.place_id)
    AND area NOT IN (SELECT pa.area FROM entry_places ep JOIN place_areas pa ON pa.place_id = ep.place_id WHERE ep.entry_id = OLD.entry_id);
END;

CREATE TRIGGER place_areas_add_entries AFTER INSERT ON place_areas
BEGIN
  INSERT OR IGNORE INTO entry_areas (area, entry_id, day_from, day_to, live, topic, event_type)
  SELECT NEW.area, e.id, e.day_from, e.day_to, e.deleted_at IS NULL, e.topic, e.event_type
  FROM entry_places ep CROSS JOIN entries e
  WHERE ep.place_id = NEW.place_id AND e.id = ep.entry_id;
END;

CREATE TRIGGER place_areas_drop_entries AFTER DELETE ON place_areas
BEGIN
  DELETE FROM entry_areas
  WHERE area = OLD.area
    AND entry_id IN (SELECT entry_id FROM entry_places WHERE place_id = OLD.place_id)
    AND entry_id NOT IN (SELECT ep.entry_id FROM entry_places ep JOIN place_areas pa ON pa.place_id = ep.place_id AND pa.area = OLD.area);
END;

CREATE TRIGGER entries_update_area_copies AFTER UPDATE OF day_from, day_to, deleted_at, topic, event_type ON entries
WHEN NEW.day_from IS NOT OLD.day_from OR NEW.day_to IS NOT OLD.day_to
  OR (NEW.deleted_at IS NULL) IS NOT (OLD.deleted_at IS NULL)
  OR NEW.topic IS NOT OLD.topic OR NEW.event_type IS NOT OLD.event_type
BEGIN
  UPDATE entry_areas SET day_from = NEW.day_from, day_to = NEW.day_to, live = NEW.deleted_at IS NULL,
    topic = NEW.topic, event_type = NEW.event_type
  WHERE entry_id = NEW.id;
END;

-- How each place came to be located or not, and by whom: /entry history shows these for the
-- entry's places, apart from its own revisions (they change the shared place, not the entry).
CREATE TABLE place_locations (
  id         INTEGER PRIMARY KEY,
  place_id   INTEGER NOT NULL REFERENCES places (id),
  location   TEXT NOT NULL CHECK (location IN ('located', 'ambiguous', 'not-located')),
  -- In words: "Damascus, Damascus Governorate, Syria (locality)", "3 candidates".
  detail     TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX place_locations_by_place ON place_locations (place_id, id);
