-- An area's entries (entry_areas, 0012) and an entry's, actor's or place's spans (0018) are
-- read almost only in one order: newest first within an area, an actor, a place or the whole
-- dossier. Keyed in that order, each table is that index, which no longer has to be kept beside
-- it (with the rowid it carried): a third less to write for every entry. The other indexes stay.
--
-- A span is known by where it is read and when it began. Two spans of an entry can share that
-- key only if a revision ended one at the very instant it began; such a span held at no instant,
-- so the span feed (re-created below) replaces it.

-- Triggers that name a table are dropped before it and made again after (as 0012 made them).
DROP TRIGGER entry_places_add_areas;
DROP TRIGGER entry_places_drop_areas;
DROP TRIGGER place_areas_add_entries;
DROP TRIGGER place_areas_drop_entries;
DROP TRIGGER entries_update_area_copies;

CREATE TABLE entry_areas_keyed (
  area       TEXT NOT NULL,
  entry_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  day_from   TEXT NOT NULL,
  day_to     TEXT NOT NULL,
  live       INTEGER NOT NULL CHECK (live IN (0, 1)),
  topic      TEXT NOT NULL,
  event_type TEXT NOT NULL,
  -- An entry has one first day, so this is unique as (area, entry_id) was.
  PRIMARY KEY (area, day_from DESC, entry_id DESC)
) STRICT, WITHOUT ROWID;
INSERT INTO entry_areas_keyed (area, entry_id, day_from, day_to, live, topic, event_type)
SELECT area, entry_id, day_from, day_to, live, topic, event_type FROM entry_areas ORDER BY area, day_from DESC, entry_id DESC;
DROP TABLE entry_areas;
ALTER TABLE entry_areas_keyed RENAME TO entry_areas;
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

-- The span feed names the spans tables; it is made again once they are.
DROP TRIGGER entry_span_feed_apply;

CREATE TABLE entry_spans_keyed (
  entry_id   INTEGER NOT NULL,
  day_from   TEXT NOT NULL,
  day_to     TEXT NOT NULL,
  topic      TEXT NOT NULL,
  event_type TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to   TEXT,
  PRIMARY KEY (day_from DESC, entry_id DESC, valid_from)
) STRICT, WITHOUT ROWID;
INSERT OR REPLACE INTO entry_spans_keyed (entry_id, day_from, day_to, topic, event_type, valid_from, valid_to)
SELECT entry_id, day_from, day_to, topic, event_type, valid_from, valid_to FROM entry_spans ORDER BY day_from DESC, entry_id DESC, valid_from, id;
DROP TABLE entry_spans;
ALTER TABLE entry_spans_keyed RENAME TO entry_spans;
CREATE INDEX entry_spans_by_topic ON entry_spans (topic, day_from DESC, entry_id DESC, day_to, event_type, valid_from, valid_to);
CREATE INDEX entry_spans_by_type ON entry_spans (event_type, day_from DESC, entry_id DESC, day_to, topic, valid_from, valid_to);
CREATE INDEX entry_spans_spans ON entry_spans (day_to, day_from, topic, event_type, valid_from, valid_to, entry_id) WHERE day_to > day_from;
CREATE INDEX entry_spans_long_spans ON entry_spans (day_to, day_from, topic, event_type, valid_from, valid_to, entry_id)
  WHERE day_to > date(day_from, '+400 days');
CREATE INDEX entry_spans_by_start ON entry_spans (valid_from, valid_to, day_from, day_to, topic, event_type, entry_id);
CREATE INDEX entry_spans_open ON entry_spans (entry_id) WHERE valid_to IS NULL;

CREATE TABLE entry_actor_spans_keyed (
  actor_id   INTEGER NOT NULL,
  entry_id   INTEGER NOT NULL,
  day_from   TEXT NOT NULL,
  day_to     TEXT NOT NULL,
  topic      TEXT NOT NULL,
  event_type TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to   TEXT,
  PRIMARY KEY (actor_id, day_from DESC, entry_id DESC, valid_from)
) STRICT, WITHOUT ROWID;
INSERT OR REPLACE INTO entry_actor_spans_keyed (actor_id, entry_id, day_from, day_to, topic, event_type, valid_from, valid_to)
SELECT actor_id, entry_id, day_from, day_to, topic, event_type, valid_from, valid_to FROM entry_actor_spans
ORDER BY actor_id, day_from DESC, entry_id DESC, valid_from, id;
DROP TABLE entry_actor_spans;
ALTER TABLE entry_actor_spans_keyed RENAME TO entry_actor_spans;
CREATE INDEX entry_actor_spans_spans ON entry_actor_spans (actor_id, day_to, day_from, entry_id, topic, event_type, valid_from, valid_to)
  WHERE day_to > day_from;
CREATE INDEX entry_actor_spans_long_spans ON entry_actor_spans (actor_id, day_to, day_from, entry_id, topic, event_type, valid_from, valid_to)
  WHERE day_to > date(day_from, '+400 days');
CREATE INDEX entry_actor_spans_open ON entry_actor_spans (entry_id, actor_id) WHERE valid_to IS NULL;

CREATE TABLE entry_place_spans_keyed (
  place_id   INTEGER NOT NULL,
  entry_id   INTEGER NOT NULL,
  day_from   TEXT NOT NULL,
  day_to     TEXT NOT NULL,
  topic      TEXT NOT NULL,
  event_type TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to   TEXT,
  PRIMARY KEY (place_id, day_from DESC, entry_id DESC, valid_from)
) STRICT, WITHOUT ROWID;
INSERT OR REPLACE INTO entry_place_spans_keyed (place_id, entry_id, day_from, day_to, topic, event_type, valid_from, valid_to)
SELECT place_id, entry_id, day_from, day_to, topic, event_type, valid_from, valid_to FROM entry_place_spans
ORDER BY place_id, day_from DESC, entry_id DESC, valid_from, id;
DROP TABLE entry_place_spans;
ALTER TABLE entry_place_spans_keyed RENAME TO entry_place_spans;
CREATE INDEX entry_place_spans_spans ON entry_place_spans (place_id, day_to, day_from, entry_id, topic, event_type, valid_from, valid_to)
  WHERE day_to > day_from;
CREATE INDEX entry_place_spans_long_spans ON entry_place_spans (place_id, day_to, day_from, entry_id, topic, event_type, valid_from, valid_to)
  WHERE day_to > date(day_from, '+400 days');
CREATE INDEX entry_place_spans_open ON entry_place_spans (entry_id, place_id) WHERE valid_to IS NULL;

-- As 0018 made it, but for INSERT OR REPLACE where a span opens.
CREATE TRIGGER entry_span_feed_apply INSTEAD OF INSERT ON entry_span_feed
BEGIN
  UPDATE entry_spans SET valid_to = NEW.at
  WHERE entry_id = NEW.entry_id AND valid_to IS NULL
    AND NOT (NEW.live AND day_from = NEW.day_from AND day_to = NEW.day_to AND topic = NEW.topic AND event_type = NEW.event_type);
  INSERT OR REPLACE INTO entry_spans (entry_id, day_from, day_to, topic, event_type, valid_from)
  SELECT NEW.entry_id, NEW.day_from, NEW.day_to, NEW.topic, NEW.event_type, NEW.at
  WHERE NEW.live AND NOT EXISTS (SELECT 1 FROM entry_spans s INDEXED BY entry_spans_open WHERE s.entry_id = NEW.entry_id AND s.valid_to IS NULL);
  INSERT INTO entry_span_months (month, last_day, spans)
  SELECT substr(NEW.at, 1, 7), NEW.day_from,
         (SELECT count(*) FROM entry_spans s INDEXED BY entry_spans_open WHERE s.entry_id = NEW.entry_id AND s.valid_to IS NULL AND s.valid_from = NEW.at)
  WHERE NEW.live
  ON CONFLICT (month) DO UPDATE SET last_day = max(last_day, excluded.last_day), spans = spans + excluded.spans;

  UPDATE entry_actor_spans SET valid_to = NEW.at
  WHERE entry_id = NEW.entry_id AND valid_to IS NULL
    AND NOT (NEW.live AND day_from = NEW.day_from AND day_to = NEW.day_to AND topic = NEW.topic AND event_type = NEW.event_type
             AND actor_id IN (SELECT json_extract(a.value, '$.actorId') FROM json_each(NEW.snapshot, '$.actors') a));
  INSERT OR REPLACE INTO entry_actor_spans (actor_id, entry_id, day_from, day_to, topic, event_type, valid_from)
  SELECT DISTINCT json_extract(a.value, '$.actorId'), NEW.entry_id, NEW.day_from, NEW.day_to, NEW.topic, NEW.event_type, NEW.at
  FROM json_each(NEW.snapshot, '$.actors') a
  WHERE NEW.live
    AND NOT EXISTS (SELECT 1 FROM entry_actor_spans s INDEXED BY entry_actor_spans_open
                    WHERE s.entry_id = NEW.entry_id AND s.actor_id = json_extract(a.value, '$.actorId') AND s.valid_to IS NULL);

  -- Snapshots name places as spelled then; places are shared rows found by their folded key.
  UPDATE entry_place_spans SET valid_to = NEW.at
  WHERE entry_id = NEW.entry_id AND valid_to IS NULL
    AND NOT (NEW.live AND day_from = NEW.day_from AND day_to = NEW.day_to AND topic = NEW.topic AND event_type = NEW.event_type
             AND place_id IN (SELECT p.id FROM json_each(NEW.snapshot, '$.places') j JOIN places p ON p.place_key = sitrep_fold_key(j.value)));
  INSERT OR REPLACE INTO entry_place_spans (place_id, entry_id, day_from, day_to, topic, event_type, valid_from)
  SELECT DISTINCT p.id, NEW.entry_id, NEW.day_from, NEW.day_to, NEW.topic, NEW.event_type, NEW.at
  FROM json_each(NEW.snapshot, '$.places') j JOIN places p ON p.place_key = sitrep_fold_key(j.value)
  WHERE NEW.live
    AND NOT EXISTS (SELECT 1 FROM entry_place_spans s INDEXED BY entry_place_spans_open WHERE s.entry_id = NEW.entry_id AND s.place_id = p.id AND s.valid_to IS NULL);
END;
