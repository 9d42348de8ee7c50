-- A posted card is drawn again when what it shows changed: at once when the feed revised its
-- candidate's item or a report of it, and a while after another feed's report joined its story,
-- so that the reports of a wire story arriving over one cycle are listed in one edit; and a
-- decided candidate's card whose decision is not shown yet (its edit failed for now, or the
-- decision was made in a process that does not post on that platform). `redraw_at` is when; NULL
-- while the card shows what there is. A posted card's `failing_since` is when its edits began to
-- fail. The card poster reads the cards due from this index alone, where it read every revised
-- pending candidate on every pass.
ALTER TABLE review_posts ADD COLUMN redraw_at TEXT;
CREATE INDEX review_posts_redraw ON review_posts (redraw_at) WHERE redraw_at IS NOT NULL;
UPDATE review_posts SET redraw_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE kind = 'card' AND status IN ('sending', 'posted')
  AND drawn_revision < (SELECT c.revision FROM review_candidates c WHERE c.id = candidate_id AND c.status = 'pending');
DROP INDEX review_candidates_revised;
