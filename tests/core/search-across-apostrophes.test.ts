// Transliterations write a name with an apostrophe or leave it out (Shara'a and Sharaa, Ba'ath and
// Baath, Qur'an and Quran): /search finds either spelling by the other, whole or as a prefix, in a
// new store and in one indexed before migration 0040. The possessive `'s` still finds the name.
import { describe, expect, it } from 'vitest';
import { migratingSearchDesk } from '../support/migration-rerun.js';

const { store, reply, addEntry } = migratingSearchDesk('armed-clash');

describe('GIVEN an entry written with an apostrophe inside a name', () => {
  it('THEN /search finds it by the name written without, and shows the name as stored', async () => {
    const straight = addEntry("Shara'a meets envoys");
    const curly = addEntry('Shara’a visits Baku');
    const found = await reply('/search Sharaa');
    expect(found).toContain(`#${straight} Shara'a meets envoys`);
    expect(found).toContain(`#${curly} Shara’a visits Baku`);
    expect(found).toContain("⟦Shara'a⟧");
  });

  it('THEN /search finds it by the start of the word, typed with or without the apostrophe', async () => {
    const id = addEntry("Qur'anic schools reopen");
    expect(await reply('/search Quran*')).toContain(`#${id} Qur'anic schools reopen`);
    expect(await reply("/search Qur'a*")).toContain(`#${id} Qur'anic schools reopen`);
  });

  it('THEN a word of the summary is found so too (Ba’ath, Qur’an)', async () => {
    const id = addEntry('Party congress', "The Ba'ath party's old guard quoted the Qur’an.");
    expect(await reply('/search Baath')).toContain(`#${id} Party congress`);
    expect(await reply('/search Quran')).toContain(`#${id} Party congress`);
  });
});

describe('GIVEN an entry naming Sharaa without an apostrophe', () => {
  it('THEN /search finds it by the name typed with one, straight, curly or as a modifier letter', async () => {
    const id = addEntry('Sharaa meets envoys');
    for (const typed of ["Shara'a", 'Shara’a', 'Sharaʼa']) {
      expect(await reply(`/search ${typed}`)).toContain(`#${id} Sharaa meets envoys`);
    }
    expect(await reply("/search Shar'a*")).toContain(`#${id} Sharaa meets envoys`);
  });
});

describe('GIVEN entries naming Assad with and without the possessive', () => {
  it("THEN /search Assad finds “Assad's”, and /search Assad's finds “Assad”", async () => {
    const possessive = addEntry("Assad's forces withdraw");
    const plain = addEntry('Assad meets envoys');
    const byName = await reply('/search Assad');
    expect(byName).toContain(`#${possessive} Assad's forces withdraw`);
    expect(byName).toContain(`#${plain} Assad meets envoys`);
    const byPossessive = await reply("/search Assad's");
    expect(byPossessive).toContain(`#${possessive} Assad's forces withdraw`);
    expect(byPossessive).toContain(`#${plain} Assad meets envoys`);
  });
});

describe('GIVEN a store indexed before apostrophes inside words were dropped (migration 0040)', () => {
  it('THEN its search index is read again: the entry is found by the name without the apostrophe', async () => {
    const id = addEntry("Shara'a meets envoys");
    // As the index held the title before: as written, which the tokenizer cut at the apostrophe.
    store.app.db.prepare('DELETE FROM entry_search WHERE rowid = ?').run(id);
    store.app.db.prepare("INSERT INTO entry_search (rowid, title, summary, places, actors) VALUES (?, ?, '', '', '')").run(id, "Shara'a meets envoys");
    expect(await reply('/search Sharaa')).not.toContain(`#${id} `);
    store.reopenAfter(40);
    expect(await reply('/search Sharaa')).toContain(`#${id} Shara'a meets envoys`);
  });
});
