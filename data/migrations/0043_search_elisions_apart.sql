-- sitrep_search_fold (foldForSearch) now keeps the apostrophe of a French or Italian elision
-- (core/search-elisions.ts: `l'hôtel`, `d'Orsay`, `qu'il`, `dell'Italia`), which 0040 dropped, so
-- the index held `lhotel` and `dorsay`, found by no one typing `hôtel` or `Orsay`. The index now
-- holds the two words apart. Other apostrophes inside a word (`Shara'a`) are still read through.

-- The live entries whose text holds an apostrophe (in their own words or in the names of their
-- places and actors), indexed again from the document view, which folds through the function.
CREATE TEMP TABLE apostrophe_pattern AS SELECT '*[' || char(39, 96, 180, 8216, 8217) || ']*' AS glob;

CREATE TEMP TABLE reindexed AS
SELECT e.id AS entry_id FROM entries e, apostrophe_pattern g
WHERE e.deleted_at IS NULL AND (e.title GLOB g.glob OR coalesce(e.summary, '') GLOB g.glob)
UNION
SELECT ep.entry_id FROM entry_places ep JOIN places p ON p.id = ep.place_id, apostrophe_pattern g WHERE p.name GLOB g.glob
UNION
SELECT ea.entry_id FROM entry_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id, apostrophe_pattern g WHERE n.name GLOB g.glob;

DELETE FROM entry_search WHERE rowid IN (SELECT entry_id FROM reindexed);
INSERT INTO entry_search (rowid, title, summary, places, actors)
SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id IN (SELECT entry_id FROM reindexed);

DROP TABLE reindexed;
DROP TABLE apostrophe_pattern;
