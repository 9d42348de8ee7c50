-- A past timeline filtered by a country reads the entries in day order and asks of each whether
-- one of its places then lay in the country (place_area_spans, 0052). It finds the entry's place
-- spans by entry: the open ones through entry_place_spans_open, which now holds valid_to (always
-- NULL there, a byte a row) so that reading it needs no row of the table, and the closed ones
-- through entry_place_spans_closed. Closed spans are written by edits only, so an import adds
-- nothing to that index. The span triggers name entry_place_spans_open (INDEXED BY): its name and
-- its first columns stay.
DROP INDEX IF EXISTS entry_place_spans_open;
CREATE INDEX entry_place_spans_open ON entry_place_spans (entry_id, place_id, valid_to) WHERE valid_to IS NULL;
CREATE INDEX IF NOT EXISTS entry_place_spans_closed ON entry_place_spans (entry_id, valid_to, place_id) WHERE valid_to IS NOT NULL;
