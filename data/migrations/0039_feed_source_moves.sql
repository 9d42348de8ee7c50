-- Addresses a watched feed moved from: its server answered a permanent redirect (HTTP 301 or 308)
-- and the source reads the new address since. The old addresses are kept for good, unlike checks
-- (20 per source): /sources add of one is refused as that source's feed, and /sources why and
-- /sources list say where the feed moved from and when.
CREATE TABLE feed_source_moves (
  id        INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES feed_sources (id),
  from_url  TEXT NOT NULL CHECK (from_url GLOB 'http://*' OR from_url GLOB 'https://*'),
  to_url    TEXT NOT NULL CHECK (to_url GLOB 'http://*' OR to_url GLOB 'https://*'),
  status    INTEGER NOT NULL CHECK (status IN (301, 308)),
  moved_at  TEXT NOT NULL,
  -- The check that followed the redirect; its row goes when older checks are pruned.
  check_id  INTEGER REFERENCES feed_checks (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX feed_source_moves_by_source ON feed_source_moves (source_id, id);
