-- As-of views and trend calls.
--
-- A past view ("the dossier as it stood at the end of 20 Jul 2025") is rebuilt from the revision
-- log. To read one page of it without replaying every entry's history, the log is also kept as
-- spans: the periods during which an entry was live with the same date span, topic and type
-- (entry_spans), and during which each actor and each place was on it (entry_actor_spans,
-- entry_place_spans). A span holds from valid_from (inclusive) to valid_to (exclusive; NULL while
-- it still holds); both are revision instants written as strftime('%Y-%m-%dT%H:%M:%fZ'). Only a
-- change of one of those values, or a removal or restore, ends a span: most edits leave them.
-- They are derived data: the trigger below keeps them in step with every revision written, and
-- this migration builds them from the revisions already stored.

CREATE TABLE entry_spans (
  id         INTEGER PRIMARY KEY,
  entry_id   INTEGER NOT NULL,
  day_from   TEXT NOT NULL,
  day_to     TEXT NOT NULL,
  topic      TEXT NOT NULL,
  event_type TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to   TEXT
) STRICT;
-- The timeline's paths, as for live entries (0001's entries_live_*), each carrying the validity
-- columns so that whether a span holds at an instant is read from the index alone.
CREATE INDEX entry_spans_by_date ON entry_spans (day_from DESC, entry_id DESC, day_to, topic, event_type, valid_from, valid_to);
CREATE INDEX entry_spans_by_topic ON entry_spans (topic, day_from DESC, entry_id DESC, day_to, event_type, valid_from, valid_to);
CREATE INDEX entry_spans_by_type ON entry_spans (event_type, day_from DESC, entry_id DESC, day_to, topic, valid_from, valid_to);
CREATE INDEX entry_spans_spans ON entry_spans (day_to, day_from, topic, event_type, valid_from, valid_to, entry_id) WHERE day_to > day_from;
CREATE INDEX entry_spans_long_spans ON entry_spans (day_to, day_from, topic, event_type, valid_from, valid_to, entry_id)
  WHERE day_to > date(day_from, '+400 days');
-- By when each span began: when the dossier began, and every span of a view from early in its
-- life, when few had begun (read whole, then sorted). The open span of each entry, for the trigger.
CREATE INDEX entry_spans_by_start ON entry_spans (valid_from, valid_to, day_from, day_to, topic, event_type, entry_id);
CREATE INDEX entry_spans_open ON entry_spans (entry_id) WHERE valid_to IS NULL;

-- For each month entry spans began in (`YYYY-MM` of valid_from), the latest first day among them
-- and how many began (at most: an edit written at the very instant of the one before counts
-- again). A view at an instant holds no entry starting after the latest of those up to its
-- month, so its newest-first reading skips at once what was only written later (the recent
-- past, mostly); and when few spans had begun by then, it reads them all instead.
CREATE TABLE entry_span_months (
  month    TEXT PRIMARY KEY,
  last_day TEXT NOT NULL,
  spans    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE entry_actor_spans (
  id         INTEGER PRIMARY KEY,
  actor_id   INTEGER NOT NULL,
  entry_id   INTEGER NOT NULL,
  day_from   TEXT NOT NULL,
  day_to     TEXT NOT NULL,
  topic      TEXT NOT NULL,
  event_type TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to   TEXT
) STRICT;
CREATE INDEX entry_actor_spans_by_actor ON entry_actor_spans (actor_id, day_from DESC, entry_id DESC, day_to, topic, event_type, valid_from, valid_to);
CREATE INDEX entry_actor_spans_spans ON entry_actor_spans (actor_id, day_to, day_from, entry_id, topic, event_type, valid_from, valid_to)
  WHERE day_to > day_from;
CREATE INDEX entry_actor_spans_long_spans ON entry_actor_spans (actor_id, day_to, day_from, entry_id, topic, event_type, valid_from, valid_to)
  WHERE day_to > date(day_from, '+400 days');
CREATE INDEX entry_actor_spans_open ON entry_actor_spans (entry_id, actor_id) WHERE valid_to IS NULL;

CREATE TABLE entry_place_spans (
  id         INTEGER PRIMARY KEY,
  place_id   INTEGER NOT NULL,
  entry_id   INTEGER NOT NULL,
  day_from   TEXT NOT NULL,
  day_to     TEXT NOT NULL,
  topic      TEXT NOT NULL,
  event_type TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to   TEXT
) STRICT;
CREATE INDEX entry_place_spans_by_place ON entry_place_spans (place_id, day_from DESC, entry_id DESC, day_to, topic, event_type, valid_from, valid_to);
CREATE INDEX entry_place_spans_spans ON entry_place_spans (place_id, day_to, day_from, entry_id, topic, event_type, valid_from, valid_to)
  WHERE day_to > day_from;
CREATE INDEX entry_place_spans_long_spans ON entry_place_spans (place_id, day_to, day_from, entry_id, topic, event_type, valid_from, valid_to)
  WHERE day_to > date(day_from, '+400 days');
CREATE INDEX entry_place_spans_open ON entry_place_spans (entry_id, place_id) WHERE valid_to IS NULL;

-- What an entry revision says about the spans: whether the entry is live after it, when it was
-- written, and the first and last day its snapshot covers (as src/core/partial-date.ts's
-- firstDay and lastDay compute them, the end date standing in for the start when given).
CREATE VIEW entry_revision_dates AS
SELECT id, entity_id, action, changed_at, snapshot,
       json_extract(snapshot, '$.start.year') AS start_year,
       json_extract(snapshot, '$.start.month') AS start_month,
       json_extract(snapshot, '$.start.day') AS start_day,
       json_extract(snapshot, CASE WHEN json_type(snapshot, '$.end') IS NULL THEN '$.start.year' ELSE '$.end.year' END) AS last_year,
       json_extract(snapshot, CASE WHEN json_type(snapshot, '$.end') IS NULL THEN '$.start.month' ELSE '$.end.month' END) AS last_month,
       json_extract(snapshot, CASE WHEN json_type(snapshot, '$.end') IS NULL THEN '$.start.day' ELSE '$.end.day' END) AS last_day
FROM revisions
WHERE entity = 'entry';

CREATE VIEW entry_revision_keys AS
SELECT id AS revision_id,
       entity_id AS entry_id,
       action <> 'remove' AS live,
       strftime('%Y-%m-%dT%H:%M:%fZ', changed_at) AS at,
       json_extract(snapshot, '$.topic') AS topic,
       json_extract(snapshot, '$.eventType') AS event_type,
       printf('%04d-%02d-%02d', start_year, coalesce(start_month, 1), coalesce(start_day, 1)) AS day_from,
       CASE
         WHEN last_day IS NOT NULL THEN printf('%04d-%02d-%02d', last_year, last_month, last_day)
         WHEN last_month IS NOT NULL THEN date(printf('%04d-%02d-01', last_year, last_month), '+1 month', '-1 day')
         ELSE printf('%04d-12-31', last_year)
       END AS day_to,
       snapshot
FROM entry_revision_dates;

-- Inserting a revision's keys here applies it to the spans: the spans it ends are closed at its
-- instant, and those it starts are opened. Revisions of an entry are applied in order.
CREATE VIEW entry_span_feed AS SELECT * FROM entry_revision_keys WHERE 0;

CREATE TRIGGER entry_span_feed_apply INSTEAD OF INSERT ON entry_span_feed
BEGIN
  UPDATE entry_spans SET valid_to = NEW.at
  WHERE entry_id = NEW.entry_id AND valid_to IS NULL
    AND NOT (NEW.live AND day_from = NEW.day_from AND day_to = NEW.day_to AND topic = NEW.topic AND event_type = NEW.event_type);
  INSERT INTO entry_spans (entry_id, day_from, day_to, topic, event_type, valid_from)
  SELECT NEW.entry_id, NEW.day_from, NEW.day_to, NEW.topic, NEW.event_type, NEW.at
  WHERE NEW.live AND NOT EXISTS (SELECT 1 FROM entry_spans s INDEXED BY entry_spans_open WHERE s.entry_id = NEW.entry_id AND s.valid_to IS NULL);
  INSERT INTO entry_span_months (month, last_day, spans)
  SELECT substr(NEW.at, 1, 7), NEW.day_from,
         (SELECT count(*) FROM entry_spans s INDEXED BY entry_spans_open WHERE s.entry_id = NEW.entry_id AND s.valid_to IS NULL AND s.valid_from = NEW.at)
  WHERE NEW.live
  ON CONFLICT (month) DO UPDATE SET last_day = max(last_day, excluded.last_day), spans = spans + excluded.spans;

  UPDATE entry_actor_spans SET valid_to = NEW.at
  WHERE entry_id = NEW.entry_id AND valid_to IS NULL
    AND NOT (NEW.live AND day_from = NEW.day_from AND day_to = NEW.day_to AND topic = NEW.topic AND event_type = NEW.event_type
             AND actor_id IN (SELECT json_extract(a.value, '$.actorId') FROM json_each(NEW.snapshot, '$.actors') a));
  INSERT INTO entry_actor_spans (actor_id, entry_id, day_from, day_to, topic, event_type, valid_from)
  SELECT DISTINCT json_extract(a.value, '$.actorId'), NEW.entry_id, NEW.day_from, NEW.day_to, NEW.topic, NEW.event_type, NEW.at
  FROM json_each(NEW.snapshot, '$.actors') a
  WHERE NEW.live
    AND NOT EXISTS (SELECT 1 FROM entry_actor_spans s INDEXED BY entry_actor_spans_open
                    WHERE s.entry_id = NEW.entry_id AND s.actor_id = json_extract(a.value, '$.actorId') AND s.valid_to IS NULL);

  -- Snapshots name places as spelled then; places are shared rows found by their folded key.
  UPDATE entry_place_spans SET valid_to = NEW.at
  WHERE entry_id = NEW.entry_id AND valid_to IS NULL
    AND NOT (NEW.live AND day_from = NEW.day_from AND day_to = NEW.day_to AND topic = NEW.topic AND event_type = NEW.event_type
             AND place_id IN (SELECT p.id FROM json_each(NEW.snapshot, '$.places') j JOIN places p ON p.place_key = sitrep_fold_key(j.value)));
  INSERT INTO entry_place_spans (place_id, entry_id, day_from, day_to, topic, event_type, valid_from)
  SELECT DISTINCT p.id, NEW.entry_id, NEW.day_from, NEW.day_to, NEW.topic, NEW.event_type, NEW.at
  FROM json_each(NEW.snapshot, '$.places') j JOIN places p ON p.place_key = sitrep_fold_key(j.value)
  WHERE NEW.live
    AND NOT EXISTS (SELECT 1 FROM entry_place_spans s INDEXED BY entry_place_spans_open WHERE s.entry_id = NEW.entry_id AND s.place_id = p.id AND s.valid_to IS NULL);
END;

-- Snapshots keep the actor ids of their time: an actor filter also finds those merged into it.
CREATE INDEX actors_merged_into ON actors (merged_into_id) WHERE merged_into_id IS NOT NULL;

CREATE TRIGGER revisions_entry_spans AFTER INSERT ON revisions
WHEN NEW.entity = 'entry'
BEGIN
  INSERT INTO entry_span_feed SELECT * FROM entry_revision_keys WHERE revision_id = NEW.id;
END;

-- The revisions already stored, entry by entry in the order they were written.
INSERT INTO entry_span_feed SELECT * FROM entry_revision_keys ORDER BY entry_id, revision_id;

-- Trend calls: an admin's judgement of which way a topic is going, at most one per topic and day
-- (UTC): a second call the same day replaces the first.
CREATE TABLE trend_calls (
  id         INTEGER PRIMARY KEY,
  topic      TEXT NOT NULL REFERENCES topics (slug),
  day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  direction  TEXT NOT NULL CHECK (direction IN ('deteriorated', 'improved', 'unchanged')),
  alert      TEXT CHECK (alert IS NULL OR alert IN ('risk', 'opportunity')),
  note       TEXT NOT NULL,
  made_by    TEXT NOT NULL,
  made_at    TEXT NOT NULL,
  UNIQUE (topic, day)
) STRICT;
