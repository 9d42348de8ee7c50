-- Three things a dossier needs to leave the store and come back whole:
--  1. Every entry gets a stable external key, kept across export and import, so a file can say
--     "this row is that entry" (the CSV's event_id, the JSON's key, a bundle's key).
--  2. An actor may be of kind `unknown`: what an import that creates the actors its rows name
--     gives those whose kind the file does not say.
--  3. Each running bot process says so in bot_processes, so `npm run restore` can refuse to swap
--     the store from under it.

-- 1. Keys are UUIDs of version 7 (RFC 9562): the first 48 bits are the milliseconds of the
-- entry's creation, the rest random, so they are unique across stores (a bundle from another
-- store never names one of ours by chance) and, made in creation order, are appended to their
-- index rather than scattered through it. Existing entries get theirs from created_at.
ALTER TABLE entries ADD COLUMN key TEXT;

UPDATE entries SET key = (
  SELECT substr(ms, 1, 8) || '-' || substr(ms, 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2)
    || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
    || '-' || lower(hex(randomblob(6)))
  FROM (SELECT printf('%012x', CAST(round((julianday(entries.created_at) - 2440587.5) * 86400000) AS INTEGER)) AS ms)
);

CREATE UNIQUE INDEX entries_by_key ON entries (key);

-- 2. SQLite cannot change a CHECK in place: the table is rebuilt as its ALTER TABLE page says
-- (https://www.sqlite.org/lang_altertable.html#otheralter), as 0009 rebuilt digest_subscriptions.
-- The runner has turned foreign keys off, so dropping the old table deletes no names or links
-- (ON DELETE CASCADE), and checks every reference before it commits. Every row keeps its id; the
-- tables that reference actors name it, which the rename below gives back.
CREATE TABLE actors_with_unknown (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('state', 'government-body', 'armed-force', 'armed-group',
                   'person', 'international-organisation', 'community', 'other', 'unknown')),
  title          TEXT,
  affiliation_id INTEGER REFERENCES actors (id),
  merged_into_id INTEGER REFERENCES actors (id),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL
) STRICT;

INSERT INTO actors_with_unknown (id, name, kind, title, affiliation_id, merged_into_id, created_at, created_by, updated_at, updated_by)
SELECT id, name, kind, title, affiliation_id, merged_into_id, created_at, created_by, updated_at, updated_by FROM actors;

-- Takes its index with it; it is created again below, as 0001 made it.
DROP TABLE actors;
ALTER TABLE actors_with_unknown RENAME TO actors;
CREATE INDEX actors_affiliation ON actors (affiliation_id) WHERE affiliation_id IS NOT NULL;

-- 3. One row per running bot (src/main.ts), written when it opens the store, renewed every
-- 30 seconds and deleted when it stops. A row whose process was killed stays behind: restore
-- treats a row not renewed for 90 seconds, or whose process is gone from this host, as stopped.
CREATE TABLE bot_processes (
  -- host:pid:random, as the process names itself in digest leases.
  holder     TEXT PRIMARY KEY,
  host       TEXT NOT NULL,
  pid        INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  seen_at    TEXT NOT NULL
) STRICT;
