-- Sitrep's first schema: the dossier (topics, actors, entries, places, sources, tags), revisions
-- of every change, and the FTS5 index kept in sync by triggers.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE seed_runs (
  name       TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
) STRICT;

CREATE TABLE topics (
  slug       TEXT PRIMARY KEY CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE actors (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('state', 'government-body', 'armed-force', 'armed-group',
                   'person', 'international-organisation', 'community', 'other')),
  title          TEXT,
  affiliation_id INTEGER REFERENCES actors (id),
  merged_into_id INTEGER REFERENCES actors (id),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL
) STRICT;
CREATE INDEX actors_affiliation ON actors (affiliation_id) WHERE affiliation_id IS NOT NULL;

-- The canonical name (is_primary = 1) and every alias, with a folded key for matching.
CREATE TABLE actor_names (
  actor_id   INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL,
  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  PRIMARY KEY (actor_id, name_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX actor_names_key ON actor_names (name_key);

-- Trigrams of every folded name, so "names containing what was typed" (3+ characters) is an
-- index lookup rather than a scan of every name. Kept by the triggers below.
CREATE VIRTUAL TABLE actor_name_trigrams USING fts5 (name_key, actor_id UNINDEXED, tokenize = 'trigram');

CREATE TRIGGER actor_names_trigrams_insert AFTER INSERT ON actor_names
BEGIN
  INSERT INTO actor_name_trigrams (name_key, actor_id) VALUES (NEW.name_key, NEW.actor_id);
END;

CREATE TRIGGER actor_names_trigrams_delete AFTER DELETE ON actor_names
BEGIN
  DELETE FROM actor_name_trigrams WHERE rowid IN
    (SELECT rowid FROM actor_name_trigrams WHERE actor_id = OLD.actor_id AND name_key = OLD.name_key);
END;

CREATE TRIGGER actor_names_trigrams_update AFTER UPDATE OF actor_id, name_key ON actor_names
BEGIN
  DELETE FROM actor_name_trigrams WHERE rowid IN
    (SELECT rowid FROM actor_name_trigrams WHERE actor_id = OLD.actor_id AND name_key = OLD.name_key);
  INSERT INTO actor_name_trigrams (name_key, actor_id) VALUES (NEW.name_key, NEW.actor_id);
END;

CREATE TABLE places (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  place_key TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE entries (
  id                 INTEGER PRIMARY KEY,
  topic              TEXT NOT NULL REFERENCES topics (slug),
  title              TEXT NOT NULL,
  summary            TEXT NOT NULL DEFAULT '',
  event_type         TEXT NOT NULL CHECK (event_type IN ('armed-clash', 'air-strike', 'shelling',
                       'incursion', 'violence-against-civilians', 'protest', 'talks', 'agreement',
                       'statement', 'arrest', 'political-change', 'humanitarian', 'other')),
  -- As precise as the source supports: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
  occurred_on        TEXT NOT NULL,
  occurred_precision TEXT NOT NULL CHECK (occurred_precision =
                       CASE length(occurred_on) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END),
  ends_on            TEXT,
  ends_precision     TEXT CHECK ((ends_on IS NULL AND ends_precision IS NULL) OR ends_precision =
                       CASE length(ends_on) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END),
  -- First and last calendar day covered (YYYY-MM-DD), for ordering and date filters.
  day_from           TEXT NOT NULL,
  day_to             TEXT NOT NULL CHECK (day_to >= day_from),
  confidence         TEXT NOT NULL CHECK (confidence IN ('confirmed', 'reported', 'claimed', 'disputed')),
  created_at         TEXT NOT NULL,
  created_by         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  updated_by         TEXT NOT NULL,
  deleted_at         TEXT,
  deleted_by         TEXT,
  delete_reason      TEXT
) STRICT;
-- Every timeline filter path: newest first, optionally narrowed by topic, type or date. The
-- trailing columns let the other filters be checked, and capped counts run, from the index
-- alone (deleted_at too: SQLite reads the table for a column the query names otherwise).
CREATE INDEX entries_live_by_date ON entries (day_from DESC, id DESC, day_to, topic, event_type, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX entries_live_by_topic ON entries (topic, day_from DESC, id DESC, day_to, event_type, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX entries_live_by_type ON entries (event_type, day_from DESC, id DESC, day_to, topic, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX entries_live_by_topic_type ON entries (topic, event_type, day_from DESC, id DESC, day_to, deleted_at) WHERE deleted_at IS NULL;
-- Entries covering more than one day, by last day: what started before `since` and still runs
-- at it is read as those ending within 400 days of it, plus the few spanning over 400 days.
CREATE INDEX entries_live_spans ON entries (day_to, day_from, topic, event_type, deleted_at) WHERE deleted_at IS NULL AND day_to > day_from;
CREATE INDEX entries_live_long_spans ON entries (day_to, day_from, topic, event_type, deleted_at)
  WHERE deleted_at IS NULL AND day_to > date(day_from, '+400 days');

CREATE TABLE entry_actors (
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors (id),
  role     TEXT NOT NULL CHECK (role IN ('initiator', 'target', 'mediator', 'participant', 'host', 'subject')),
  position INTEGER NOT NULL,
  -- Copies of the entry's day_from, day_to, liveness (deleted_at IS NULL), topic and type,
  -- filled and kept by triggers, so an actor's timeline, with any other filter but place, is
  -- read in order and counted from the index alone.
  day_from   TEXT,
  day_to     TEXT,
  live       INTEGER CHECK (live IN (0, 1)),
  topic      TEXT,
  event_type TEXT,
  PRIMARY KEY (entry_id, actor_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_actors_by_actor ON entry_actors (actor_id, day_from DESC, entry_id DESC, day_to, live, topic, event_type);
-- An actor's multi-day entries by last day, for `since` (see entries_live_spans).
CREATE INDEX entry_actors_spans ON entry_actors (actor_id, day_to, day_from, entry_id, live, topic, event_type) WHERE day_to > day_from;
CREATE INDEX entry_actors_long_spans ON entry_actors (actor_id, day_to, day_from, entry_id, live, topic, event_type)
  WHERE day_to > date(day_from, '+400 days');

CREATE TABLE entry_places (
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  place_id INTEGER NOT NULL REFERENCES places (id),
  position INTEGER NOT NULL,
  -- Copies of the entry's days, liveness, topic and type, as for entry_actors.
  day_from   TEXT,
  day_to     TEXT,
  live       INTEGER CHECK (live IN (0, 1)),
  topic      TEXT,
  event_type TEXT,
  PRIMARY KEY (entry_id, place_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_places_by_place ON entry_places (place_id, day_from DESC, entry_id DESC, day_to, live, topic, event_type);
CREATE INDEX entry_places_spans ON entry_places (place_id, day_to, day_from, entry_id, live, topic, event_type) WHERE day_to > day_from;
CREATE INDEX entry_places_long_spans ON entry_places (place_id, day_to, day_from, entry_id, live, topic, event_type)
  WHERE day_to > date(day_from, '+400 days');

-- For every ordered pair of actors, how many live entries name both: "most often alongside"
-- without counting an actor's whole history on every lookup. Kept by the triggers below.
CREATE TABLE actor_pairs (
  actor_id INTEGER NOT NULL,
  other_id INTEGER NOT NULL,
  shared   INTEGER NOT NULL,
  PRIMARY KEY (actor_id, other_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX actor_pairs_by_shared ON actor_pairs (actor_id, shared DESC) WHERE shared > 0;

CREATE TABLE entry_tags (
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  tag      TEXT NOT NULL,
  PRIMARY KEY (entry_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_tags_by_tag ON entry_tags (tag, entry_id);

CREATE TABLE sources (
  id           INTEGER PRIMARY KEY,
  entry_id     INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  outlet       TEXT NOT NULL,
  url          TEXT CHECK (url IS NULL OR url GLOB 'http://*' OR url GLOB 'https://*'),
  attribution  TEXT,
  published_on TEXT
) STRICT;
CREATE INDEX sources_by_entry ON sources (entry_id, position);
CREATE INDEX sources_by_url ON sources (url) WHERE url IS NOT NULL;

-- Every change to an entry or actor as a full snapshot. The id doubles as the change cursor
-- that digests follow.
CREATE TABLE revisions (
  id         INTEGER PRIMARY KEY,
  entity     TEXT NOT NULL CHECK (entity IN ('entry', 'actor')),
  entity_id  INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('create', 'edit', 'remove', 'restore', 'merge')),
  snapshot   TEXT NOT NULL CHECK (json_valid(snapshot)),
  reason     TEXT,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX revisions_by_entity ON revisions (entity, entity_id, id);

-- Full-text search over what people remember an entry by.
CREATE VIRTUAL TABLE entry_search USING fts5 (
  title, summary, places, actors,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The document indexed for each live entry: actor names include every alias.
CREATE VIEW entry_search_document AS
SELECT e.id AS entry_id,
       e.title,
       e.summary,
       (SELECT group_concat(p.name, ' ; ') FROM entry_places ep JOIN places p ON p.id = ep.place_id
         WHERE ep.entry_id = e.id) AS places,
       (SELECT group_concat(n.name, ' ; ') FROM entry_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id
         WHERE ea.entry_id = e.id) AS actors
FROM entries e
WHERE e.deleted_at IS NULL;

-- Bulk loads set settings('search_index_paused') and rebuild the index once at the end.
CREATE TRIGGER entries_search_insert AFTER INSERT ON entries
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search_index_paused')
BEGIN
  INSERT INTO entry_search (rowid, title, summary, places, actors)
  SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id = NEW.id;
END;

CREATE TRIGGER entries_search_update AFTER UPDATE ON entries
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search_index_paused')
BEGIN
  DELETE FROM entry_search WHERE rowid = OLD.id;
  INSERT INTO entry_search (rowid, title, summary, places, actors)
  SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id = NEW.id;
END;

CREATE TRIGGER entries_search_delete AFTER DELETE ON entries
BEGIN
  DELETE FROM entry_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER entry_actors_search_insert AFTER INSERT ON entry_actors
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search_index_paused')
BEGIN
  DELETE FROM entry_search WHERE rowid = NEW.entry_id;
  INSERT INTO entry_search (rowid, title, summary, places, actors)
  SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id = NEW.entry_id;
END;

CREATE TRIGGER entry_actors_search_delete AFTER DELETE ON entry_actors
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search_index_paused')
BEGIN
  DELETE FROM entry_search WHERE rowid = OLD.entry_id;
  INSERT INTO entry_search (rowid, title, summary, places, actors)
  SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id = OLD.entry_id;
END;

CREATE TRIGGER entry_places_search_insert AFTER INSERT ON entry_places
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search_index_paused')
BEGIN
  DELETE FROM entry_search WHERE rowid = NEW.entry_id;
  INSERT INTO entry_search (rowid, title, summary, places, actors)
  SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id = NEW.entry_id;
END;

CREATE TRIGGER entry_places_search_delete AFTER DELETE ON entry_places
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search_index_paused')
BEGIN
  DELETE FROM entry_search WHERE rowid = OLD.entry_id;
  INSERT INTO entry_search (rowid, title, summary, places, actors)
  SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id = OLD.entry_id;
END;

-- Renaming an actor or changing its aliases re-indexes every entry that names it.
CREATE TRIGGER actor_names_search_insert AFTER INSERT ON actor_names
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search_index_paused')
BEGIN
  DELETE FROM entry_search WHERE rowid IN (SELECT entry_id FROM entry_actors WHERE actor_id = NEW.actor_id);
  INSERT INTO entry_search (rowid, title, summary, places, actors)
  SELECT entry_id, title, summary, places, actors FROM entry_search_document
  WHERE entry_id IN (SELECT entry_id FROM entry_actors WHERE actor_id = NEW.actor_id);
END;

CREATE TRIGGER actor_names_search_delete AFTER DELETE ON actor_names
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search_index_paused')
BEGIN
  DELETE FROM entry_search WHERE rowid IN (SELECT entry_id FROM entry_actors WHERE actor_id = OLD.actor_id);
  INSERT INTO entry_search (rowid, title, summary, places, actors)
  SELECT entry_id, title, summary, places, actors FROM entry_search_document
  WHERE entry_id IN (SELECT entry_id FROM entry_actors WHERE actor_id = OLD.actor_id);
END;

-- Denormalised copies: the day_from, day_to, live, topic and event_type of entry_actors and
-- entry_places follow their entry. Writers may leave them out; they are filled from the entry.
CREATE TRIGGER entry_actors_fill_copies AFTER INSERT ON entry_actors
WHEN NEW.day_from IS NULL OR NEW.day_to IS NULL OR NEW.live IS NULL OR NEW.topic IS NULL OR NEW.event_type IS NULL
BEGIN
  UPDATE entry_actors SET (day_from, day_to, live, topic, event_type) =
    (SELECT day_from, day_to, deleted_at IS NULL, topic, event_type FROM entries WHERE id = NEW.entry_id)
  WHERE entry_id = NEW.entry_id AND actor_id = NEW.actor_id AND role = NEW.role;
END;

CREATE TRIGGER entry_places_fill_copies AFTER INSERT ON entry_places
WHEN NEW.day_from IS NULL OR NEW.day_to IS NULL OR NEW.live IS NULL OR NEW.topic IS NULL OR NEW.event_type IS NULL
BEGIN
  UPDATE entry_places SET (day_from, day_to, live, topic, event_type) =
    (SELECT day_from, day_to, deleted_at IS NULL, topic, event_type FROM entries WHERE id = NEW.entry_id)
  WHERE entry_id = NEW.entry_id AND place_id = NEW.place_id;
END;

CREATE TRIGGER entry_actors_refill_copies AFTER UPDATE OF entry_id ON entry_actors
BEGIN
  UPDATE entry_actors SET (day_from, day_to, live, topic, event_type) =
    (SELECT day_from, day_to, deleted_at IS NULL, topic, event_type FROM entries WHERE id = NEW.entry_id)
  WHERE entry_id = NEW.entry_id AND actor_id = NEW.actor_id AND role = NEW.role;
END;

CREATE TRIGGER entry_places_refill_copies AFTER UPDATE OF entry_id ON entry_places
BEGIN
  UPDATE entry_places SET (day_from, day_to, live, topic, event_type) =
    (SELECT day_from, day_to, deleted_at IS NULL, topic, event_type FROM entries WHERE id = NEW.entry_id)
  WHERE entry_id = NEW.entry_id AND place_id = NEW.place_id;
END;

CREATE TRIGGER entries_update_copies AFTER UPDATE OF day_from, day_to, deleted_at, topic, event_type ON entries
WHEN NEW.day_from IS NOT OLD.day_from OR NEW.day_to IS NOT OLD.day_to
  OR (NEW.deleted_at IS NULL) IS NOT (OLD.deleted_at IS NULL)
  OR NEW.topic IS NOT OLD.topic OR NEW.event_type IS NOT OLD.event_type
BEGIN
  UPDATE entry_actors SET day_from = NEW.day_from, day_to = NEW.day_to, live = NEW.deleted_at IS NULL,
    topic = NEW.topic, event_type = NEW.event_type
  WHERE entry_id = NEW.id;
  UPDATE entry_places SET day_from = NEW.day_from, day_to = NEW.day_to, live = NEW.deleted_at IS NULL,
    topic = NEW.topic, event_type = NEW.event_type
  WHERE entry_id = NEW.id;
END;

-- actor_pairs: an actor's first link to a live entry pairs it with every other actor there; its
-- last link going away (or the entry being removed) unpairs it. Like the search triggers, these
-- assume links are written with INSERT, UPDATE and DELETE: OR REPLACE deletes rows without
-- firing delete triggers (unless recursive_triggers is on).
-- A bulk load sets settings('actor_pairs_paused') and adds its pairs once at the end.
CREATE TRIGGER entry_actors_pair AFTER INSERT ON entry_actors
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'actor_pairs_paused')
  AND (SELECT count(*) FROM entry_actors WHERE entry_id = NEW.entry_id AND actor_id = NEW.actor_id) = 1
  AND EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND deleted_at IS NULL)
BEGIN
  INSERT INTO actor_pairs (actor_id, other_id, shared)
  SELECT NEW.actor_id, actor_id, 1 FROM entry_actors WHERE entry_id = NEW.entry_id AND actor_id <> NEW.actor_id
  GROUP BY actor_id
  ON CONFLICT (actor_id, other_id) DO UPDATE SET shared = shared + 1;
  INSERT INTO actor_pairs (actor_id, other_id, shared)
  SELECT actor_id, NEW.actor_id, 1 FROM entry_actors WHERE entry_id = NEW.entry_id AND actor_id <> NEW.actor_id
  GROUP BY actor_id
  ON CONFLICT (actor_id, other_id) DO UPDATE SET shared = shared + 1;
END;

CREATE TRIGGER entry_actors_unpair BEFORE DELETE ON entry_actors
WHEN (SELECT count(*) FROM entry_actors WHERE entry_id = OLD.entry_id AND actor_id = OLD.actor_id) = 1
  AND EXISTS (SELECT 1 FROM entries WHERE id = OLD.entry_id AND deleted_at IS NULL)
BEGIN
  UPDATE actor_pairs SET shared = shared - 1
  WHERE actor_id = OLD.actor_id
    AND other_id IN (SELECT actor_id FROM entry_actors WHERE entry_id = OLD.entry_id AND actor_id <> OLD.actor_id);
  UPDATE actor_pairs SET shared = shared - 1
  WHERE other_id = OLD.actor_id
    AND actor_id IN (SELECT actor_id FROM entry_actors WHERE entry_id = OLD.entry_id AND actor_id <> OLD.actor_id);
END;

-- A link moved to another actor or entry (AFTER only: an UPDATE OR IGNORE that skips the row
-- fires no AFTER trigger). Worked out from the new state: the old actor, if it left the old
-- entry, is unpaired from those there before (a newcomer excluded); the new actor, if it just
-- arrived, is paired with those there now.
CREATE TRIGGER entry_actors_repair_changed AFTER UPDATE OF entry_id, actor_id ON entry_actors
WHEN OLD.entry_id IS NOT NEW.entry_id OR OLD.actor_id IS NOT NEW.actor_id
BEGIN
  UPDATE actor_pairs SET shared = shared - 1
  WHERE actor_id = OLD.actor_id
    AND NOT EXISTS (SELECT 1 FROM entry_actors WHERE entry_id = OLD.entry_id AND actor_id = OLD.actor_id)
    AND EXISTS (SELECT 1 FROM entries WHERE id = OLD.entry_id AND deleted_at IS NULL)
    AND other_id IN (SELECT actor_id FROM entry_actors WHERE entry_id = OLD.entry_id AND actor_id <> OLD.actor_id
      AND NOT (NEW.entry_id = OLD.entry_id AND actor_id = NEW.actor_id
        AND (SELECT count(*) FROM entry_actors WHERE entry_id = NEW.entry_id AND actor_id = NEW.actor_id) = 1));
  UPDATE actor_pairs SET shared = shared - 1
  WHERE other_id = OLD.actor_id
    AND NOT EXISTS (SELECT 1 FROM entry_actors WHERE entry_id = OLD.entry_id AND actor_id = OLD.actor_id)
    AND EXISTS (SELECT 1 FROM entries WHERE id = OLD.entry_id AND deleted_at IS NULL)
    AND actor_id IN (SELECT actor_id FROM entry_actors WHERE entry_id = OLD.entry_id AND actor_id <> OLD.actor_id
      AND NOT (NEW.entry_id = OLD.entry_id AND actor_id = NEW.actor_id
        AND (SELECT count(*) FROM entry_actors WHERE entry_id = NEW.entry_id AND actor_id = NEW.actor_id) = 1));
  INSERT INTO actor_pairs (actor_id, other_id, shared)
  SELECT NEW.actor_id, actor_id, 1 FROM entry_actors
  WHERE entry_id = NEW.entry_id AND actor_id <> NEW.actor_id
    AND (SELECT count(*) FROM entry_actors WHERE entry_id = NEW.entry_id AND actor_id = NEW.actor_id) = 1
    AND EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND deleted_at IS NULL)
  GROUP BY actor_id
  ON CONFLICT (actor_id, other_id) DO UPDATE SET shared = shared + 1;
  INSERT INTO actor_pairs (actor_id, other_id, shared)
  SELECT actor_id, NEW.actor_id, 1 FROM entry_actors
  WHERE entry_id = NEW.entry_id AND actor_id <> NEW.actor_id
    AND (SELECT count(*) FROM entry_actors WHERE entry_id = NEW.entry_id AND actor_id = NEW.actor_id) = 1
    AND EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND deleted_at IS NULL)
  GROUP BY actor_id
  ON CONFLICT (actor_id, other_id) DO UPDATE SET shared = shared + 1;
END;

CREATE TRIGGER entries_unpair_removed AFTER UPDATE OF deleted_at ON entries
WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL
BEGIN
  UPDATE actor_pairs SET shared = shared - 1
  WHERE actor_id IN (SELECT actor_id FROM entry_actors WHERE entry_id = NEW.id)
    AND other_id IN (SELECT actor_id FROM entry_actors WHERE entry_id = NEW.id)
    AND actor_id <> other_id;
END;

CREATE TRIGGER entries_pair_restored AFTER UPDATE OF deleted_at ON entries
WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL
BEGIN
  INSERT INTO actor_pairs (actor_id, other_id, shared)
  SELECT a.actor_id, b.actor_id, 1
  FROM (SELECT DISTINCT actor_id FROM entry_actors WHERE entry_id = NEW.id) a
  JOIN (SELECT DISTINCT actor_id FROM entry_actors WHERE entry_id = NEW.id) b ON b.actor_id <> a.actor_id
  WHERE true
  ON CONFLICT (actor_id, other_id) DO UPDATE SET shared = shared + 1;
END;

CREATE TRIGGER entries_unpair_deleted BEFORE DELETE ON entries
WHEN OLD.deleted_at IS NULL
BEGIN
  UPDATE actor_pairs SET shared = shared - 1
  WHERE actor_id IN (SELECT actor_id FROM entry_actors WHERE entry_id = OLD.id)
    AND other_id IN (SELECT actor_id FROM entry_actors WHERE entry_id = OLD.id)
    AND actor_id <> other_id;
END;
