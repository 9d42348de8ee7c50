-- A review post that failed for now waits before it is tried again: `retry_at` is when (the
-- platform's Retry-After, else a backoff that doubles), and `failing_since` when its failures
-- began, so that it is given up after a day of them rather than after a count of passes.
ALTER TABLE review_posts ADD COLUMN retry_at TEXT;
ALTER TABLE review_posts ADD COLUMN failing_since TEXT;
