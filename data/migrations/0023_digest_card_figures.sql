-- What each digest's card counted for its own range (new entries by event type, with the filters
-- counted under), so the next digest's card compares with it without reading that range again.
ALTER TABLE digest_deliveries ADD COLUMN card_figures TEXT;
