-- The outlet an admin names a watched feed after (`Reuters`) where the feed's own title says
-- nothing of it (`Latest news`, `RSS`): its candidates, those waiting included, and the entries
-- approved from them cite it. Read when a candidate is read, as the feed's reliability is, so the
-- items keep the feed's own title and taking the name away (NULL) cites that title again.
ALTER TABLE feed_sources ADD COLUMN outlet TEXT CHECK (outlet IS NULL OR length(trim(outlet)) BETWEEN 1 AND 100);
