-- A digest may open with a picture: entries added, by event type, in its period beside the period
-- before. On for every subscription, existing ones included; `/digest subscribe card:false` turns
-- it off.
ALTER TABLE digest_subscriptions ADD COLUMN card INTEGER NOT NULL DEFAULT 1 CHECK (card IN (0, 1));

-- The card counts live entries added within a period: read by when they were added.
CREATE INDEX entries_live_by_created ON entries (created_at, topic, event_type) WHERE deleted_at IS NULL;
