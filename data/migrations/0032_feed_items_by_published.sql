-- A feed that changes how it identifies its items (RSS to Atom, another CMS, a new address that
-- numbers them anew) serves the items seen before under new guids. A check finds the source's
-- earlier row of such an item by its publication instant, a few rows at most, and compares their
-- links and titles (source-intake.ts, recordedUnderOtherKeys): the row takes the new key, and the
-- item is seen again, not proposed twice. Undated rows are never sought.
CREATE INDEX feed_items_by_published ON feed_items (source_id, published_at) WHERE published_at IS NOT NULL;
