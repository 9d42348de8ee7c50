-- Corrections reach the channels. Each message Sitrep posted that shows entries (a digest part, a
-- review card whose candidate became an entry) is kept for 14 days with the view it showed, and
-- each entry it showed with the state it showed, so a correction can redraw it in place.

-- What posts show, once: channels whose digests share a period and filters got the same view.
CREATE TABLE shown_views (
  id   INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  view TEXT NOT NULL CHECK (json_valid(view))
) STRICT;

CREATE TABLE shown_posts (
  id           INTEGER PRIMARY KEY,
  platform     TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  -- The subscriber's or review channel's Caller.context, for the poster.
  context      TEXT NOT NULL DEFAULT '',
  -- The zone the correction mark's day is written in (the digest's; UTC for cards).
  zone         TEXT NOT NULL,
  view_id      INTEGER NOT NULL REFERENCES shown_views (id),
  -- The platform's references of the messages the view went out as.
  message_refs TEXT NOT NULL CHECK (json_valid(message_refs)),
  posted_at    TEXT NOT NULL,
  -- Corrections after this leave the post as it is; the row is pruned then.
  expires_at   TEXT NOT NULL
) STRICT;
CREATE INDEX shown_posts_expiry ON shown_posts (expires_at);
CREATE INDEX shown_posts_by_view ON shown_posts (view_id);

-- The index from an entry to the posts that showed it: a correction queues their edits in one
-- statement, however many channels got it.
CREATE TABLE shown_entries (
  entry_id INTEGER NOT NULL,
  post_id  INTEGER NOT NULL REFERENCES shown_posts (id) ON DELETE CASCADE,
  -- Where in the view's sections it is; NULL when the view has none for it (a card), so the
  -- corrected entry is added at the end.
  section  INTEGER,
  -- The revision it was shown as (its snapshot; a removal if it was shown removed).
  revision_id INTEGER NOT NULL,
  PRIMARY KEY (entry_id, post_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX shown_entries_by_post ON shown_entries (post_id);

-- One edit owed per post: queued by the trigger below, done by the process holding the
-- platform's digest lease. Several corrections before it runs are one edit, of the latest state.
CREATE TABLE post_edits (
  post_id         INTEGER PRIMARY KEY REFERENCES shown_posts (id) ON DELETE CASCADE,
  platform        TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('queued', 'done', 'failed')),
  -- The latest correction that asked for it: an edit drawn before it does not settle the row.
  revision_id     INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX post_edits_due ON post_edits (platform, next_attempt_at) WHERE status = 'queued';

-- Every correction of an entry, whoever makes it (an edit, an undo, an import), in any process.
CREATE TRIGGER revisions_queue_post_edits AFTER INSERT ON revisions
WHEN NEW.entity = 'entry' AND NEW.action IN ('edit', 'remove', 'restore')
BEGIN
  INSERT INTO post_edits (post_id, platform, status, revision_id, attempts, next_attempt_at, updated_at)
  SELECT p.id, p.platform, 'queued', NEW.id, 0, NEW.changed_at, NEW.changed_at
  FROM shown_entries s JOIN shown_posts p ON p.id = s.post_id
  WHERE s.entry_id = NEW.entity_id AND p.expires_at > NEW.changed_at
  ON CONFLICT (post_id) DO UPDATE SET status = 'queued', revision_id = excluded.revision_id, attempts = 0,
    next_attempt_at = excluded.next_attempt_at, last_error = NULL, updated_at = excluded.updated_at;
END;
