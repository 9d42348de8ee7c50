-- Admin curation: which fields each revision changed, and the platform deliveries already
-- handled, so a retried interaction never writes twice.

ALTER TABLE revisions ADD COLUMN changed_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changed_fields));

CREATE TABLE handled_requests (
  request_id TEXT PRIMARY KEY,
  command    TEXT NOT NULL,
  caller     TEXT NOT NULL,
  -- NULL while the command runs; a retry arriving then is told it is in progress.
  view       TEXT CHECK (view IS NULL OR json_valid(view)),
  handled_at TEXT NOT NULL
) STRICT;

-- Import skips duplicates: same date and title, or same source URL (sources_by_url).
CREATE INDEX entries_by_date_title ON entries (occurred_on, title COLLATE NOCASE) WHERE deleted_at IS NULL;
