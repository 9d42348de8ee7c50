-- A revision a bundle merge wrote by taking another store's entry whole, as one of that store's
-- revisions left it, names that revision (its number there, author and time): the next merge
-- between the two stores finds the entry's history they share there, although each store numbers
-- its revisions its own way (see entry-revision-reads). Other revisions leave the three empty.
ALTER TABLE revisions ADD COLUMN taken_from_id INTEGER;
ALTER TABLE revisions ADD COLUMN taken_from_by TEXT;
ALTER TABLE revisions ADD COLUMN taken_from_at TEXT;
CREATE INDEX revisions_by_taken_from ON revisions (taken_from_at, taken_from_id) WHERE taken_from_at IS NOT NULL;
