-- Analyst-grade entries: fatality figures (UCDP's low ≤ best ≤ high, with who gives them), claims
-- (an actor claims, denies, confirms or disputes an entry, when and through which source) and
-- Admiralty grades on sources (reliability A–F, credibility 1–6: `B2`). All three are part of an
-- entry's state, so its revisions snapshot them and /entry undo takes them back like any field.
-- Then the seed dossier, where a store still holds it as first seeded, is corrected to its
-- article (second part below).

ALTER TABLE sources ADD COLUMN grade TEXT CHECK (grade IS NULL OR grade GLOB '[A-F][1-6]');

CREATE TABLE entry_fatalities (
  entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
  low      INTEGER CHECK (low IS NULL OR low BETWEEN 0 AND best),
  best     INTEGER NOT NULL CHECK (best >= 0),
  high     INTEGER CHECK (high IS NULL OR high >= best),
  source   TEXT NOT NULL
) STRICT;

CREATE TABLE entry_claims (
  entry_id    INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  -- The actor of its time: one merged since is shown as the actor it went into (and again as
  -- itself once unmerged), as snapshots keep actor ids.
  actor_id    INTEGER NOT NULL REFERENCES actors (id),
  stance      TEXT NOT NULL CHECK (stance IN ('claims', 'denies', 'confirms', 'disputes')),
  -- When the actor took that stance: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
  claimed_on  TEXT NOT NULL,
  outlet      TEXT NOT NULL,
  url         TEXT CHECK (url IS NULL OR url GLOB 'http://*' OR url GLOB 'https://*'),
  attribution TEXT,
  grade       TEXT CHECK (grade IS NULL OR grade GLOB '[A-F][1-6]'),
  note        TEXT,
  PRIMARY KEY (entry_id, position)
) STRICT, WITHOUT ROWID;
-- An actor's claims, latest first (/actor).
CREATE INDEX entry_claims_by_actor ON entry_claims (actor_id, claimed_on DESC, entry_id);

-- Part 2. The seed dossier (data/seed, applied once to a new store) said more than its article
-- in places: a forecast recorded as talks held, a visit typed as talks and confirmed, dates and
-- places the article does not give, an ongoing incursion given an end, stated motives confirmed,
-- a host role, and two aliases ("Damascus" on Syria, "Assad al-Shaibani") that made searches
-- find entries through them. The seed file is corrected for new stores; here a store seeded from
-- the earlier file gets the same corrections, each entry as one 'edit' revision by `migration`
-- with the reason, so /entry history shows it and /entry undo takes it back. An entry an admin
-- has changed since (or removed) is left as they left it; so is an actor no longer as seeded.

-- The seeded entries still as first written, by their number in the seed file.
CREATE TEMP TABLE seed_fix AS
WITH fix (n, title, fields, reason) AS (VALUES
  (4, 'Overthrow of Bashar al-Assad', '["places","summary"]', 'the report names no place for the overthrow'),
  (7, 'Deeper Israeli incursions into southern Syria', '["end","summary","tags"]', 'the report describes the incursions as ongoing: no end'),
  (8, 'Damascus acknowledges indirect contacts with Israel on the 1974 agreement', '["end","places","start","summary","tags"]',
      'the report says only “previously”, and “Damascus” means the government: the date marked as inferred, no place'),
  (9, 'Sectarian violence in southern Syria', '["actors","places","summary","tags"]', 'the report says neither that the violence centred on Sweida nor when: inferences marked'),
  (10, 'Israeli strikes in Damascus and Sweida province', '["claims","sources","summary"]', 'Israel''s stated motives are its claim, not confirmed fact'),
  (11, 'al-Sharaa visits Azerbaijan', '["confidence","eventType","summary","tags"]',
      'a visit, not talks, and reported once: type other, confidence reported; its date and place inferred from the Baku meeting'),
  (12, 'Syrian and Israeli officials meet in Baku', '["actors","sources"]', 'the report does not say Azerbaijan hosted the meeting; source graded'),
  (13, 'Diplomat: Barrack to facilitate al-Shaibani–Dermer talks', '["actors","eventType","places","sources","summary","tags"]',
      'a forecast (“would facilitate”), not talks held in Paris: a statement, with no place'),
  (14, 'Barrack says he held talks with Syrian and Israeli officials in Paris', '["sources"]', 'source graded'),
  (15, 'US-mediated Syria–Israel talks in Paris', '["claims","sources","summary","tags"]',
      'Barrack''s and the Syrian source''s confirmations recorded as claims, sources graded, the date marked as inferred'),
  (16, 'Syrian source confirms Paris talks with Israeli officials', '["sources"]', 'source graded'),
  (17, 'Syria: unity and sovereignty are non-negotiable', '["sources","start","summary","tags"]',
      'attributed to “the Syrian side”, as the report does, which dates it nowhere: the date marked as inferred; source graded')
)
SELECT fix.n, e.id, fix.fields, 'seed dossier corrected to its article: ' || fix.reason AS reason
FROM fix JOIN entries e ON e.title = fix.title AND e.topic = 'syria-israel' AND e.created_by = 'seed' AND e.updated_by = 'seed' AND e.deleted_at IS NULL
WHERE EXISTS (SELECT 1 FROM seed_runs WHERE name = '000_syria-israel-paris-talks');

CREATE TEMP TABLE seed_actor (name TEXT PRIMARY KEY, id INTEGER);
INSERT INTO seed_actor SELECT name, id FROM actors WHERE created_by = 'seed'
  AND name IN ('Syria', 'Israel', 'United States', 'Azerbaijan', 'Druze community of Syria', 'Tom Barrack', 'Asaad al-Shaibani', 'Ron Dermer');

-- Place and actor links dropped where the article does not support them.
DELETE FROM entry_places WHERE entry_id = (SELECT id FROM seed_fix WHERE n = 4) AND place_id = (SELECT id FROM places WHERE place_key = sitrep_fold_key('Damascus'));
DELETE FROM entry_places WHERE entry_id = (SELECT id FROM seed_fix WHERE n = 8);
DELETE FROM entry_places WHERE entry_id = (SELECT id FROM seed_fix WHERE n = 9) AND place_id = (SELECT id FROM places WHERE place_key = sitrep_fold_key('Sweida province'));
DELETE FROM entry_places WHERE entry_id = (SELECT id FROM seed_fix WHERE n = 13);
DELETE FROM entry_actors WHERE entry_id = (SELECT id FROM seed_fix WHERE n = 9);
DELETE FROM entry_actors WHERE entry_id = (SELECT id FROM seed_fix WHERE n = 12) AND actor_id = (SELECT id FROM seed_actor WHERE name = 'Azerbaijan');
DELETE FROM entry_actors WHERE entry_id = (SELECT id FROM seed_fix WHERE n = 13) AND actor_id = (SELECT id FROM seed_actor WHERE name = 'United States');
UPDATE entry_actors SET role = 'subject' WHERE entry_id = (SELECT id FROM seed_fix WHERE n = 13) AND role IN ('mediator', 'participant');

-- Tags: `ongoing` and `inferred` added, the ones resting on what the article does not say dropped.
DELETE FROM entry_tags WHERE (entry_id, tag) IN (
  SELECT id, tag FROM seed_fix JOIN (SELECT 9 AS n, 'sweida' AS tag) USING (n));
INSERT INTO entry_tags (entry_id, tag)
SELECT id, tag FROM seed_fix JOIN (SELECT 7 AS n, 'ongoing' AS tag UNION ALL SELECT 8, 'inferred' UNION ALL SELECT 9, 'inferred'
  UNION ALL SELECT 11, 'inferred' UNION ALL SELECT 13, 'inferred' UNION ALL SELECT 15, 'inferred' UNION ALL SELECT 17, 'inferred') USING (n);

-- Sources: attributions as the article gives them, and Admiralty grades where it attributes a statement.
UPDATE sources SET attribution = 'Stated by the outlet' WHERE position = 0 AND entry_id = (SELECT id FROM seed_fix WHERE n = 10);
UPDATE sources SET grade = 'F3' WHERE position = 0 AND entry_id = (SELECT id FROM seed_fix WHERE n = 12);
UPDATE sources SET grade = 'F3' WHERE position = 0 AND entry_id = (SELECT id FROM seed_fix WHERE n = 13);
UPDATE sources SET grade = 'B1' WHERE position = 0 AND entry_id = (SELECT id FROM seed_fix WHERE n = 14);
UPDATE sources SET grade = CASE position WHEN 0 THEN 'F2' ELSE 'B1' END WHERE entry_id = (SELECT id FROM seed_fix WHERE n = 15);
UPDATE sources SET grade = 'F1' WHERE position = 0 AND entry_id = (SELECT id FROM seed_fix WHERE n = 16);
UPDATE sources SET outlet = 'News report, 26 Jul 2025', attribution = 'The Syrian side, as reported by the outlet', grade = 'F6'
  WHERE position = 0 AND entry_id = (SELECT id FROM seed_fix WHERE n = 17);

-- Statements the article attributes, as claims.
INSERT INTO entry_claims (entry_id, position, actor_id, stance, claimed_on, outlet, url, attribution, grade, note)
SELECT f.id, c.position, a.id, c.stance, c.claimed_on, c.outlet, NULL, c.attribution, c.grade, c.note
FROM (SELECT 10 AS n, 0 AS position, 'Israel' AS actor, 'claims' AS stance, '2025-07' AS claimed_on, 'News report, 26 Jul 2025' AS outlet,
             'Israel, as reported by the outlet' AS attribution, NULL AS grade,
             'Its actions were both in support of the Druze minority and to enforce demands for a demilitarised southern Syria.' AS note
      UNION ALL SELECT 15, 0, 'Tom Barrack', 'confirms', '2025-07-24', 'News report, 26 Jul 2025',
             'Tom Barrack, US special envoy for Syria, on the record (Thursday)', 'B1', 'He held discussions with unspecified Syrian and Israeli officials in Paris.'
      UNION ALL SELECT 15, 1, 'Syria', 'confirms', '2025-07-26', 'Syrian state television',
             'Syrian diplomatic source, to state television', 'F1', 'The talks took place, aimed at “containing the escalation”.') c
JOIN seed_fix f ON f.n = c.n JOIN seed_actor a ON a.name = c.actor;

-- The entries' own fields. Dates keep their stored shape: day_from and day_to follow them, and the
-- link tables' copies follow those by trigger.
UPDATE entries SET summary = 'Longtime Syrian ruler Bashar al-Assad is overthrown in December; the report calls what followed the new Islamist-led administration.'
  WHERE id = (SELECT id FROM seed_fix WHERE n = 4);
UPDATE entries SET summary = 'Since deploying into the buffer zone, Israel has made deeper incursions into southern Syria, demanding complete demilitarisation of the area; they go on at the time of the report (26 July 2025). The Syrian diplomatic source speaks of an escalation ongoing since early December.',
  ends_on = NULL, ends_precision = NULL, day_to = '2024-12-31'
  WHERE id = (SELECT id FROM seed_fix WHERE n = 7);
UPDATE entries SET summary = 'Damascus has previously acknowledged indirect contacts with Israel regarding a return to the 1974 disengagement agreement that established the buffer zone. Inferred: the date. The report says only “previously”; a return to the agreement is at issue since Israel moved into the buffer zone in December 2024, so the entry spans December 2024 to July 2025. “Damascus” is the Syrian government: no place is given.',
  occurred_on = '2024-12', occurred_precision = 'month', ends_on = '2025-07', ends_precision = 'month', day_from = '2024-12-01', day_to = '2025-07-31'
  WHERE id = (SELECT id FROM seed_fix WHERE n = 8);
UPDATE entries SET summary = 'Recent sectarian violence in southern Syria preceded the Israeli intervention and the Paris talks. Inferred: the date (the report says only “recent”; July 2025 is the month of the Israeli strikes that followed it) and the type (the report says “sectarian violence”).'
  WHERE id = (SELECT id FROM seed_fix WHERE n = 9);
UPDATE entries SET summary = 'Israel initiated strikes this month in Damascus and the Druze-majority Sweida province. Its stated reasons are Israel''s claim, recorded as such.'
  WHERE id = (SELECT id FROM seed_fix WHERE n = 10);
UPDATE entries SET summary = 'Syria''s interim President Ahmed al-Sharaa visits Azerbaijan. Inferred: the date and the place, those of the Baku meeting the visit coincided with.',
  event_type = 'other', confidence = 'reported'
  WHERE id = (SELECT id FROM seed_fix WHERE n = 11);
UPDATE entries SET summary = 'A senior diplomat had earlier told AFP that US special envoy Tom Barrack would facilitate talks between Syrian Foreign Minister Asaad al-Shaibani and Israeli Strategic Affairs Minister Ron Dermer: a forecast, not talks that took place, and the report does not say where. Inferred: the date, July 2025, “earlier” than the report.',
  event_type = 'statement'
  WHERE id = (SELECT id FROM seed_fix WHERE n = 13);
UPDATE entries SET summary = summary || ' Inferred: the date, July 2025; the report says only that the talks had taken place when Barrack spoke of them on Thursday 24 July.'
  WHERE id = (SELECT id FROM seed_fix WHERE n = 15);
UPDATE entries SET summary = 'The Syrian side emphasised that the country''s unity and sovereignty are non-negotiable: “Sweida and its people are an integral part of the Syrian state.” Inferred: the date, July 2025; the report gives none, and reports the words with the meetings planned after Paris.',
  occurred_on = '2025-07', occurred_precision = 'month', day_from = '2025-07-01', day_to = '2025-07-31'
  WHERE id = (SELECT id FROM seed_fix WHERE n = 17);
UPDATE entries SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), updated_by = 'migration' WHERE id IN (SELECT id FROM seed_fix);

-- Each corrected entry's revision holds its whole state, as src/store/entry-state.ts reads it
-- (same keys, same order inside each value, so an undo compares it field by field).
CREATE TEMP TABLE entry_snapshot AS
SELECT e.id AS entry_id, json_patch(
  json_object(
    'topic', e.topic, 'title', e.title, 'summary', e.summary, 'eventType', e.event_type,
    'start', json_patch(json_object('year', CAST(substr(e.occurred_on, 1, 4) AS INTEGER)),
      json_object('month', CASE WHEN length(e.occurred_on) >= 7 THEN CAST(substr(e.occurred_on, 6, 2) AS INTEGER) END,
                  'day', CASE WHEN length(e.occurred_on) = 10 THEN CAST(substr(e.occurred_on, 9, 2) AS INTEGER) END)),
    'confidence', e.confidence,
    'places', json((SELECT json_group_array(name) FROM (SELECT p.name FROM entry_places ep JOIN places p ON p.id = ep.place_id WHERE ep.entry_id = e.id ORDER BY ep.position))),
    'actors', json((SELECT json_group_array(json_object('actorId', actor_id, 'role', role)) FROM (SELECT actor_id, role FROM entry_actors WHERE entry_id = e.id ORDER BY position))),
    'sources', json((SELECT json_group_array(json_patch(json_object('outlet', outlet), json_object('url', url, 'attribution', attribution, 'published', published_on, 'grade', grade)))
      FROM (SELECT * FROM sources WHERE entry_id = e.id ORDER BY position))),
    'tags', json((SELECT json_group_array(tag) FROM (SELECT tag FROM entry_tags WHERE entry_id = e.id ORDER BY tag)))
  ),
  json_object(
    'end', json(CASE WHEN e.ends_on IS NOT NULL THEN json_patch(json_object('year', CAST(substr(e.ends_on, 1, 4) AS INTEGER)),
      json_object('month', CASE WHEN length(e.ends_on) >= 7 THEN CAST(substr(e.ends_on, 6, 2) AS INTEGER) END,
                  'day', CASE WHEN length(e.ends_on) = 10 THEN CAST(substr(e.ends_on, 9, 2) AS INTEGER) END)) END),
    'fatalities', json((SELECT json_patch(json_object(), json_object('low', low, 'best', best, 'high', high, 'source', source)) FROM entry_fatalities WHERE entry_id = e.id)),
    'claims', json((SELECT json_group_array(json_patch(
        json_object('actorId', actor_id, 'stance', stance,
          'date', json_patch(json_object('year', CAST(substr(claimed_on, 1, 4) AS INTEGER)),
            json_object('month', CASE WHEN length(claimed_on) >= 7 THEN CAST(substr(claimed_on, 6, 2) AS INTEGER) END,
                        'day', CASE WHEN length(claimed_on) = 10 THEN CAST(substr(claimed_on, 9, 2) AS INTEGER) END)),
          'source', json_patch(json_object('outlet', outlet), json_object('url', url, 'attribution', attribution, 'grade', grade))),
        json_object('note', note)))
      FROM (SELECT * FROM entry_claims WHERE entry_id = e.id ORDER BY position)
      WHERE EXISTS (SELECT 1 FROM entry_claims WHERE entry_id = e.id)))
  )
) AS snapshot
FROM entries e WHERE e.id IN (SELECT id FROM seed_fix);

INSERT INTO revisions (entity, entity_id, action, snapshot, reason, changed_fields, changed_by, changed_at)
SELECT 'entry', f.id, 'edit', s.snapshot, f.reason, f.fields, 'migration', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM seed_fix f JOIN entry_snapshot s ON s.entry_id = f.id ORDER BY f.n;

-- The two aliases, each removal an actor revision holding the actor's state as actor-writes reads it.
CREATE TEMP TABLE alias_fix AS
WITH fix (actor, alias, reason) AS (VALUES
  ('Syria', 'Damascus', 'alias “Damascus” removed: the report uses it for the government, and /search Damascus found every Syria entry through it'),
  ('Asaad al-Shaibani', 'Assad al-Shaibani', 'alias “Assad al-Shaibani” removed: a spelling the report does not use, through which /search Assad found him')
)
SELECT a.id AS actor_id, n.name_key, 'seed dossier corrected to its article: ' || fix.reason AS reason
FROM fix
JOIN actors a ON a.name = fix.actor AND a.created_by = 'seed' AND a.merged_into_id IS NULL
JOIN actor_names n ON n.actor_id = a.id AND n.name_key = sitrep_fold_key(fix.alias) AND n.is_primary = 0
WHERE EXISTS (SELECT 1 FROM seed_runs WHERE name = '000_syria-israel-paris-talks');

-- The search index follows by the actor_names triggers.
DELETE FROM actor_names WHERE (actor_id, name_key) IN (SELECT actor_id, name_key FROM alias_fix);
UPDATE actors SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), updated_by = 'migration' WHERE id IN (SELECT actor_id FROM alias_fix);

INSERT INTO revisions (entity, entity_id, action, snapshot, reason, changed_fields, changed_by, changed_at)
SELECT 'actor', a.id, 'edit',
  json_patch(
    json_object('name', a.name, 'kind', a.kind,
      'aliases', json((SELECT json_group_array(name) FROM (SELECT name FROM actor_names WHERE actor_id = a.id AND is_primary = 0 ORDER BY name)))),
    json_object('title', a.title, 'affiliationId', a.affiliation_id)),
  f.reason, '["aliases"]', 'migration', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM alias_fix f JOIN actors a ON a.id = f.actor_id ORDER BY a.id;

DROP TABLE seed_fix;
DROP TABLE seed_actor;
DROP TABLE entry_snapshot;
DROP TABLE alias_fix;
