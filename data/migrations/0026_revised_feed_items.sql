-- Feeds revise their items (a toll that rises, a corrected headline): each item keeps a digest
-- of what it said when last read, so a later check can tell a revised item from one seen again.
-- NULL: recorded before digests were kept; the next check fills it without calling it revised.
ALTER TABLE feed_items ADD COLUMN digest TEXT;
-- A pending candidate is drafted again when the item that proposed it is revised: how many
-- times, and when last. A posted card drawn from an earlier revision is drawn again.
ALTER TABLE review_candidates ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_candidates ADD COLUMN revised_at TEXT;
CREATE INDEX review_candidates_revised ON review_candidates (id) WHERE status = 'pending' AND revision > 0;
-- The candidate's revision a card was drawn from when posted (or drawn again).
ALTER TABLE review_posts ADD COLUMN drawn_revision INTEGER NOT NULL DEFAULT 0;
-- The items of a check that the source held before and the feed had revised since (JSON array
-- of {title, candidateId?}: the pending candidate drafted again from it).
ALTER TABLE feed_checks ADD COLUMN revisions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(revisions));
