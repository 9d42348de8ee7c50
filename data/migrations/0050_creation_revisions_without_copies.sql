-- An entry's creation revision no longer copies the entry while the entry still stands as created:
-- its snapshot holds no topic, only what the entry's rows do not say as given (the order of its
-- tags), and the rows are the rest (src/store/created-state.ts). Before anything changes the
-- entry, the snapshot is written out whole from its rows, so history then reads as it always did.
-- Creation revisions stored whole before stay as they are: both read alike.

-- The span feed (0018, 0030) reads such a creation from the entry's rows: its days, topic and type
-- as the entry holds them, and its actors and places as a snapshot names them (a snapshot over the
-- rows never holds those fields).
DROP TRIGGER revisions_entry_spans;
CREATE TRIGGER revisions_entry_spans AFTER INSERT ON revisions
WHEN NEW.entity = 'entry'
BEGIN
  INSERT INTO entry_span_feed SELECT * FROM entry_revision_keys WHERE revision_id = NEW.id AND json_type(NEW.snapshot, '$.topic') IS NOT NULL;
  INSERT INTO entry_span_feed (revision_id, entry_id, live, at, topic, event_type, day_from, day_to, snapshot)
  SELECT NEW.id, e.id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', NEW.changed_at), e.topic, e.event_type, e.day_from, e.day_to,
         json_object(
           'places', json((SELECT json_group_array(p.name) FROM entry_places ep JOIN places p ON p.id = ep.place_id WHERE ep.entry_id = e.id)),
           'actors', json((SELECT json_group_array(json_object('actorId', a.actor_id)) FROM entry_actors a WHERE a.entry_id = e.id)))
  FROM entries e
  WHERE e.id = NEW.entity_id AND NEW.action = 'create' AND json_type(NEW.snapshot, '$.topic') IS NULL;
END;

-- A later revision of an entry whose creation snapshot was not written out first would leave its
-- history without the created state: refused, so the change is not written. (IF NOT EXISTS: a store
-- put back to an earlier version runs this again.)
CREATE TRIGGER IF NOT EXISTS revisions_after_creation_written_out BEFORE INSERT ON revisions
WHEN NEW.entity = 'entry' AND NEW.action <> 'create'
  AND EXISTS (SELECT 1 FROM revisions WHERE entity = 'entry' AND entity_id = NEW.entity_id AND action = 'create' AND json_type(snapshot, '$.topic') IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'an entry''s creation snapshot must be written out before its next revision (see created-state)');
END;
