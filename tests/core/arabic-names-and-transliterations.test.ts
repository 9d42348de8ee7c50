// Names as Arabic and its transliterations write them: with a tatweel stretching a word, with or
// without the article (and the one-letter words written onto it), with an apostrophe or ʿayn
// sign, with the article as it is heard (el-, ash-); SANA's spelling of Syria; and the cities
// GeoNames names in French and German (Genève, Luzern) that English news calls Geneva and Lucerne.
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Caller } from '../../src/core/caller.js';
import type { EntryInput } from '../../src/core/domain.js';
import { migratingApp } from '../support/migration-rerun.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'discord', userId: '1', workspaceId: 'g1', channelId: 'c1' };
const stamp = { by: 'console:tester', at: '2026-01-01T00:00:00.000Z' };
const TATWEEL = '\u0640';

const store = migratingApp('discord:1');

const reply = async (text: string, on: App = store.current()) => viewText(await on.dispatcher.runText(text, admin));

const addEntry = (title: string, places: string[] = [], summary = '') => {
  const entry: EntryInput = {
    title, summary, eventType: 'armed-clash', topic: 'syria-israel', start: { year: 2025, month: 7, day: 14 },
    places, actors: [], sources: [{ outlet: 'AFP' }], confidence: 'reported', tags: [],
  };
  return store.app.services.editor.addEntry(entry, stamp);
};

describe('GIVEN a name typed with a tatweel stretching a word', () => {
  it('THEN the actor, the place filter and /place find it as written without', async () => {
    expect(await reply(`/actor إسرائي${TATWEEL}ل`)).toMatch(/^Israel\n {2}Kind +state/);
    expect(await reply(`/timeline place:دم${TATWEEL}شق limit:1`)).toContain('Timeline — place');
    expect(await reply(`/place دم${TATWEEL}شق`)).toMatch(/^Damascus\n/);
  });

  it('WHEN it is added as an alias beside the name written without THEN it is refused as that name', async () => {
    expect(await reply('/actors alias name:Israel add:إسرائيل')).toContain('Added alias “إسرائيل”');
    expect(await reply(`/actors alias name:Israel add:إسرائي${TATWEEL}ل`)).toContain('is already a name of this actor');
  });
});

describe('GIVEN Syria named as SANA names it', () => {
  it('THEN /actor and the actor filter find the state by سورية and by its official name', async () => {
    expect(await reply('/actor سورية')).toMatch(/^Syria\n {2}Kind +state/);
    expect(await reply('/timeline actor:سورية limit:1')).toContain('Timeline — actor Syria');
    expect(await reply('/timeline actor:"الجمهورية العربية السورية" limit:1')).toContain('Timeline — actor Syria');
  });

  it('THEN /place and the place filter find the country by سورية, and by the press names of others (أمريكا, États-Unis)', async () => {
    expect(await reply('/place سورية')).toMatch(/^Syria\n {2}Precision +country/);
    // The country's entries, as /timeline place:Syria lists them (the reply repeats the name typed).
    expect((await reply('/timeline place:سورية limit:1')).replaceAll('سورية', 'Syria')).toBe(await reply('/timeline place:Syria limit:1'));
    expect(await reply('/place أمريكا')).toMatch(/^United States/);
    expect(await reply('/place "États-Unis"')).toMatch(/^United States/);
  });
});

describe('GIVEN Geneva and Lucerne, cities sharing their canton’s English name', () => {
  it('THEN /place takes the city, as a seat sharing its region’s name is taken', async () => {
    const geneva = await reply('/place Geneva');
    expect(geneva).toMatch(/^Genève\n {2}Precision +locality/);
    expect(geneva).toMatch(/Region +Geneva/);
    expect(await reply('/place Lucerne')).toMatch(/^Luzern\n {2}Precision +locality/);
  });
});

describe('GIVEN entries written in Arabic with the article and clitics on their words', () => {
  it('THEN the place filter finds a place stored with its article by the name without it', async () => {
    const id = addEntry('اشتباكات في السويداء بين الدروز والعشائر', ['السويداء']);
    expect(await reply('/timeline place:سويداء limit:1')).toContain(`#${id} اشتباكات في السويداء`);
  });

  it('THEN /search finds a word with or without the article, and after a one-letter word', async () => {
    const clash = addEntry('اشتباكات في السويداء بين الدروز والعشائر', ['السويداء']);
    const strike = addEntry('قصف إسرائيلي بدمشق');
    expect(await reply('/search دروز')).toContain(`#${clash} `);
    expect(await reply('/search سويداء')).toContain(`#${clash} `);
    expect(await reply('/search عشائر')).toContain(`#${clash} `);
    expect(await reply('/search الاشتباكات')).toContain(`#${clash} `);
    expect(await reply('/search دمشق')).toContain(`#${strike} `);
    // A word too short to be more than a clitic and a word is searched as typed only: `الله` is no `له`.
    addEntry('بيان له');
    expect(await reply('/search الله')).toContain('No results match');
  });

  it('THEN a short word is found after the article with a one-letter word, but not with that letter alone, which often makes another word', async () => {
    const raqqa = addEntry('غارات على الرقة وبالرقة');
    const paper = addEntry('قدم الوفد ورقة عمل');
    const found = await reply('/search الرقة');
    expect(found).toContain(`#${raqqa} `);
    expect(found).not.toContain(`#${paper} `);
    expect(await reply('/search زير')).toContain('No results match');
  });
});

describe('GIVEN al-Sharaa transliterated otherwise', () => {
  it('THEN /actor finds him with the article as it is heard, and with an apostrophe or ʿayn sign', async () => {
    for (const typed of ['el-Sharaa', '"Ahmed ash-Sharaa"', '"Ahmed al-Sharaʿa"', '"Ahmed al-Shara‘a"', '"Ahmed al-Shara\'a"', '"Ahmed al-Shara’a"']) {
      expect(await reply(`/actor ${typed}`)).toMatch(/^Ahmed al-Sharaa\n {2}Kind +person/);
    }
  });

  it('THEN a change naming him so takes him, as his full name written otherwise', async () => {
    const id = addEntry('Talks in Baku');
    expect(await reply(`/entry edit id:${id} actors:"Ahmed el-Sharaa:participant"`)).toContain('Ahmed al-Sharaa — participant');
  });

  it('THEN /search finds the entries naming him, with no letter left out as too common', async () => {
    const sign = await reply('/search Sharaʿa');
    expect(sign).toContain('#11 al-Sharaa visits Azerbaijan');
    const apostrophe = await reply("/search query:\"al-Shara'a\"");
    expect(apostrophe).toContain('#11 al-Sharaa visits Azerbaijan');
    expect(apostrophe).not.toContain('too common');
    expect(await reply('/search el-Sharaa')).toContain('#11 al-Sharaa visits Azerbaijan');
  });

  it('THEN an entry written with the apostrophe is found by the name joined and as typed', async () => {
    const id = addEntry("Shara'a meets envoys");
    expect(await reply("/search query:\"Shara'a\"")).toContain(`#${id} Shara'a meets envoys`);
    const signed = addEntry('Sharaʿa meets envoys');
    expect(await reply('/search Sharaa')).toContain(`#${signed} Sharaʿa meets envoys`);
  });
});

/** Runs migration 0036 again, as on a store keyed before it, and opens the store again. */
const reopenFromVersion35 = () => store.reopenAfter(36);

describe('GIVEN a store keyed before tatweels and apostrophes were read through (migration 0036)', () => {
  it('THEN its place, actor name and search index are read again: each is found by the name without them', async () => {
    const id = addEntry('Sharaʿa meets envoys');
    const place = Number(store.app.db.prepare('INSERT INTO places (name, place_key) VALUES (?, ?)').run(`حي ال${TATWEEL}ورود`, `حي ال${TATWEEL}ورود`).lastInsertRowid);
    store.app.db.prepare('INSERT INTO entry_places (entry_id, place_id, position) VALUES (?, ?, 1)').run(id, place);
    const barrack = store.app.dossier.actorsNamed('Tom Barrack')[0]!.id;
    store.app.db.prepare("INSERT INTO actor_names (actor_id, name, name_key, is_primary) VALUES (?, ?, 'the am bassador', 0)").run(barrack, "The Am'bassador");
    // As the index held the title before: the ʿayn sign kept as a letter of the word.
    store.app.db.prepare('DELETE FROM entry_search WHERE rowid = ?').run(id);
    store.app.db.prepare("INSERT INTO entry_search (rowid, title, summary, places, actors) VALUES (?, ?, '', ?, '')").run(id, 'Sharaʿa meets envoys', `حي ال${TATWEEL}ورود`);
    expect(await reply('/search Sharaa')).not.toContain(`#${id} `);
    expect(await reply('/actor "The Ambassador"')).toContain('No actor is called');
    reopenFromVersion35();
    expect(await reply('/timeline place:"حي الورود"')).toContain(`#${id} Sharaʿa meets envoys`);
    expect(await reply('/search Sharaa')).toContain(`#${id} Sharaʿa meets envoys`);
    expect(await reply('/actor "The Ambassador"')).toMatch(/^Tom Barrack\n {2}Kind +person/);
  });
});
