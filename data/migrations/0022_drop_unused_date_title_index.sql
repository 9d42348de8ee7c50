-- Imports once found duplicates by date and title through this index (0002); they now read the
-- file's days through entries_live_by_date and compare folded titles, and no other query, trigger
-- nor write uses it. Dropping it saves ~40 bytes per entry and its upkeep on every write.
DROP INDEX entries_by_date_title;
