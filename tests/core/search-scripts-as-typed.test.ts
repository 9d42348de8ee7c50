// /search finds Arabic, Hebrew and Persian words as people type them: with the short words Arabic
// and Hebrew write onto a word (بالسويداء, والجيش, בדמשק) or without, with the Persian yeh and
// keheh (نتنیاهو, کرد) or the Arabic letters; and a Maghrebi name with an apostrophe after its first
// letter (M'hamed) with or without it. In a new store and in one indexed before migration 0044.
import { describe, expect, it } from 'vitest';
import { migratingSearchDesk } from '../support/migration-rerun.js';

const { store, reply, addEntry } = migratingSearchDesk('armed-clash');

const NO_RESULTS = 'No results match';

/** Expects each typing to find the entry (by its number and title), and no other entry. */
async function expectFound(typings: readonly string[], id: number, title: string, others: readonly number[] = []) {
  for (const typed of typings) {
    const found = await reply(`/search ${typed}`);
    expect(found, typed).toContain(`#${id} ${title}`);
    for (const other of others) expect(found, typed).not.toContain(`#${other} `);
  }
}

describe('GIVEN Arabic entries writing a word with the article and one-letter words on it, or bare', () => {
  it('THEN a word typed with bi- and the article finds it written with the article, and bare', async () => {
    const withArticle = addEntry('اشتباكات في السويداء');
    const bare = addEntry('هدوء حذر في سويداء');
    await expectFound(['بالسويداء', 'والسويداء', 'للسويداء'], withArticle, 'اشتباكات في السويداء');
    await expectFound(['بالسويداء'], bare, 'هدوء حذر في سويداء');
  });

  it('THEN the article written with wa- finds the word written with the article alone, and the other way', async () => {
    const army = addEntry('انتشار الجيش في درعا');
    const armyAnd = addEntry('انسحاب الأمن والجيش من المدينة');
    await expectFound(['والجيش', 'بالجيش'], army, 'انتشار الجيش في درعا');
    await expectFound(['الجيش', 'جيش'], armyAnd, 'انسحاب الأمن والجيش');
  });

  it('THEN a long word typed with a one-letter word on it finds it bare, and a word typed with one finds it with another', async () => {
    const strike = addEntry('قصف إسرائيلي على دمشق');
    await expectFound(['بدمشق', 'ودمشق'], strike, 'قصف إسرائيلي على دمشق');
  });

  it('THEN a short word typed with one letter on it is searched as typed: ورقة (a paper) is not الرقة (Raqqa)', async () => {
    const raqqa = addEntry('غارات على الرقة');
    const paper = addEntry('قدم الوفد ورقة عمل');
    await expectFound(['ورقة'], paper, 'قدم الوفد ورقة عمل', [raqqa]);
    await expectFound(['بالرقة', 'والرقة'], raqqa, 'غارات على الرقة', [paper]);
  });
});

describe('GIVEN entries written with the Persian yeh and keheh, or with the Arabic letters', () => {
  it('THEN each spelling finds the other, and the snippet shows the letters as stored', async () => {
    const persian = addEntry('دیدار نتنیاهو', 'نتنیاهو با رهبران کرد دیدار کرد');
    const arabic = addEntry('لقاء نتنياهو', 'التقى نتنياهو بقادة الكرد');
    await expectFound(['نتنياهو', 'نتنیاهو'], persian, 'دیدار نتنیاهو');
    await expectFound(['نتنياهو', 'نتنیاهو'], arabic, 'لقاء نتنياهو');
    await expectFound(['كرد', 'کرد'], persian, 'دیدار نتنیاهو');
    expect(await reply('/search كرد')).toContain('رهبران ⟦کرد⟧');
  });

  it('THEN taa marbuta and haa, alef maqsura and yaa, are read as one as in actor names', async () => {
    const hts = addEntry('بيان هيئة تحرير الشام', 'قال مسؤول إن الهجوم على المدينة توقف');
    await expectFound(['هيئه', 'هيئة'], hts, 'بيان هيئة تحرير الشام');
    await expectFound(['علي', 'على'], hts, 'بيان هيئة تحرير الشام');
  });
});

describe('GIVEN Hebrew entries writing a word with a one-letter prefix, or bare', () => {
  it('THEN the word typed bare finds it with the prefix, and typed with a prefix finds it bare or with another', async () => {
    const inDamascus = addEntry('תקיפה בדמשק');
    const damascus = addEntry('שיחות עם דמשק');
    const gaza = addEntry('הפסקת אש בעזה');
    await expectFound(['דמשק', 'ודמשק', 'מדמשק'], inDamascus, 'תקיפה בדמשק');
    await expectFound(['בדמשק', 'ובדמשק', 'לדמשק'], damascus, 'שיחות עם דמשק');
    await expectFound(['עזה', 'מעזה'], gaza, 'הפסקת אש בעזה');
  });

  it('THEN a word that leaves two letters without its first is searched as typed: מים (water) is not ים (the sea)', async () => {
    const sea = addEntry('סיור ימי בלב ים');
    const water = addEntry('מחסור במים');
    await expectFound(['מים'], water, 'מחסור במים', [sea]);
    await expectFound(['ים'], sea, 'סיור ימי בלב ים', [water]);
  });
});

describe('GIVEN an entry naming M’hamed, and one writing French elisions', () => {
  it('THEN /search finds the name with or without its apostrophe', async () => {
    const id = addEntry("M'hamed Ould Salek reçu à Alger");
    await expectFound(['Mhamed', "M'hamed", 'M’Hamed', 'Mham*'], id, "M'hamed Ould Salek");
  });

  it('THEN an elided article or de is still apart before h: l’hôtel is found by hôtel, d’habitants by habitants', async () => {
    const id = addEntry('Évacuation', "Des milliers d'habitants quittent l'hôtel de ville.");
    await expectFound(['hôtel', 'habitants', "l'hôtel"], id, 'Évacuation');
  });

  it('THEN a one-letter elision before a vowel is still apart: n’a and s’est leave the verb searchable', async () => {
    const id = addEntry('Réaction', "Le ministre s'est exprimé; il n'a rien annoncé.");
    await expectFound(['exprimé', 'annoncé'], id, 'Réaction');
  });
});

describe('GIVEN a store indexed before Persian letters, and apostrophes after one letter, were read so (migration 0044)', () => {
  it('THEN its search index is read again: the Persian spelling and M’hamed are found as typed otherwise', async () => {
    const persian = addEntry('دیدار نتنیاهو');
    const name = addEntry("M'hamed reçu à Alger");
    // As the index held them before: the Persian yeh as written, M'hamed as the words m and hamed.
    for (const [id, title] of [[persian, 'دیدار نتنیاهو'], [name, "M'hamed reçu à Alger"]] as const) {
      store.app.db.prepare('DELETE FROM entry_search WHERE rowid = ?').run(id);
      store.app.db.prepare("INSERT INTO entry_search (rowid, title, summary, places, actors) VALUES (?, ?, '', '', '')").run(id, title);
    }
    expect(await reply('/search نتنياهو')).toContain(NO_RESULTS);
    expect(await reply('/search Mhamed')).toContain(NO_RESULTS);
    store.reopenAfter(44);
    await expectFound(['نتنياهو', 'نتنیاهو'], persian, 'دیدار نتنیاهو');
    await expectFound(['Mhamed', "M'hamed"], name, "M'hamed reçu à Alger");
  });
});
