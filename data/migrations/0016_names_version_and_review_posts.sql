-- Feed checks look for the dossier's actors and places in every item, from names folded once and
-- kept in memory. This counter tells them when to fold again: the triggers below count every
-- change to the names a check reads (an actor's names, a merge or its undoing, a place added,
-- renamed or removed), whoever makes it, in this process or another.
CREATE TABLE known_names_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO known_names_version (id, version) VALUES (1, 0);

CREATE TRIGGER actor_names_version_insert AFTER INSERT ON actor_names
BEGIN
  UPDATE known_names_version SET version = version + 1;
END;

CREATE TRIGGER actor_names_version_delete AFTER DELETE ON actor_names
BEGIN
  UPDATE known_names_version SET version = version + 1;
END;

CREATE TRIGGER actor_names_version_update AFTER UPDATE ON actor_names
BEGIN
  UPDATE known_names_version SET version = version + 1;
END;

CREATE TRIGGER actors_version_merge AFTER UPDATE OF merged_into_id ON actors
BEGIN
  UPDATE known_names_version SET version = version + 1;
END;

CREATE TRIGGER places_version_insert AFTER INSERT ON places
BEGIN
  UPDATE known_names_version SET version = version + 1;
END;

CREATE TRIGGER places_version_delete AFTER DELETE ON places
BEGIN
  UPDATE known_names_version SET version = version + 1;
END;

CREATE TRIGGER places_version_update AFTER UPDATE OF name ON places
BEGIN
  UPDATE known_names_version SET version = version + 1;
END;

-- A review channel keeps the Caller.context of whoever set it (a Slack workspace whose manifest
-- names the commands /sitrep-review…), and each post copies its channel's, so a card names
-- commands as that workspace has them. Channels set before get '': commands as they were named.
ALTER TABLE review_channels ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE review_posts ADD COLUMN context TEXT NOT NULL DEFAULT '';

-- When the post's latest claim was handed to the platform: a post left `sending` that never was
-- (its process stopped before reaching it) did not reach the channel and is queued again; one
-- that was may have, and is `unconfirmed`. A post being sent now may have been handed over.
ALTER TABLE review_posts ADD COLUMN handed_at TEXT;
UPDATE review_posts SET handed_at = updated_at WHERE status = 'sending';
