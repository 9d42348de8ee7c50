-- Admin curation: which fields each revision changed, and the platform deliveries already
-- handled, so a retried interaction never writes twice.

ALTER TABLE revisions ADD COLUMN changed_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changed_fields));

CREATE TABLE handled_requests (
  request_id TEXT PRIMARY KEY,
  command    TEXT NOT NULL,
  caller     TEXT NOT NULL,
  view       TEXT NOT NULL CHECK (json_valid(view)),
  handled_at TEXT NOT NULL
) STRICT;
