-- Analyst-grade entries: fatality figures (UCDP's low ≤ best ≤ high, with who gives them), claims
-- (an actor claims, denies, confirms or disputes an entry, when and through which source) and
-- Admiralty grades on sources (reliability A–F, credibility 1–6: `B2`). All three are part of an
-- entry's state, so its revisions snapshot them and /entry undo takes them back like any field.

ALTER TABLE sources ADD COLUMN grade TEXT CHECK (grade IS NULL OR grade GLOB '[A-F][1-6]');

CREATE TABLE entry_fatalities (
  entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
  low      INTEGER CHECK (low IS NULL OR low BETWEEN 0 AND best),
  best     INTEGER NOT NULL CHECK (best >= 0),
  high     INTEGER CHECK (high IS NULL OR high >= best),
  source   TEXT NOT NULL
) STRICT;

CREATE TABLE entry_claims (
  entry_id    INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  -- The actor of its time: one merged since is shown as the actor it went into (and again as
  -- itself once unmerged), as snapshots keep actor ids.
  actor_id    INTEGER NOT NULL REFERENCES actors (id),
  stance      TEXT NOT NULL CHECK (stance IN ('claims', 'denies', 'confirms', 'disputes')),
  -- When the actor took that stance: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
  claimed_on  TEXT NOT NULL,
  outlet      TEXT NOT NULL,
  url         TEXT CHECK (url IS NULL OR url GLOB 'http://*' OR url GLOB 'https://*'),
  attribution TEXT,
  grade       TEXT CHECK (grade IS NULL OR grade GLOB '[A-F][1-6]'),
  note        TEXT,
  PRIMARY KEY (entry_id, position)
) STRICT, WITHOUT ROWID;
-- An actor's claims, latest first (/actor).
CREATE INDEX entry_claims_by_actor ON entry_claims (actor_id, claimed_on DESC, entry_id);

