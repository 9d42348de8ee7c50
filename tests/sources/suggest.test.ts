// What a review card proposes for a feed item: actors, places, date and source.
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src/core/sources/feed-port.js';
import { compileNames, knowsName, suggest, type KnownName } from '../../src/core/sources/suggest.js';
import { foldKey } from '../../src/core/text.js';

const known: KnownName[] = [
  { kind: 'actor', id: 1, name: 'Ahmed al-Sharaa', aliases: ['al-Sharaa', 'Abu Mohammad al-Julani'] },
  { kind: 'actor', id: 2, name: 'Asaad al-Shaibani', aliases: ['al-Shaibani'] },
  { kind: 'actor', id: 3, name: 'Ron Dermer', aliases: ['Dermer'] },
  { kind: 'actor', id: 4, name: 'Tom Barrack', aliases: ['Barrack'] },
  { kind: 'actor', id: 5, name: 'United States', aliases: ['US', 'U.S.A.'] },
  { kind: 'actor', id: 6, name: 'Israel' },
  { kind: 'actor', id: 7, name: 'Israel Defense Forces', aliases: ['IDF'] },
  { kind: 'place', name: 'Sweida', aliases: ['Suwayda', 'As-Suwayda'] },
  { kind: 'place', name: 'Paris' },
  { kind: 'place', name: 'Baku' },
];

const item = (fields: Partial<FeedItem>): FeedItem => ({ title: '', summary: '', ...fields });

describe('suggest', () => {
  it('GIVEN an item naming actors by name and alias THEN they are proposed in the order mentioned, once each', () => {
    const s = suggest(
      item({
        title: 'Al-Shaibani and Dermer meet in Paris',
        summary: 'Syrian Foreign Minister Asaad al-Shaibani met Ron Dermer, with the U.S. mediating, according to Barrack.',
      }),
      known,
    );
    expect(s.actors).toEqual([
      { id: 2, name: 'Asaad al-Shaibani', matched: 'al-Shaibani' },
      { id: 3, name: 'Ron Dermer', matched: 'Dermer' },
      { id: 5, name: 'United States', matched: 'US' },
      { id: 4, name: 'Tom Barrack', matched: 'Barrack' },
    ]);
    expect(s.places).toEqual(['Paris']);
  });

  it('GIVEN names folded differently (case, diacritics, hyphens) THEN they are found; inside other words THEN not', () => {
    const s = suggest(item({ title: 'AL SHARAA visits Suwaydá', summary: 'Parisians and Bakuriani are not places here.' }), known);
    expect(s.actors.map((a) => a.id)).toEqual([1]);
    expect(s.places).toEqual(['Sweida']);
  });

  it('GIVEN a region stored with its kind THEN news naming it without the kind suggests it; a republic keeps its whole name', () => {
    const regions: KnownName[] = [
      { kind: 'place', name: 'Quneitra Governorate' },
      { kind: 'place', name: 'Sweida province' },
      { kind: 'place', name: 'Czech Republic' },
    ];
    expect(suggest(item({ title: 'Clashes in Sweida and Quneitra', summary: 'The Czech foreign ministry called for calm.' }), regions).places).toEqual(['Sweida province', 'Quneitra Governorate']);
    expect(suggest(item({ title: 'Talks in the Czech Republic' }), regions).places).toEqual(['Czech Republic']);
  });

  it('GIVEN "us" the pronoun THEN it is not the United States', () => {
    expect(suggest(item({ title: 'Officials told us the talks ended' }), known).actors).toEqual([]);
  });

  it('GIVEN a longer known name around a shorter one THEN the longer is proposed, the shorter only where it stands alone', () => {
    expect(suggest(item({ title: 'Israel Defense Forces withdraw from Sweida' }), known).actors.map((a) => a.id)).toEqual([7]);
    expect(suggest(item({ title: 'Israel Defense Forces withdraw', summary: 'Israel said so.' }), known).actors.map((a) => a.id)).toEqual([7, 6]);
  });

  it('GIVEN a place standing for its government ("Paris condemns…") THEN it is not suggested as where it happened, unless named again as a place', () => {
    expect(suggest(item({ title: 'Paris condemns shelling of Sweida' }), known).places).toEqual(['Sweida']);
    expect(suggest(item({ title: 'Baku says talks will resume', summary: 'Envoys met in Paris.' }), known).places).toEqual(['Paris']);
    expect(suggest(item({ title: 'Paris says talks in Paris will resume' }), known).places).toEqual(['Paris']);
    expect(suggest(item({ title: 'Paris protests turn violent' }), known).places).toEqual(['Paris']);
    expect(suggest(item({ title: 'Diplomats meeting in Paris said talks will resume' }), known).places).toEqual(['Paris']);
  });

  it('GIVEN a publication time THEN the entry date is its UTC day, at day precision', () => {
    const s = suggest(item({ title: 'Talks', published: new Date('2025-07-12T23:30:00-02:00') }), known);
    expect(s.start).toEqual({ year: 2025, month: 7, day: 13 });
    expect(s.source.published).toBe('2025-07-13');
  });

  it('GIVEN no publication time THEN no date is proposed', () => {
    const s = suggest(item({ title: 'Talks' }), known);
    expect(s.start).toBeUndefined();
    expect(s.source.published).toBeUndefined();
  });

  it('GIVEN a feed title THEN it is the outlet, and the attribution names it', () => {
    const s = suggest(item({ title: 'Talks', link: 'https://www.levantwire.example/a' }), known, { title: 'Levant Wire' });
    expect(s.source).toEqual({ outlet: 'Levant Wire', url: 'https://www.levantwire.example/a', attribution: 'according to Levant Wire' });
  });

  it('GIVEN no feed title THEN the host of the link is the outlet, without www.', () => {
    expect(suggest(item({ title: 'Talks', link: 'https://www.levantwire.example/a' }), known).source.outlet).toBe('levantwire.example');
    expect(suggest(item({ title: 'Talks' }), known, { link: 'https://golanobserver.example/' }).source.attribution).toBe('according to golanobserver.example');
  });

  it('GIVEN names compiled once THEN they give the same proposals', () => {
    const compiled = compileNames(known);
    const it1 = item({ title: 'Barrack in Baku' });
    expect(suggest(it1, compiled)).toEqual(suggest(it1, known));
  });

  it('GIVEN no known names THEN nothing is proposed but the source', () => {
    expect(suggest(item({ title: 'Talks in Baku' }), [], { title: 'Wire' })).toEqual({ actors: [], places: [], source: { outlet: 'Wire', attribution: 'according to Wire' } });
  });
  it('GIVEN names with Arabic aliases THEN an Arabic item finds them with what Arabic writes onto them, and not inside other words', () => {
    const names: KnownName[] = [
      { kind: 'actor', id: 6, name: 'Israel', aliases: ['إسرائيل'] },
      { kind: 'actor', id: 8, name: 'Syria', aliases: ['سوريا'] },
      { kind: 'actor', id: 9, name: 'Bashar al-Assad', aliases: ['بشار الأسد', 'الأسد'] },
      { kind: 'place', name: 'Beirut', aliases: ['بيروت'] },
      { kind: 'place', name: 'Damascus', aliases: ['دمشق'] },
      { kind: 'place', name: 'Hama', aliases: ['حماة'] },
    ];
    const s = suggest(item({ title: 'وفد إسرائيلي يصل لبيروت', summary: 'محادثات بين سوريا وإسرائيل بدمشق، وقصف قرب حماه، وتصريح للأسد' }), names);
    expect(s.actors).toEqual([
      { id: 8, name: 'Syria', matched: 'سوريا' },
      { id: 6, name: 'Israel', matched: 'إسرائيل' },
      { id: 9, name: 'Bashar al-Assad', matched: 'الأسد' },
    ]);
    expect(s.places).toEqual(['Beirut', 'Damascus', 'Hama']);
    // A capital that speaks is its government, not where it happened; after a preposition it is a place again.
    expect(suggest(item({ title: 'دمشق تندد بالغارة', summary: '' }), names).places).toEqual([]);
    expect(suggest(item({ title: 'غارة ليلية، ودمشق وتندد بها', summary: '' }), names).places).toEqual([]);
    expect(suggest(item({ title: 'وفد في دمشق تندد به المعارضة', summary: '' }), names).places).toEqual(['Damascus']);
    // Arabic puts the verb first as often: `أعلنت دمشق` (Damascus announced), `وقالت بيروت`.
    expect(suggest(item({ title: 'أعلنت دمشق وقف إطلاق النار', summary: 'وقالت بيروت إنها ترحب بالاتفاق' }), names).places).toEqual([]);
    expect(suggest(item({ title: 'قال مسؤول في دمشق إن المحادثات مستمرة', summary: '' }), names).places).toEqual(['Damascus']);
    // `ل` (for, to) written onto a name that begins with `ل`, or with the article: `للبنان`, `للاذقية`.
    const levant: KnownName[] = [
      { kind: 'actor', id: 10, name: 'Lebanon', aliases: ['لبنان'] },
      { kind: 'place', name: 'Latakia', aliases: ['اللاذقية'] },
      { kind: 'place', name: 'Libya', aliases: ['ليبيا'] },
    ];
    const sent = suggest(item({ title: 'دعم فرنسي للبنان', summary: 'وصول شحنة مساعدات للاذقية، ووفد لليبيا' }), levant);
    expect(sent.actors.map((a) => a.name)).toEqual(['Lebanon']);
    expect(sent.places).toEqual(['Latakia', 'Libya']);
    // A name already known is known under its Arabic form too, as the place spotter asks.
    expect(knowsName(compileNames(names), foldKey('بيروت'))).toBe(true);
    expect(knowsName(compileNames(names), foldKey('يروت'))).toBe(false);
  });
});
