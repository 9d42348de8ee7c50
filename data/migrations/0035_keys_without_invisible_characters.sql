-- sitrep_fold_key (foldKey) and sitrep_search_fold (foldForSearch) now drop the characters that
-- show nothing inside a word (core/text.ts, INVISIBLE_IN_WORDS: soft hyphen, zero-width space,
-- word joiner, byte-order mark, direction marks), which split it in two: a place stored as
-- `Quneit<soft hyphen>ra` was keyed `quneit ra`, found by no one typing Quneitra.

-- 1. Keys. A key already held by another place or by another name of the same actor is left as
-- it was (OR IGNORE): the name typed finds that other row, which stands for the same thing.
UPDATE OR IGNORE places SET place_key = sitrep_fold_key(name) WHERE place_key <> sitrep_fold_key(name);
UPDATE OR IGNORE actor_names SET name_key = sitrep_fold_key(name) WHERE name_key <> sitrep_fold_key(name);

-- 2. The search index, for the live entries whose text holds one of those characters (in their
-- own words or in the names of their places and actors): indexed again from the document view,
-- which folds through the function.
CREATE TEMP TABLE invisible_pattern AS SELECT '*[' || char(173, 8203, 8288, 65279, 8206, 8207, 1564) || ']*' AS glob;

CREATE TEMP TABLE reindexed AS
SELECT e.id AS entry_id FROM entries e, invisible_pattern g
WHERE e.deleted_at IS NULL AND (e.title GLOB g.glob OR coalesce(e.summary, '') GLOB g.glob)
UNION
SELECT ep.entry_id FROM entry_places ep JOIN places p ON p.id = ep.place_id, invisible_pattern g WHERE p.name GLOB g.glob
UNION
SELECT ea.entry_id FROM entry_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id, invisible_pattern g WHERE n.name GLOB g.glob;

DELETE FROM entry_search WHERE rowid IN (SELECT entry_id FROM reindexed);
INSERT INTO entry_search (rowid, title, summary, places, actors)
SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id IN (SELECT entry_id FROM reindexed);

DROP TABLE reindexed;
DROP TABLE invisible_pattern;
