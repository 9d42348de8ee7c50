-- sitrep_search_fold (foldForSearch) now reads the Arabic and Persian letters that writers put for
-- one another as one, as actor names read them (core/text.ts, SEARCH_READ_AS): taa marbuta as haa,
-- alef maqsura and the Persian yeh as yaa, the Persian keheh as kaf, so `نتنیاهو` is found by
-- `نتنياهو` and `کرد` by `كرد`, which the index held apart. And it reads through the apostrophe
-- after a one-letter pronoun before h (core/search-elisions.ts): `M'hamed` is one word, found by
-- `Mhamed`, which 0043 had split as an elision into `m` and `hamed`.

-- The live entries whose text holds one of those letters or an apostrophe (in their own words or
-- in the names of their places and actors), indexed again from the document view, which folds
-- through the function.
CREATE TEMP TABLE refolded_pattern AS SELECT '*[' || char(1577, 1609, 1740, 1705, 39, 96, 180, 8216, 8217) || ']*' AS glob;

CREATE TEMP TABLE reindexed AS
SELECT e.id AS entry_id FROM entries e, refolded_pattern g
WHERE e.deleted_at IS NULL AND (e.title GLOB g.glob OR coalesce(e.summary, '') GLOB g.glob)
UNION
SELECT ep.entry_id FROM entry_places ep JOIN places p ON p.id = ep.place_id, refolded_pattern g WHERE p.name GLOB g.glob
UNION
SELECT ea.entry_id FROM entry_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id, refolded_pattern g WHERE n.name GLOB g.glob;

DELETE FROM entry_search WHERE rowid IN (SELECT entry_id FROM reindexed);
INSERT INTO entry_search (rowid, title, summary, places, actors)
SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id IN (SELECT entry_id FROM reindexed);

DROP TABLE reindexed;
DROP TABLE refolded_pattern;
