-- The day an item was published at the offset its feed wrote the time with (`YYYY-MM-DD`): a
-- report written at 00:30 +03:00 on 19 Jul is of 19 Jul, though `published_at` (UTC) is 18 Jul.
-- Every report of a story is dated so on its card and as a source of the entry an approval makes,
-- as the proposing item is. NULL where the feed gave no date Sitrep could read, and in rows from
-- before: those are dated by their day in UTC, as they were.
ALTER TABLE feed_items ADD COLUMN published_day TEXT;
