-- sitrep_search_fold (foldForSearch) now drops an apostrophe written between letters (core/text.ts,
-- APOSTROPHE_IN_SEARCHED_WORD: ' ` ´ ‘ ’), where the index split the word: `Shara'a` was indexed
-- as `shara a`, found by no one typing Sharaa. The possessive `'s` stays a word apart, as before.

-- The live entries whose text holds such an apostrophe (in their own words or in the names of
-- their places and actors), indexed again from the document view, which folds through the
-- function. The fold leaves a text with none unchanged: the possessive alone is no reason.
CREATE TEMP TABLE apostrophe_pattern AS SELECT '*[' || char(39, 96, 180, 8216, 8217) || ']*' AS glob;

CREATE TEMP TABLE reindexed AS
SELECT e.id AS entry_id FROM entries e, apostrophe_pattern g
WHERE e.deleted_at IS NULL
  AND ((e.title GLOB g.glob AND sitrep_search_fold(e.title) <> e.title)
    OR (coalesce(e.summary, '') GLOB g.glob AND sitrep_search_fold(e.summary) <> e.summary))
UNION
SELECT ep.entry_id FROM entry_places ep JOIN places p ON p.id = ep.place_id, apostrophe_pattern g
WHERE p.name GLOB g.glob AND sitrep_search_fold(p.name) <> p.name
UNION
SELECT ea.entry_id FROM entry_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id, apostrophe_pattern g
WHERE n.name GLOB g.glob AND sitrep_search_fold(n.name) <> n.name;

DELETE FROM entry_search WHERE rowid IN (SELECT entry_id FROM reindexed);
INSERT INTO entry_search (rowid, title, summary, places, actors)
SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id IN (SELECT entry_id FROM reindexed);

DROP TABLE reindexed;
DROP TABLE apostrophe_pattern;
