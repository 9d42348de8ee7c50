// A name or word holding a character that shows nothing — a soft hyphen pasted from a web page,
// a zero-width space, a direction mark — is the same name or word without it, in a new store and
// in one keyed before migration 0035.
import { describe, expect, it } from 'vitest';
import { migratingSearchDesk } from '../support/migration-rerun.js';

const SOFT_HYPHEN = '\u00ad';
const { store, reply, addEntry } = migratingSearchDesk('shelling', { start: { year: 2025, month: 7, day: 20 }, outlet: 'Wire' });

/** Runs migration 0035 again, as on a store keyed before it, and opens the store again. */
const reopenFromVersion34 = () => {
  store.reopenAfter(35);
};

describe('GIVEN a place and a title written with a soft hyphen inside a word', () => {
  it('THEN the place filter and search find them by the word as typed without it, and show them as stored', async () => {
    const id = addEntry(`Shelling near Quneit${SOFT_HYPHEN}ra`, '', [`Quneit${SOFT_HYPHEN}ra`]);
    const timeline = await reply('/timeline place:Quneitra');
    expect(timeline).toContain(`#${id} Shelling near Quneit${SOFT_HYPHEN}ra`);
    const found = await reply('/search Quneitra');
    expect(found).toContain(`#${id} Shelling near`);
    expect(found).toContain(`⟦Quneit${SOFT_HYPHEN}ra⟧`);
  });

  it('WHEN a known name is typed with one, or with a zero-width space or a direction mark THEN it finds its actor', async () => {
    for (const typed of [`Bar${SOFT_HYPHEN}rack`, '"Bar\u200brack"', 'Barrack\u200f']) {
      expect(await reply(`/actor ${typed}`)).toContain('Tom Barrack\n  Kind           person');
    }
  });
});

describe('GIVEN a store keyed before invisible characters were dropped (migration 0035)', () => {
  it('THEN its place, actor name and search index are read again: each is found by the word without them', async () => {
    const id = addEntry(`Shelling near Quneit${SOFT_HYPHEN}ra`);
    const place = Number(store.app.db.prepare("INSERT INTO places (name, place_key) VALUES (?, 'quneit ra')").run(`Quneit${SOFT_HYPHEN}ra`).lastInsertRowid);
    store.app.db.prepare('INSERT INTO entry_places (entry_id, place_id, position) VALUES (?, ?, 1)').run(id, place);
    const barrack = store.app.dossier.actorsNamed('Tom Barrack')[0]!.id;
    store.app.db.prepare("INSERT INTO actor_names (actor_id, name, name_key, is_primary) VALUES (?, ?, 'the am bassador', 0)").run(barrack, `The Am${SOFT_HYPHEN}bassador`);
    // As the index held the title before: as written, which the tokenizer cut at the soft hyphen.
    store.app.db.prepare('DELETE FROM entry_search WHERE rowid = ?').run(id);
    store.app.db.prepare('INSERT INTO entry_search (rowid, title, summary, places, actors) VALUES (?, ?, \'\', ?, \'\')').run(id, `Shelling near Quneit${SOFT_HYPHEN}ra`, `Quneit${SOFT_HYPHEN}ra`);
    expect(await reply('/search Quneitra')).toContain('No results match');
    expect(await reply('/actor The Ambassador')).toContain('No actor is called `The Ambassador`');
    reopenFromVersion34();
    expect(await reply('/timeline place:Quneitra')).toContain(`#${id} Shelling near Quneit${SOFT_HYPHEN}ra`);
    expect(await reply('/search Quneitra')).toContain(`#${id} Shelling near`);
    expect(await reply('/actor The Ambassador')).toContain('Tom Barrack\n  Kind           person');
  });
});
