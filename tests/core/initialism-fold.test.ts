// Names typed with or without the dots of an initialism (`U.S.`, `US`) are the same name, in a
// new store and in one made before migration 0008 re-keyed names and places and rebuilt the
// search index.
import { describe, expect, it } from 'vitest';
import { migratingSearchDesk } from '../support/migration-rerun.js';

const { store, reply, addEntry, stamp } = migratingSearchDesk('statement', { start: { year: 2025, month: 8 }, outlet: 'Wire' });

const addActor = (name: string, alias: string, aliasKey: string): number => {
  const id = Number(
    store.app.db
      .prepare("INSERT INTO actors (name, kind, created_at, created_by, updated_at, updated_by) VALUES (?, 'other', ?, ?, ?, ?)")
      .run(name, stamp.at, stamp.by, stamp.at, stamp.by).lastInsertRowid,
  );
  const addName = store.app.db.prepare('INSERT INTO actor_names (actor_id, name, name_key, is_primary) VALUES (?, ?, ?, ?)');
  addName.run(id, name, name.toLowerCase(), 1);
  addName.run(id, alias, aliasKey, 0);
  return id;
};

/**
 * Runs migration 0008 again, as on a store a Sitrep before it left keyed the old way, and opens
 * the store again. Only 0008: later migrations (new tables, new columns) cannot run twice.
 */
const reopenFromVersion7 = () => {
  store.reopenAfter(8);
};

describe('GIVEN an actor whose alias is an initialism', () => {
  it('WHEN it is typed with dots THEN /actor finds it, as autocomplete and "closest names" do', async () => {
    // The seed's United States has the aliases US and USA.
    expect(await reply('/actor U.S.')).toContain('United States\n  Kind           state');
    expect(await reply('/actor u.s.a.')).toContain('United States\n  Kind           state');
    expect(store.app.dossier.suggest('actor', 'U.S.', 5)).toContain('United States');
    // Not a name, but one letter away from "US" once folded alike (`u s s` was 3 edits away).
    expect(await reply('/actor U.S.S.')).toContain('Closest known names: US');
  });
});

describe('GIVEN a store keyed before dotted initialisms were folded as one word (migration 0008)', () => {
  it('THEN an alias typed with dots is re-keyed, and either spelling finds its actor', async () => {
    const unitedStates = store.app.dossier.actorsNamed('United States')[0]!.id;
    store.app.db.prepare("INSERT INTO actor_names (actor_id, name, name_key, is_primary) VALUES (?, 'U.S.', 'u s', 0)").run(unitedStates);
    addActor('Ulster Kings', 'U.K.', 'u k');
    reopenFromVersion7();
    expect(await reply('/actor U.S.')).toContain('United States\n  Kind           state');
    expect(await reply('/actor US')).toContain('United States\n  Kind           state');
    expect(await reply('/actor UK')).toContain('Ulster Kings\n  Kind           other');
  });

  it('WHEN two actors are now named alike THEN each name typed as written finds its actor, and another spelling says which ones it matches', async () => {
    addActor('Ulster Kings', 'U.K.', 'u k');
    addActor('United Kingdom', 'UK', 'uk');
    reopenFromVersion7();
    expect(await reply('/actor U.K.')).toContain('Ulster Kings\n  Kind           other');
    expect(await reply('/actor UK')).toContain('United Kingdom\n  Kind           other');
    const text = await reply('/actor u.k');
    expect(text).toContain('Several actors match “u.k”');
    expect(text).toContain('Ulster Kings (other)');
    expect(text).toContain('United Kingdom (other)');
  });

  it('WHEN two places are now named alike THEN they become one, and a place filter finds the entries of both', async () => {
    const spelledUK = addEntry('Envoy lands at Northolt', '', ['UK']);
    const spelledDotted = addEntry('Talks move to Lancaster House', '', ['London']);
    const oldPlace = Number(store.app.db.prepare("INSERT INTO places (name, place_key) VALUES ('U.K.', 'u k')").run().lastInsertRowid);
    const link = store.app.db.prepare('INSERT INTO entry_places (entry_id, place_id, position) VALUES (?, ?, ?)');
    link.run(spelledDotted, oldPlace, 1);
    link.run(spelledUK, oldPlace, 1); // linked to both spellings: keeps one link
    reopenFromVersion7();
    const timeline = await reply('/timeline place:U.K.');
    expect(timeline).toMatch(/Showing 1 to 2 of 2 entries|Showing 2 of 2 entries/);
    expect(timeline).toContain('Envoy lands at Northolt');
    expect(timeline).toContain('Talks move to Lancaster House');
    expect(await reply(`/entry show ${spelledDotted}`)).toMatch(/Places\s+London, UK/);
    expect(await reply(`/entry show ${spelledUK}`)).toMatch(/Places\s+UK\n/);
  });

  it('THEN the search index is rebuilt: a stored word with harakat is found without them, and shown with them', async () => {
    const id = addEntry('وصول أَحْمَد الشَّرْع إلى دمشق');
    // As the index held it before: the text as written, which the tokenizer cut at each mark.
    store.app.db.prepare('DELETE FROM entry_search WHERE rowid = ?').run(id);
    store.app.db.prepare("INSERT INTO entry_search (rowid, title, summary, places, actors) VALUES (?, 'وصول أَحْمَد الشَّرْع إلى دمشق', '', '', '')").run(id);
    expect(await reply('/search احمد')).toContain('No results match');
    reopenFromVersion7();
    const found = await reply('/search احمد');
    expect(found).toContain(`#${id} وصول أَحْمَد الشَّرْع إلى دمشق`);
    expect(found).toContain('⟦أَحْمَد⟧');
  });
});

