-- A state's country names in the press's languages and its people's names (`Syrie`, `Israeli`)
-- are among the names a check reads for it (watch-service's withPressNames): an actor becoming a
-- state, or ceasing to be one, changes them.
CREATE TRIGGER actors_version_kind AFTER UPDATE OF kind ON actors
WHEN NEW.kind IS NOT OLD.kind
BEGIN
  UPDATE known_names_version SET version = version + 1;
END;
