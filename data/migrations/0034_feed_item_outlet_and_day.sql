-- A report of a story names the outlet that wrote it: an aggregator's item (Google News) is
-- another newsroom's story, cited as its candidate is, `Reuters (via Google News)`, where the row's
-- `outlet` is the feed's own title. NULL for an item of the feed's own (and for rows from before):
-- those are cited by `outlet`. An outlet an admin names for the feed is read over both.
ALTER TABLE feed_items ADD COLUMN cited_outlet TEXT;
-- 1 when the feed gave the item's day without a time: `published_at` is that day's start in UTC,
-- a time the feed never gave, and a report of it is shown by its day alone.
ALTER TABLE feed_items ADD COLUMN published_day_only INTEGER NOT NULL DEFAULT 0 CHECK (published_day_only IN (0, 1));
