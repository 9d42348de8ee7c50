-- Two foldings, each done by a function of src/core/text.ts that openDatabase registers on
-- every connection (SQL has no Unicode folding of its own):
--  1. sitrep_fold_key (foldKey) now writes a dotted initialism as one word: `U.S.` folds to
--     `us`, as `US` does (it folded to `u s`), so `/actor U.S.` finds the actor whose alias is
--     US. The stored keys of names and places are re-computed.
--  2. sitrep_search_fold (foldForSearch) drops Arabic harakat and Hebrew niqqud and removes Greek
--     accents from the text the search index holds, so a stored "أَحْمَد" is found by أحمد and
--     "Ωμέγα" by ωμεγα. The index is rebuilt.

-- 1. Keys.

-- Places: place_key is UNIQUE, and two places may now fold alike ("US" and "U.S."). They become
-- one: the place already keyed so is kept (else the oldest), and the others' entries link to it.
CREATE TEMP TABLE place_rekey AS
SELECT id, place_key AS old_key, sitrep_fold_key(name) AS new_key FROM places;

CREATE TEMP TABLE place_merge AS
SELECT id AS from_id,
       (SELECT k.id FROM place_rekey k WHERE k.new_key = r.new_key ORDER BY k.old_key = k.new_key DESC, k.id LIMIT 1) AS into_id
FROM place_rekey r;
DELETE FROM place_merge WHERE from_id = into_id;

-- Insert, then delete: the search triggers re-index each entry whose places change (an update
-- of place_id would fire none). An entry already linked to the place kept keeps that link.
INSERT INTO entry_places (entry_id, place_id, position)
SELECT ep.entry_id, m.into_id, ep.position FROM entry_places ep JOIN place_merge m ON m.from_id = ep.place_id
WHERE true
ON CONFLICT (entry_id, place_id) DO NOTHING;
DELETE FROM entry_places WHERE place_id IN (SELECT from_id FROM place_merge);
DELETE FROM places WHERE id IN (SELECT from_id FROM place_merge);

UPDATE places SET place_key = (SELECT new_key FROM place_rekey WHERE place_rekey.id = places.id)
WHERE place_key <> (SELECT new_key FROM place_rekey WHERE place_rekey.id = places.id);

-- Actor names: one actor's names are unique by key, and two of them may now fold alike (aliases
-- "US" and "U.S."): one is kept, the canonical name first, else the one already keyed so. The
-- other spelling still finds the actor, having the same key. Names of different actors may share
-- a key (as before, when imported so): a lookup by it then says which actors it matches.
CREATE TEMP TABLE name_rekey AS
SELECT actor_id, name_key AS old_key, sitrep_fold_key(name) AS new_key, is_primary FROM actor_names;

DELETE FROM actor_names WHERE (actor_id, name_key) IN (
  SELECT actor_id, old_key FROM (
    SELECT actor_id, old_key,
           row_number() OVER (PARTITION BY actor_id, new_key ORDER BY is_primary DESC, old_key = new_key DESC, old_key) AS nth
    FROM name_rekey)
  WHERE nth > 1);

-- The trigram index follows by its trigger on name_key.
UPDATE actor_names SET name_key = (SELECT new_key FROM name_rekey r WHERE r.actor_id = actor_names.actor_id AND r.old_key = actor_names.name_key)
WHERE name_key <> sitrep_fold_key(name);

DROP TABLE place_rekey;
DROP TABLE place_merge;
DROP TABLE name_rekey;

-- 2. The search index. Its triggers (0001) and the bulk loads (src/store/search-index.ts) read
-- the document from this view, so they index the folded text from now on. The index keeps that
-- text as its content: search maps its snippets back onto the entry's own words (unfoldExcerpt).
-- A connection that writes entries must therefore have the function: open the store with
-- openDatabase, not a bare SQLite connection.
DROP VIEW entry_search_document;
CREATE VIEW entry_search_document AS
SELECT e.id AS entry_id,
       sitrep_search_fold(e.title) AS title,
       sitrep_search_fold(e.summary) AS summary,
       (SELECT sitrep_search_fold(group_concat(p.name, ' ; ')) FROM entry_places ep JOIN places p ON p.id = ep.place_id
         WHERE ep.entry_id = e.id) AS places,
       (SELECT sitrep_search_fold(group_concat(n.name, ' ; ')) FROM entry_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id
         WHERE ea.entry_id = e.id) AS actors
FROM entries e
WHERE e.deleted_at IS NULL;

-- Rebuilt as 0005 made it, filled once from the live entries, then merged into one b-tree as a
-- bulk load is (compactSearchIndex: snippets seek in every b-tree).
DROP TABLE entry_search;

CREATE VIRTUAL TABLE entry_search USING fts5 (
  title, summary, places, actors,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '3 4'
);

INSERT INTO entry_search (rowid, title, summary, places, actors)
SELECT entry_id, title, summary, places, actors FROM entry_search_document;

INSERT INTO entry_search (entry_search) VALUES ('optimize');
