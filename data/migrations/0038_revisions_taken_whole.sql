-- A merge now names the revision of the other store it merged whenever it merged it with no
-- conflict (see 0037), not only when it took that revision whole: taken_whole says whether the
-- entry is then as that revision left it (1) or kept changes of this store's beside it (0). Only
-- a whole copy is the other store's revision as it stands (see entry-revision-reads). Revisions
-- 0037's code marked were whole copies: left NULL, they read as such.
ALTER TABLE revisions ADD COLUMN taken_whole INTEGER;
