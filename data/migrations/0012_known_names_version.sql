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
