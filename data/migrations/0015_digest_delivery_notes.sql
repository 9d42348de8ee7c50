-- What happened while a digest was posted that its status and attempts do not say: a message
-- whose answer came late (Discord answered a resend with the message its nonce had created), or
-- one found in the channel after its answer was lost (Slack, by the marker in its metadata).
-- A JSON array of sentences, oldest first; existing rows have none.
ALTER TABLE digest_deliveries ADD COLUMN notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes));
