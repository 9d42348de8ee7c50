// GIVEN a feed in Arabic, actors the dossier knows by Arabic aliases and places it has located
// THEN its items are filtered by Arabic keywords and their cards suggest those actors, and the
// places by the gazetteer's Arabic names, though Arabic writes its conjunctions and prepositions
// onto the names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openGazetteer } from '../../src/store/place-gazetteer.js';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds, type ScriptedItem } from './support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const TRUCE = {
  guid: 'sana-ar-1',
  title: 'سوريا وإسرائيل تتفقان على وقف إطلاق النار',
  link: 'https://ar.levant.example/2025/07/19/truce',
  summary: 'أعلن المبعوث الأمريكي بعد اجتماع بدمشق أن الطرفين اتفقا على وقف إطلاق النار، وقال إن لإسرائيل مطالب أمنية.',
  published: '2025-07-19T09:00:00Z',
};
const WEATHER = {
  guid: 'sana-ar-2',
  title: 'موجة حر في سوريا',
  link: 'https://ar.levant.example/2025/07/19/weather',
  summary: 'درجات الحرارة أعلى من معدلاتها.',
  published: '2025-07-19T10:00:00Z',
};

/** Serves the items as an Arabic feed, watched with backfill, checks it once; resolves with the check's reply. */
async function checkArabic(items: ScriptedItem[]): Promise<string> {
  feeds.serve('/ar.xml', 'Levant Wire (Arabic)', items);
  const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/ar.xml')} topic:syria-israel backfill:true`), 'Watching');
  return queue.text(`/sources check id:${id}`);
}

describe('GIVEN an Arabic feed watched with an Arabic keyword', () => {
  it('WHEN it is checked THEN the item without the keyword is filtered out, and the card suggests the actors by their Arabic aliases', async () => {
    expect(await queue.text('/actors alias name:Israel add:"إسرائيل"')).toContain('إسرائيل');
    await queue.run('/actors alias name:Syria add:"سوريا"');
    feeds.serve('/ar.xml', 'Levant Wire (Arabic)', [TRUCE, WEATHER]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/ar.xml')} topic:syria-israel keywords:"وقف إطلاق النار" backfill:true`), 'Watching');
    const checked = await queue.text(`/sources check id:${id}`);
    expect(checked).toContain('1 proposed');
    expect(checked).toContain(`filtered out: ${WEATHER.title}`);
    const card = await queue.text('/review show id:1', READER);
    expect(card).toContain(TRUCE.title);
    expect(card).toContain('Actors     Syria, Israel');
    // The seed's Damascus is located: the gazetteer's Arabic name finds it in `بدمشق`.
    expect(card).toContain('Places     Damascus');
  });
});

describe('GIVEN the seed’s place Sweida province, a governorate', () => {
  it('WHEN an Arabic item names the governorate THEN its card suggests the place, by the Arabic name Sitrep’s aliases give the governorate', async () => {
    expect(await checkArabic([{ ...WEATHER, guid: 'sana-ar-3', title: 'اشتباكات في ريف محافظة السويداء', summary: 'تجددت الاشتباكات صباح اليوم.' }])).toContain('1 proposed');
    expect(await queue.text('/review show id:1', READER)).toContain('Places     Sweida province');
  });
});

describe('GIVEN Arabic items naming places the dossier lacks', () => {
  it('WHEN a word says a place follows (town, countryside, camp, near) THEN the card suggests the places in the dossier’s countries, spelt as English news spells them where that locates them, and approving stores them located', async () => {
    const raid = { ...WEATHER, guid: 'sana-ar-4', title: 'قصف على بلدة جاسم بريف درعا الشمالي', summary: 'وسقطت قذائف بالقرب من مدينة نوى.' };
    const far = { ...WEATHER, guid: 'sana-ar-5', title: 'اجتماع في المدينة لبحث الأوضاع', summary: 'وصل الوفد إلى قرب المدينة المنورة.' };
    // `أطراف` (outskirts), `محيط` (around): a place follows, of any size.
    const outskirts = { ...WEATHER, guid: 'sana-ar-6', title: 'اشتباكات في السويداء وعلى أطراف جاسم', summary: 'وتجدد القصف في محيط نوى.' };
    expect(await checkArabic([raid, far, outskirts])).toContain('3 proposed');
    expect(await queue.text('/review show id:3', READER)).toMatch(/Places +Sweida province, Jasim, Nawa \(Syria\)\n/);
    expect(await queue.text('/review show id:1', READER)).toContain('Places     Jasim, Daraa, Nawa (Syria)');
    // Medina is no place of the dossier's countries, and `المدينة` (the city) no cue's name.
    expect(await queue.text('/review show id:2', READER)).toContain('Places     —');
    expect(await queue.text('/review approve id:1')).toContain('Approved');
    expect(await queue.text('/place "Nawa (Syria)"', READER)).toMatch(/^Nawá\n {2}Precision +locality[\s\S]*Country +Syria[\s\S]*قصف على بلدة جاسم/);
    expect(await queue.text('/place "Dar‘ā"', READER)).toMatch(/^Dar‘ā\n {2}Precision +locality[\s\S]*قصف على بلدة جاسم/);
  });
});

describe('GIVEN Arabic headlines naming a place after في (in) or على (on), with no word saying a place follows', () => {
  it('WHEN the name is a governorate’s or a large city’s THEN the card suggests it; a small place’s name, a common word, or "in pictures" suggests nothing', async () => {
    const items = [
      { ...WEATHER, guid: 'ar-in-1', title: 'مقتل 4 مدنيين بقصف على درعا', summary: 'قال ناشطون إن القصف استهدف حياً سكنياً.' },
      { ...WEATHER, guid: 'ar-in-2', title: 'انفجار في حلب يوقع جرحى', summary: 'وقع الانفجار صباح اليوم.' },
      // `في صور`: in pictures, not in Tyre, though the item names Lebanon.
      { ...WEATHER, guid: 'ar-in-3', title: 'في صور: الدمار في جنوب لبنان', summary: 'مشاهد من المنطقة.' },
      // `الأمل` (hope) and `الشمال` (the north) name villages and districts; neither is large.
      { ...WEATHER, guid: 'ar-in-4', title: 'الحكومة تعمل على الأمل في الشمال', summary: 'قال الوزير إن العمل مستمر.' },
      // Jasim, a town of Daraa, is no large city: after في alone it is not read as one.
      { ...WEATHER, guid: 'ar-in-5', title: 'اجتماع موسع في جاسم', summary: 'ناقش الحاضرون الأوضاع.' },
    ];
    expect(await checkArabic(items)).toContain('5 proposed');
    const cards = await Promise.all(items.map((_, at) => queue.text(`/review show id:${at + 1}`, READER)));
    const card = (title: string) => cards.find((text) => text.includes(title))!;
    expect(card(items[0]!.title)).toMatch(/Places +Daraa\n/);
    expect(card(items[1]!.title)).toMatch(/Places +Aleppo\n/);
    for (const item of items.slice(2)) expect(card(item.title)).toMatch(/Places +—/);
  });
});

describe('GIVEN Arabic items naming a place in a country the dossier has no place in', () => {
  it('WHEN the item names that country too THEN the card suggests the place there; without it, it does not', async () => {
    const named = { ...WEATHER, guid: 'nna-1', title: 'غارة إسرائيلية على بلدة بنت جبيل في جنوب لبنان', summary: 'وأفادت مصادر محلية بوقوع أضرار.' };
    const unnamed = { ...WEATHER, guid: 'nna-2', title: 'وصول تعزيزات عسكرية ومعدات ثقيلة إلى بلدة بنت جبيل مساء أمس', summary: 'وأفادت مصادر محلية بوقوع أضرار.' };
    expect(await checkArabic([named, unnamed])).toContain('2 proposed');
    const cards = [await queue.text('/review show id:1', READER), await queue.text('/review show id:2', READER)];
    expect(cards.find((card) => card.includes('جنوب لبنان'))).toContain('Places     Bint Jbeil');
    expect(cards.find((card) => !card.includes('جنوب لبنان'))).toContain('Places     —');
  });

  it('WHEN the item calls the place Lebanese THEN that names the country as well', async () => {
    expect(await checkArabic([{ ...WEATHER, guid: 'nna-3', title: 'غارة إسرائيلية على مدينة صور اللبنانية', summary: 'وأفادت مصادر محلية بوقوع أضرار.' }])).toContain('1 proposed');
    expect(await queue.text('/review show id:1', READER)).toContain('Places     Tyre');
  });
});

describe('GIVEN the gazetteer', () => {
  it('THEN a record’s Arabic-script and Latin names are read by its ref, and a ref it lacks has none', () => {
    const gazetteer = openGazetteer();
    try {
      expect(gazetteer.arabicNames('locality:170654')).toContain('دمشق');
      expect(gazetteer.arabicNames('country:SY')).toContain('سوريا');
      expect(gazetteer.arabicNames('region:SY.05')).toEqual(expect.arrayContaining(['السويداء', 'محافظة السويداء']));
      expect(gazetteer.arabicNames('locality:0')).toEqual([]);
      // Latin spellings: Sitrep's aliases first, then GeoNames' ASCII name; none where the own name is both.
      expect(gazetteer.latinNames('locality:170905')).toEqual(['Daraa', "Dar'a"]);
      expect(gazetteer.latinNames('locality:165997')).toEqual(['Jasim']);
      expect(gazetteer.latinNames('region:SY.05')[0]).toBe('Sweida');
      expect(gazetteer.latinNames('locality:169389')).toEqual([]);
    } finally {
      gazetteer.close();
    }
  });
});
