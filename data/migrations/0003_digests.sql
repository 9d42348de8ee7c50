-- Scheduled digests: one subscription per channel, the delivery log (one row per subscription
-- and slot), and the lease that lets only one process schedule each platform's digests.

CREATE TABLE digest_subscriptions (
  id            INTEGER PRIMARY KEY,
  platform      TEXT NOT NULL CHECK (platform IN ('console', 'discord', 'slack')),
  -- Discord guild or Slack team; '' where the platform has none (the console).
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
CREATE INDEX digest_subscriptions_due ON digest_subscriptions (platform, next_slot_at) WHERE paused_at IS NULL;

CREATE TABLE digest_deliveries (
  id              INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
  -- The scheduled instant this digest stands for (ISO UTC); for send-now, the moment it was asked.
  slot            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('scheduled', 'catch-up', 'manual')),
  -- Earlier slots this one covers because the scheduler was not running at their time.
  missed_slots    INTEGER NOT NULL DEFAULT 0,
  -- sending: intent recorded, parts being posted; retrying: a retryable failure, waiting;
  -- delivered/skipped: done; failed: gave up or permanent error; unconfirmed: the process
  -- stopped mid-send, so whether it arrived is unknown (never reposted).
  status          TEXT NOT NULL CHECK (status IN ('sending', 'retrying', 'delivered', 'skipped', 'failed', 'unconfirmed')),
  cursor_from     INTEGER NOT NULL,
  cursor_to       INTEGER NOT NULL,
  period_from     TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error      TEXT,
  -- The composed parts (JSON array of views), kept only while the digest waits to retry.
  pending_parts   TEXT CHECK (pending_parts IS NULL OR json_valid(pending_parts)),
  parts_total     INTEGER NOT NULL DEFAULT 0,
  -- One JSON array of platform message references per part already posted, in order.
  message_refs    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(message_refs)),
  -- The process (lease holder id) that recorded the intent.
  sender          TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (subscription_id, slot)
) STRICT;
-- At most one digest in flight per subscription, so two never share a cursor range.
CREATE UNIQUE INDEX digest_deliveries_in_flight ON digest_deliveries (subscription_id)
  WHERE status IN ('sending', 'retrying');
CREATE INDEX digest_deliveries_retry_due ON digest_deliveries (next_attempt_at) WHERE status = 'retrying';
CREATE INDEX digest_deliveries_by_subscription ON digest_deliveries (subscription_id, id);

-- One row per platform: the process holding it schedules that platform's digests until
-- expires_at; others stand by and take over once it has expired.
CREATE TABLE digest_leases (
  scope       TEXT PRIMARY KEY,
  holder      TEXT NOT NULL,
  acquired_at TEXT NOT NULL,
  expires_at  TEXT NOT NULL
) STRICT;

-- Bumped whenever a subscription's timing changes, so a scheduler in another process notices.
CREATE TABLE digest_schedule_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO digest_schedule_version (id, version) VALUES (1, 0);

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
