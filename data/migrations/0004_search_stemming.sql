-- Search matches the other forms of a word: "talk" finds "talks", "strike" finds "strikes",
-- "negotiation" finds "negotiations". Whole words replace the old implicit prefix on the last
-- word, which merged the postings of every word sharing it and made common words slow.
-- The porter stemmer runs over the same diacritic-folding tokenizer as before.
DROP TABLE entry_search;

CREATE VIRTUAL TABLE entry_search USING fts5 (
  title, summary, places, actors,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The triggers of 0001 keep it in sync by name; fill it once from the live entries.
INSERT INTO entry_search (rowid, title, summary, places, actors)
SELECT entry_id, title, summary, places, actors FROM entry_search_document;
