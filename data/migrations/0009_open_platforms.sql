-- A platform's name is data: any adapter may subscribe its channels, so digest_subscriptions
-- drops the CHECK that listed the platforms (names are checked where adapters hand them in).
-- SQLite cannot drop a CHECK in place, so the table is rebuilt as its ALTER TABLE page says
-- (https://www.sqlite.org/lang_altertable.html#otheralter): the runner has turned foreign keys
-- off for it, or dropping the old table would delete every delivery through ON DELETE CASCADE,
-- and checks them before it commits. Every row keeps its id, so digest_deliveries still points at
-- its subscription; its REFERENCES names the table, which the rename below gives back.

CREATE TABLE digest_subscriptions_open (
  id            INTEGER PRIMARY KEY,
  -- The adapter's name for its platform: console, discord, slack or any other.
  platform      TEXT NOT NULL,
  -- The platform's workspace (Discord guild, Slack team); '' where it has none (the console).
  workspace_id  TEXT NOT NULL,
  channel_id    TEXT NOT NULL,
  schedule      TEXT NOT NULL,
  cron          TEXT NOT NULL,
  timezone      TEXT NOT NULL,
  topic         TEXT,
  event_type    TEXT,
  actor_id      INTEGER,
  actor_name    TEXT,
  skip_empty    INTEGER NOT NULL DEFAULT 0 CHECK (skip_empty IN (0, 1)),
  -- The last revision id covered by a digest this channel received: the change cursor.
  cursor        INTEGER NOT NULL,
  -- When that cursor was taken (the start of the next digest's period), ISO UTC.
  cursor_at     TEXT NOT NULL,
  -- The next slot to deliver, ISO UTC; in the past after downtime, which is what catch-up finds.
  next_slot_at  TEXT NOT NULL,
  paused_at     TEXT,
  paused_reason TEXT,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  UNIQUE (platform, workspace_id, channel_id)
) STRICT;

INSERT INTO digest_subscriptions_open (
  id, platform, workspace_id, channel_id, schedule, cron, timezone, topic, event_type, actor_id, actor_name,
  skip_empty, cursor, cursor_at, next_slot_at, paused_at, paused_reason, created_at, created_by, updated_at, updated_by
)
SELECT
  id, platform, workspace_id, channel_id, schedule, cron, timezone, topic, event_type, actor_id, actor_name,
  skip_empty, cursor, cursor_at, next_slot_at, paused_at, paused_reason, created_at, created_by, updated_at, updated_by
FROM digest_subscriptions;

-- Takes its index and triggers with it; they are created again below, as 0003 made them.
DROP TABLE digest_subscriptions;
ALTER TABLE digest_subscriptions_open RENAME TO digest_subscriptions;

CREATE INDEX digest_subscriptions_due ON digest_subscriptions (platform, next_slot_at) WHERE paused_at IS NULL;

CREATE TRIGGER digest_subscriptions_added AFTER INSERT ON digest_subscriptions
BEGIN
  UPDATE digest_schedule_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER digest_subscriptions_retimed AFTER UPDATE OF cron, timezone, paused_at ON digest_subscriptions
BEGIN
  UPDATE digest_schedule_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER digest_subscriptions_removed AFTER DELETE ON digest_subscriptions
BEGIN
  UPDATE digest_schedule_version SET version = version + 1 WHERE id = 1;
END;
