-- sitrep_fold_key (foldKey) now drops the Arabic tatweel (إسرائيـل is إسرائيل) and joins a word
-- across an apostrophe or ʿayn sign (core/text.ts, NAME_APOSTROPHES: Shara'a, Sharaʿa and Sharaa
-- are one name); sitrep_search_fold (foldForSearch) drops the modifier letters written for ʿayn
-- and hamza (ʻ ʼ ʽ ʾ ʿ), which the index kept as letters of another word.

-- 1. Keys. A key already held by another place or by another name of the same actor is left as
-- it was (OR IGNORE): the name typed finds that other row, which stands for the same thing.
UPDATE OR IGNORE places SET place_key = sitrep_fold_key(name) WHERE place_key <> sitrep_fold_key(name);
UPDATE OR IGNORE actor_names SET name_key = sitrep_fold_key(name) WHERE name_key <> sitrep_fold_key(name);

-- 2. The search index, for the live entries whose text holds one of those modifier letters (in
-- their own words or in the names of their places and actors): indexed again from the document
-- view, which folds through the function.
CREATE TEMP TABLE modifier_pattern AS SELECT '*[' || char(699, 700, 701, 702, 703) || ']*' AS glob;

CREATE TEMP TABLE reindexed AS
SELECT e.id AS entry_id FROM entries e, modifier_pattern g
WHERE e.deleted_at IS NULL AND (e.title GLOB g.glob OR coalesce(e.summary, '') GLOB g.glob)
UNION
SELECT ep.entry_id FROM entry_places ep JOIN places p ON p.id = ep.place_id, modifier_pattern g WHERE p.name GLOB g.glob
UNION
SELECT ea.entry_id FROM entry_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id, modifier_pattern g WHERE n.name GLOB g.glob;

DELETE FROM entry_search WHERE rowid IN (SELECT entry_id FROM reindexed);
INSERT INTO entry_search (rowid, title, summary, places, actors)
SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id IN (SELECT entry_id FROM reindexed);

DROP TABLE reindexed;
DROP TABLE modifier_pattern;
