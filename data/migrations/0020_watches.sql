-- Personal watches: a person follows an actor, a place or a topic and gets a direct message
-- when an entry involving it is added or corrected. One cursor per person over the revision log
-- (like a digest subscription's), and a delivery log of the direct messages like the digests'.

CREATE TABLE watchers (
  platform      TEXT NOT NULL,
  user_id       TEXT NOT NULL,
  -- What the adapter needs to answer them (a Slack workspace's command prefix); '' for none.
  context       TEXT NOT NULL DEFAULT '',
  -- The last revision id whose changes this person's messages have covered.
  cursor        INTEGER NOT NULL,
  -- When the last direct message was settled (delivered or given up), ISO UTC: the next waits
  -- 10 minutes after it, so changes in between are bundled into one message.
  last_message_at TEXT,
  -- Set when the platform refused to deliver a direct message (DMs closed): nothing is sent until resumed.
  paused_at     TEXT,
  paused_reason TEXT,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (platform, user_id)
) STRICT;

CREATE TABLE watches (
  id         INTEGER PRIMARY KEY,
  platform   TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('actor', 'place', 'topic')),
  -- actor: the actor's id; place: `area:country:SY` (a located area) or `name:<folded name>`;
  -- topic: the topic's slug.
  target     TEXT NOT NULL,
  -- The name as the person sees it in /watch list and in messages.
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  FOREIGN KEY (platform, user_id) REFERENCES watchers (platform, user_id) ON DELETE CASCADE,
  UNIQUE (platform, user_id, kind, target)
) STRICT;

CREATE TABLE watch_deliveries (
  id              INTEGER PRIMARY KEY,
  platform        TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  -- sending: intent recorded, parts being posted; retrying: waiting after a retryable failure;
  -- delivered; failed: gave up or refused for good (the watcher is then paused).
  status          TEXT NOT NULL CHECK (status IN ('sending', 'retrying', 'delivered', 'failed')),
  cursor_from     INTEGER NOT NULL,
  cursor_to       INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 1,
  next_attempt_at TEXT,
  last_error      TEXT,
  -- The composed message (a JSON view), kept until it is delivered or given up, so a retry
  -- (maybe another process's) sends exactly what was decided.
  view            TEXT CHECK (view IS NULL OR json_valid(view)),
  -- The platform messages already posted (a long view takes several), in order: a retry skips them.
  message_refs    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(message_refs)),
  sender          TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  FOREIGN KEY (platform, user_id) REFERENCES watchers (platform, user_id) ON DELETE CASCADE
) STRICT;
-- At most one message in flight per person, so two never share a cursor range.
CREATE UNIQUE INDEX watch_deliveries_in_flight ON watch_deliveries (platform, user_id) WHERE status IN ('sending', 'retrying');
CREATE INDEX watch_deliveries_by_watcher ON watch_deliveries (platform, user_id, id);
