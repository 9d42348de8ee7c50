-- Feeds watched for the review queue: the sources, what each check found, the items seen (kept
-- by their key, so a re-check never proposes one twice), the candidates proposed to admins, the
-- review channel of each platform and the cards and notices posted there.

CREATE TABLE feed_sources (
  id              INTEGER PRIMARY KEY,
  url             TEXT NOT NULL CHECK (url GLOB 'http://*' OR url GLOB 'https://*'),
  topic           TEXT NOT NULL CHECK (topic GLOB '[a-z0-9]*' AND topic NOT GLOB '*[^a-z0-9-]*'),
  -- As typed (`ceasefire, "al-Sharaa"`); '' takes every item.
  keywords        TEXT NOT NULL DEFAULT '',
  every_minutes   INTEGER NOT NULL CHECK (every_minutes BETWEEN 15 AND 1440),
  backfill        INTEGER NOT NULL DEFAULT 0 CHECK (backfill IN (0, 1)),
  -- The feed's own title, once read: the outlet its items are attributed to.
  feed_title      TEXT,
  -- Validators of the last full answer, sent back for a conditional GET.
  etag            TEXT,
  last_modified   TEXT,
  -- 1 once a successful check has recorded what the feed held (the first one proposes nothing).
  baselined       INTEGER NOT NULL DEFAULT 0 CHECK (baselined IN (0, 1)),
  -- Consecutive failed checks; the source is paused at 8.
  failures        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  next_check_at   TEXT NOT NULL,
  last_checked_at TEXT,
  last_new_at     TEXT,
  paused_at       TEXT,
  paused_reason   TEXT,
  removed_at      TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX feed_sources_live_url ON feed_sources (url) WHERE removed_at IS NULL;
CREATE INDEX feed_sources_due ON feed_sources (next_check_at) WHERE removed_at IS NULL AND paused_at IS NULL;

-- One row per check; each source keeps its latest ones (older rows are pruned).
CREATE TABLE feed_checks (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL REFERENCES feed_sources (id),
  checked_at    TEXT NOT NULL,
  trigger       TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  result        TEXT NOT NULL CHECK (result IN ('ok', 'not-modified', 'failed')),
  error         TEXT,
  -- Items the feed held, and how many of them this source had seen before.
  items         INTEGER NOT NULL DEFAULT 0,
  seen          INTEGER NOT NULL DEFAULT 0,
  next_check_at TEXT,
  -- This check paused the source.
  paused        INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1))
) STRICT;
CREATE INDEX feed_checks_by_source ON feed_checks (source_id, id);

CREATE TABLE review_candidates (
  id           INTEGER PRIMARY KEY,
  topic        TEXT NOT NULL,
  title        TEXT NOT NULL,
  summary      TEXT NOT NULL DEFAULT '',
  link         TEXT CHECK (link IS NULL OR link GLOB 'http://*' OR link GLOB 'https://*'),
  outlet       TEXT NOT NULL,
  -- ISO instant the item gives, if any: same-story comparisons use it.
  published_at TEXT,
  -- The keywords the item matched (JSON array of text).
  matched      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(matched)),
  -- What the entry would be: {actors: [{id, name}], places, type, date, source} (JSON).
  suggestion   TEXT NOT NULL CHECK (json_valid(suggestion)),
  status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by   TEXT,
  decided_at   TEXT,
  reason       TEXT,
  entry_id     INTEGER REFERENCES entries (id),
  created_at   TEXT NOT NULL,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK ((status = 'approved') = (entry_id IS NOT NULL))
) STRICT;
CREATE INDEX review_candidates_pending ON review_candidates (topic, id) WHERE status = 'pending';
CREATE INDEX review_candidates_by_published ON review_candidates (published_at);
CREATE INDEX review_candidates_by_created ON review_candidates (created_at);

-- Every item a source has held, by its key (guid, canonical link or hash): known items are
-- never proposed again, whatever became of them.
CREATE TABLE feed_items (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES feed_sources (id),
  item_key     TEXT NOT NULL,
  -- The check that first saw it (NULL once that check's row is pruned).
  check_id     INTEGER REFERENCES feed_checks (id) ON DELETE SET NULL,
  title        TEXT NOT NULL,
  link         TEXT,
  outlet       TEXT NOT NULL,
  published_at TEXT,
  first_seen   TEXT NOT NULL,
  outcome      TEXT NOT NULL CHECK (outcome IN ('proposed', 'same-story', 'filtered', 'baseline', 'stale')),
  -- Why: the keyword matched, the rule that filtered it out.
  detail       TEXT,
  candidate_id INTEGER REFERENCES review_candidates (id),
  UNIQUE (source_id, item_key)
) STRICT;
CREATE INDEX feed_items_by_key ON feed_items (item_key) WHERE candidate_id IS NOT NULL;
CREATE INDEX feed_items_by_candidate ON feed_items (candidate_id) WHERE candidate_id IS NOT NULL;
CREATE INDEX feed_items_by_check ON feed_items (check_id);

-- Where candidates are posted: one channel per platform, set with /review channel.
CREATE TABLE review_channels (
  platform     TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  set_by       TEXT NOT NULL,
  set_at       TEXT NOT NULL
) STRICT;

-- What is posted in review channels: a card per candidate and channel, and notices (a source
-- paused). A row is claimed before its post, so two processes never post it twice; one left
-- `sending` by a process that stopped is `unconfirmed` and never posted again.
CREATE TABLE review_posts (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('card', 'notice')),
  candidate_id  INTEGER REFERENCES review_candidates (id),
  platform      TEXT NOT NULL,
  workspace_id  TEXT NOT NULL,
  channel_id    TEXT NOT NULL,
  -- A notice's view (JSON); a card is drawn from its candidate when posted.
  notice        TEXT CHECK (notice IS NULL OR json_valid(notice)),
  status        TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'posted', 'failed', 'unconfirmed', 'skipped')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  -- The platform's references of the messages posted, for replacing a card once decided.
  message_refs  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(message_refs)),
  last_error    TEXT,
  sender        TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK ((kind = 'card') = (candidate_id IS NOT NULL)),
  CHECK ((kind = 'notice') = (notice IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX review_posts_one_card ON review_posts (candidate_id, platform, workspace_id, channel_id) WHERE kind = 'card';
CREATE INDEX review_posts_open ON review_posts (platform, status) WHERE status IN ('queued', 'sending');
