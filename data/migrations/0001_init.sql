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
-- Every timeline filter path: newest first, optionally narrowed by topic, type or date.
CREATE INDEX entries_live_by_date ON entries (day_from DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX entries_live_by_topic ON entries (topic, day_from DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX entries_live_by_type ON entries (event_type, day_from DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE entry_actors (
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors (id),
  role     TEXT NOT NULL CHECK (role IN ('initiator', 'target', 'mediator', 'participant', 'host', 'subject')),
  position INTEGER NOT NULL,
  PRIMARY KEY (entry_id, actor_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_actors_by_actor ON entry_actors (actor_id, entry_id);

CREATE TABLE entry_places (
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  place_id INTEGER NOT NULL REFERENCES places (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (entry_id, place_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_places_by_place ON entry_places (place_id, entry_id);

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
