-- How reliable an admin judges a watched feed's outlet, as the Admiralty code's letter (A
-- completely reliable … F cannot be judged). Entries approved from its items cite it with that
-- letter and credibility 6 (not judged yet); NULL: not graded.
ALTER TABLE feed_sources ADD COLUMN reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F'));
