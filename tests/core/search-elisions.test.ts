// French and Italian write an elided word onto the next (`l'hôtel`, `d'Orsay`, `dell'Italia`):
// /search finds the next word by itself, and the whole as typed, in a new store and in one
// indexed before migration 0043; an apostrophe inside a name (`Shara'a`) is still read through.
import { describe, expect, it } from 'vitest';
import { migratingSearchDesk } from '../support/migration-rerun.js';

const { store, reply, addEntry } = migratingSearchDesk('talks');

const PARIS_TALKS = 'Réunion à Paris';
const QUAI_D_ORSAY = "Les ministres se retrouvent à l'hôtel du quai d'Orsay.";

describe('GIVEN an entry whose summary writes elided words (l’hôtel, d’Orsay)', () => {
  it('THEN /search finds it by the word after the elision, with or without its accent', async () => {
    const id = addEntry(PARIS_TALKS, QUAI_D_ORSAY);
    for (const typed of ['hotel', 'hôtel', 'Orsay', 'hôt*']) expect(await reply(`/search ${typed}`)).toContain(`#${id} ${PARIS_TALKS}`);
  });

  it('THEN /search finds it by the elided words as written, straight or curly, and shows them as stored', async () => {
    const id = addEntry(PARIS_TALKS, QUAI_D_ORSAY);
    for (const typed of ["l'hôtel", 'l’hotel', "d'Orsay", "L'Hôt*"]) expect(await reply(`/search ${typed}`)).toContain(`#${id} ${PARIS_TALKS}`);
    expect(await reply('/search Orsay')).toContain("d'⟦Orsay⟧");
  });

  it('THEN an Italian elision is read so too (dell’Italia, un’altra)', async () => {
    const id = addEntry('Incontro a Roma', "Il ministro dell'Interno annuncia un'altra riunione.");
    expect(await reply('/search Interno')).toContain(`#${id} Incontro a Roma`);
    expect(await reply('/search altra')).toContain(`#${id} Incontro a Roma`);
  });

  it("THEN a name with an apostrophe inside (Shara'a, Ba'ath, Qur'an) is still found without it", async () => {
    const id = addEntry("Shara'a meets the Ba'ath old guard", "Readings from the Qur'an opened the session.");
    for (const typed of ['Sharaa', 'Baath', 'Quran']) expect(await reply(`/search ${typed}`)).toContain(`#${id} Shara'a meets`);
  });
});

describe('GIVEN a store indexed before elided words were kept apart (migration 0043)', () => {
  it('THEN its search index is read again: the entry is found by the word after the elision', async () => {
    const id = addEntry(PARIS_TALKS, QUAI_D_ORSAY);
    // As the index held the summary before: the apostrophe dropped, `lhôtel` and `dOrsay` one word.
    store.app.db.prepare('DELETE FROM entry_search WHERE rowid = ?').run(id);
    store.app.db.prepare("INSERT INTO entry_search (rowid, title, summary, places, actors) VALUES (?, ?, ?, '', '')").run(id, PARIS_TALKS, QUAI_D_ORSAY.replaceAll("'", ''));
    expect(await reply('/search Orsay')).not.toContain(`#${id} `);
    store.reopenAfter(43);
    expect(await reply('/search Orsay')).toContain(`#${id} ${PARIS_TALKS}`);
    expect(await reply("/search l'hôtel")).toContain(`#${id} ${PARIS_TALKS}`);
  });
});
