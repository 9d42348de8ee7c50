-- Where each watcher's direct messages looked at the dossier: the cursor their watching started
-- (or resumed) from and the end of each message delivered. An entry restored later that stood live
-- at none of these points was never shown to them (added and removed between two messages): it is
-- new to them, not "restored". The latest 500 points per person are kept; an entry older than the
-- earliest kept stays "restored", as it may have been shown.
CREATE TABLE watch_boundaries (
  platform TEXT NOT NULL,
  user_id  TEXT NOT NULL,
  cursor   INTEGER NOT NULL,
  PRIMARY KEY (platform, user_id, cursor),
  FOREIGN KEY (platform, user_id) REFERENCES watchers (platform, user_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Watchers from before: their watching is taken to start where their cursor stands.
INSERT INTO watch_boundaries (platform, user_id, cursor) SELECT platform, user_id, cursor FROM watchers;
