-- A platform may post one digest part as several messages (a long entry can exceed one Discord
-- embed or one Slack message). When it fails after the first of them, a retry must not post
-- those again: the references of the messages of the part in flight that did arrive are kept
-- here until the part is complete (then they move to message_refs with the rest of the part).
ALTER TABLE digest_deliveries ADD COLUMN partial_refs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(partial_refs));
