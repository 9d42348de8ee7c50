-- An entry's areas (entry_areas, keyed by area, first day and entry since 0030) were also indexed
-- by entry alone, for the two triggers that change one entry's rows: about 140 bytes an entry,
-- one in thirty of what an import stores. Those triggers know the rest of the key: the areas are
-- those of the entry's places (which the area triggers keep so), and the first day is the
-- entry's. So they reach the rows through the key, and the index goes. Nothing reads an
-- entry's areas otherwise; an entry hard-deleted (no command does) has its rows removed by the
-- foreign key's cascade, which then reads the whole table.
DROP TRIGGER entry_places_drop_areas;
DROP TRIGGER entries_update_area_copies;
DROP INDEX entry_areas_by_entry;

-- An area stays while another of the entry's places lies in it (AFTER: the link is gone already).
-- With the entry itself gone (the cascade of its removal), its rows go by their own foreign key.
CREATE TRIGGER entry_places_drop_areas AFTER DELETE ON entry_places
BEGIN
  DELETE FROM entry_areas
  WHERE area IN (SELECT area FROM place_areas WHERE place_id = OLD.place_id)
    AND day_from = (SELECT day_from FROM entries WHERE id = OLD.entry_id)
    AND entry_id = OLD.entry_id
    AND area NOT IN (SELECT pa.area FROM entry_places ep JOIN place_areas pa ON pa.place_id = ep.place_id WHERE ep.entry_id = OLD.entry_id);
END;

CREATE TRIGGER entries_update_area_copies AFTER UPDATE OF day_from, day_to, deleted_at, topic, event_type ON entries
WHEN NEW.day_from IS NOT OLD.day_from OR NEW.day_to IS NOT OLD.day_to
  OR (NEW.deleted_at IS NULL) IS NOT (OLD.deleted_at IS NULL)
  OR NEW.topic IS NOT OLD.topic OR NEW.event_type IS NOT OLD.event_type
BEGIN
  UPDATE entry_areas SET day_from = NEW.day_from, day_to = NEW.day_to, live = NEW.deleted_at IS NULL,
    topic = NEW.topic, event_type = NEW.event_type
  WHERE area IN (SELECT pa.area FROM entry_places ep JOIN place_areas pa ON pa.place_id = ep.place_id WHERE ep.entry_id = NEW.id)
    AND day_from = OLD.day_from
    AND entry_id = NEW.id;
END;
