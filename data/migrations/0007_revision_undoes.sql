-- Which revision an undo took back, so that undo after undo steps further back through an
-- entry's history instead of redoing what the first undo took back. Undos written before this
-- column said so only in their reason ("undo of revision N (edit)").
ALTER TABLE revisions ADD COLUMN undoes INTEGER REFERENCES revisions (id);

UPDATE revisions
SET undoes = CAST(substr(reason, 18, instr(substr(reason, 18), ' ') - 1) AS INTEGER)
WHERE entity = 'entry' AND reason GLOB 'undo of revision [0-9]* (*';
