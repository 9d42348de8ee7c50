-- Prefix searches (`negot*`, `Shaib*`) read one stored list instead of merging the lists of
-- every word that starts alike: FTS5 keeps extra index entries for each word's first 3 and
-- first 4 letters (MIN_PREFIX_LENGTH is 3). At a million entries a 4-letter prefix matching
-- 25,000 entries took 10–26 ms, each statement of the search (band, count, snippets) merging
-- anew; with these entries it takes ~1–3 ms. Longer prefixes match fewer words and merge.
-- The price: indexing an entry writes about twice as much to the search index.
DROP TABLE entry_search;

CREATE VIRTUAL TABLE entry_search USING fts5 (
  title, summary, places, actors,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '3 4'
);

-- The triggers of 0001 keep it in sync by name; fill it once from the live entries.
INSERT INTO entry_search (rowid, title, summary, places, actors)
SELECT entry_id, title, summary, places, actors FROM entry_search_document;
