-- The candidates waiting, by number: /review list reads them newest or oldest first without
-- stepping over the decided ones, which outnumber them as a queue ages.
CREATE INDEX review_candidates_pending_by_id ON review_candidates (id) WHERE status = 'pending';
