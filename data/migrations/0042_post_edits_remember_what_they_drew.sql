-- What an edit last drew in a post is kept with it, not in the process that drew it, so a restart
-- or another bot process taking over the lease goes on from it: a redraw that would draw the same
-- is no edit, and a correction the post was edited to show, when withdrawn, is told so.

-- A hash of the view the last edit drew (stable JSON); NULL while the post stands as posted.
ALTER TABLE shown_posts ADD COLUMN drawn_hash TEXT;
-- The last edit drew the entry under a mark (corrected, removed, restored or withdrawn).
ALTER TABLE shown_entries ADD COLUMN correction_drawn INTEGER NOT NULL DEFAULT 0 CHECK (correction_drawn IN (0, 1));
