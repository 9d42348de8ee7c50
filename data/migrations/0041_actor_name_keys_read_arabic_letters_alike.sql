-- Actor names are now keyed with the Arabic letters writers put for one another read as one
-- (core/actor-name-key.ts, actorNameKey: ة as ه, ى and the Persian ی as ي, the Persian ک as ك),
-- as /search reads them: `هيئه تحرير الشام` and `نتنیاهو` are the stored names `هيئة تحرير الشام`
-- and `نتنياهو`, found by /actor and refused as new actors. Stored keys are folded already
-- (foldKey), and these letters have no case nor marks, so the key is rewritten letter for letter.
--
-- A key already held by another name of the same actor is left as it was (OR IGNORE): the name
-- typed finds that other row, which stands for the same actor. Two actors whose names now key
-- alike are both kept, as they were, and neither loses a name: each is found by its name typed
-- letter for letter, and a spelling neither has answers with both, to ask which (as after 0036).
-- The trigram index follows by its trigger on name_key; the search index holds names, not keys.
UPDATE OR IGNORE actor_names
SET name_key = replace(replace(replace(replace(name_key, char(1577), char(1607)), char(1609), char(1610)), char(1740), char(1610)), char(1705), char(1603))
WHERE name_key <> replace(replace(replace(replace(name_key, char(1577), char(1607)), char(1609), char(1610)), char(1740), char(1610)), char(1705), char(1603));
