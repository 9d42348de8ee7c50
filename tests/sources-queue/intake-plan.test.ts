// The core's decisions, without a network or a store: what a check proposes, when a feed is
// checked again, and what a card suggests.
import { describe, expect, it } from 'vitest';
import { guessFatalities } from '../../src/core/review/fatality-guess.js';
import { guessEventType } from '../../src/core/review/type-guess.js';
import type { FeedItem } from '../../src/core/sources/feed-port.js';
import { planIntake, type IntakeInput } from '../../src/core/sources/intake-plan.js';
import { afterFailure, backoffMs, formatEvery, parseEveryMinutes } from '../../src/core/sources/poll-timing.js';
import { compileNames } from '../../src/core/sources/suggest.js';
import { keyedItems } from '../../src/core/sources/watch-service.js';

const now = new Date('2025-07-20T12:00:00Z');
const item = (title: string, published: string | undefined, extra: Partial<FeedItem> = {}): FeedItem => ({
  title,
  summary: '',
  ...(published ? { published: new Date(published) } : {}),
  ...extra,
});

function input(items: FeedItem[], overrides: Partial<Omit<IntakeInput, 'source'>> & { source?: Partial<IntakeInput['source']> } = {}): IntakeInput {
  return {
    feed: { title: 'Levant Wire' },
    fresh: keyedItems(items),
    byKey: new Map(),
    stories: [],
    names: compileNames([
      { kind: 'actor', id: 1, name: 'Syria', aliases: ['Damascus'] },
      { kind: 'actor', id: 2, name: 'Israel' },
      { kind: 'place', name: 'Baku' },
    ]),
    now,
    ...overrides,
    source: { topic: 'syria-israel', keywords: '', baselined: true, backfill: false, ...overrides.source },
  };
}

const outcomes = (plan: ReturnType<typeof planIntake>) => plan.items.map((i) => i.plan.outcome);

describe('GIVEN a first check', () => {
  const items = [item('Talks in Baku', '2025-07-18T10:00:00Z'), item('Old analysis', '2025-07-01T10:00:00Z'), item('Undated note', undefined, { guid: 'n1' })];
  it('THEN without backfill everything is recorded and nothing proposed', () => {
    expect(outcomes(planIntake(input(items, { source: { baselined: false } })))).toEqual(['baseline', 'baseline', 'baseline']);
  });
  it('THEN with backfill only the last 7 days are proposed', () => {
    const plan = planIntake(input(items, { source: { baselined: false, backfill: true } }));
    expect(outcomes(plan)).toEqual(['proposed', 'baseline', 'baseline']);
    expect(plan.drafts[0]!.suggested).toMatchObject({ places: ['Baku'], type: 'talks', date: '2025-07-18', source: { outlet: 'Levant Wire', attribution: 'according to Levant Wire', published: '2025-07-18' } });
  });
});

describe('GIVEN a later check', () => {
  it('THEN an item older than a week is left out, keywords filter with their rule, and known names become suggestions', () => {
    const plan = planIntake(
      input(
        [
          item('Israel strikes near Damascus', '2025-07-19T10:00:00Z', { summary: 'A drone strike was reported.' }),
          item('Weather report', '2025-07-19T10:00:00Z'),
          item('Israel and Syria: a look back', '2025-06-01T10:00:00Z'),
        ],
        { source: { keywords: 'strike*, "al-Sharaa"' } },
      ),
    );
    expect(plan.items.map((i) => [i.plan.outcome, i.plan.detail])).toEqual([
      ['proposed', 'matched strike'],
      ['filtered', 'matched none of the keywords: strike*, al-Sharaa'],
      ['stale', 'published 1 Jun 2025 (UTC), more than 7 days before it was first seen'],
    ]);
    expect(plan.drafts[0]!.suggested.actors).toEqual([{ id: 2, name: 'Israel', role: 'initiator' }, { id: 1, name: 'Syria' }]);
    expect(plan.drafts[0]!.suggested.type).toBe('air-strike');
  });

  it('THEN a term typed with a dash leaves out the items holding it, with or without terms sought', () => {
    const items = [
      item('Ceasefire holds in Sweida', '2025-07-19T10:00:00Z'),
      item('Opinion: why the ceasefire will fail', '2025-07-19T10:00:00Z'),
      item('Live updates: ceasefire talks', '2025-07-19T11:00:00Z'),
      item('Convoy reaches Sweida', '2025-07-19T12:00:00Z'),
    ];
    const outcomes = (keywords: string) => planIntake(input(items, { source: { keywords } })).items.map((i) => [i.plan.outcome, i.plan.detail]);
    expect(outcomes('ceasefire, -opinion, -"live updates"')).toEqual([
      ['proposed', 'matched ceasefire'],
      ['filtered', 'holds -opinion, which the keywords leave out'],
      ['filtered', 'holds -"live updates", which the keywords leave out'],
      ['filtered', 'matched none of the keywords: ceasefire'],
    ]);
    expect(outcomes('-opinion').map(([outcome]) => outcome)).toEqual(['proposed', 'filtered', 'proposed', 'proposed']);
    expect(outcomes('-opinion')[0]).toEqual(['proposed', 'no keyword sought: every item not left out is proposed']);
  });

  it('THEN the same story joins a stored candidate, an earlier one of this check, or the candidate holding the same item', () => {
    const stored = { candidateId: 7, title: 'Syria and Israel hold de-escalation talks in Baku', published: new Date('2025-07-18T14:00:00Z'), status: 'rejected' as const };
    const items = [
      item('Israel, Syria resume de-escalation talks in Baku', '2025-07-18T16:00:00Z'),
      item('Ceasefire announced in Sweida after days of clashes', '2025-07-19T08:00:00Z'),
      item('Ceasefire announced in Sweida after clashes', '2025-07-19T09:00:00Z'),
      item('A different headline', '2025-07-19T09:00:00Z', { guid: 'shared' }),
    ];
    const plan = planIntake(input(items, { stories: [stored], byKey: new Map([['guid:shared', { ...stored, candidateId: 9 }]]) }));
    expect(plan.items.map((i) => i.plan)).toEqual([
      { outcome: 'same-story', detail: 'a title alike within 48 hours', joins: { candidateId: 7 } },
      { outcome: 'proposed', detail: 'no keywords: every item is proposed', draft: 0 },
      { outcome: 'same-story', detail: 'a title alike within 48 hours', joins: { draft: 0 } },
      { outcome: 'same-story', detail: 'the same item, held by another source', joins: { candidateId: 9 } },
    ]);
  });

  it('THEN titles alike but for who acts on whom, or for who acts, are candidates of their own; the same event reworded joins', () => {
    const items = [
      item('Hezbollah fires rockets at Israel', '2025-07-19T10:00:00Z', { guid: 'h-1', link: 'https://levant.example/1' }),
      item('Israel fires rockets at Hezbollah', '2025-07-19T10:12:00Z', { guid: 'h-2', link: 'https://levant.example/2' }),
      item('Lawyers celebrate over wage delays in Nabatieh', '2025-07-19T11:00:00Z'),
      item('Truckers celebrate over wage delays in Nabatieh', '2025-07-19T11:10:00Z'),
      item('Israel and Hezbollah trade fire across the border', '2025-07-19T12:00:00Z'),
      item('Hezbollah, Israel trade fire across border, army says', '2025-07-19T12:30:00Z'),
      item('Israeli strike near Quneitra kills three', '2025-07-19T13:00:00Z'),
      item('Israeli strike kills three near Quneitra, monitor says', '2025-07-19T13:20:00Z'),
    ];
    const plan = planIntake(input(items));
    expect(plan.items.map((i) => i.plan)).toEqual([
      { outcome: 'proposed', detail: 'no keywords: every item is proposed', draft: 0 },
      { outcome: 'proposed', detail: 'no keywords: every item is proposed', draft: 1 },
      { outcome: 'proposed', detail: 'no keywords: every item is proposed', draft: 2 },
      { outcome: 'proposed', detail: 'no keywords: every item is proposed', draft: 3 },
      { outcome: 'proposed', detail: 'no keywords: every item is proposed', draft: 4 },
      { outcome: 'same-story', detail: 'a title alike within 48 hours', joins: { draft: 4 } },
      { outcome: 'proposed', detail: 'no keywords: every item is proposed', draft: 5 },
      { outcome: 'same-story', detail: 'a title alike within 48 hours', joins: { draft: 5 } },
    ]);
    // A candidate stored from an earlier check is told apart alike.
    const stored = { candidateId: 7, title: 'Hezbollah fires rockets at Israel', published: new Date('2025-07-19T10:00:00Z'), status: 'pending' as const };
    expect(outcomes(planIntake(input([items[1]!, items[0]!], { stories: [stored] })))).toEqual(['proposed', 'same-story']);
  });

  it('THEN text with control characters or too long is made fit for an entry', () => {
    const plan = planIntake(input([item(`Talks\u001b[2J ${'x'.repeat(300)}`, '2025-07-19T10:00:00Z', { summary: 'a\u0000b' })]));
    const draft = plan.drafts[0]!;
    expect(draft.title).not.toMatch(/\u001b/);
    expect(draft.title.length).toBeLessThanOrEqual(200);
    expect(draft.summary).toBe('ab');
  });

  it('THEN a title too long for an entry is cut between words, so the entry approved from it ends on a whole word', () => {
    const words = 'Residents of Sweida describe the night the shelling reached the old market and the roads out of the city';
    const plan = planIntake(input([item(`An ${words}, ${words}, ${words}`, '2025-07-19T10:00:00Z')]));
    const title = plan.drafts[0]!.title;
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith('and the roads…')).toBe(true);
  });

  it('THEN a title of emoji cut to fit keeps each emoji whole, and so does a feed title cut for the outlet', () => {
    const plan = planIntake(input([item('😀'.repeat(150), '2025-07-19T10:00:00Z')], { feed: { title: '📰'.repeat(80) } }));
    const draft = plan.drafts[0]!;
    expect(draft.title).toBe(`${'😀'.repeat(99)}…`);
    expect(draft.outlet).toBe(`${'📰'.repeat(49)}…`);
    expect(plan.items[0]!.title).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('THEN a title with nothing visible in it counts as none: the summary gives the title', () => {
    const plan = planIntake(
      input([
        item('\u200b', '2025-07-19T10:00:00Z', { guid: 'a', summary: 'Talks resumed in Baku on Saturday.' }),
        item('\u0301\u0301\u0301', '2025-07-19T11:00:00Z', { guid: 'b', summary: '' }),
      ]),
    );
    expect(plan.drafts.map((d) => d.title)).toEqual(['Talks resumed in Baku on Saturday.', '(untitled item)']);
    expect(plan.items.map((i) => i.title)).toEqual(['(untitled item)', '(untitled item)']);
  });

  it('THEN a title or summary of no words (`…`, `-`) counts as none, as /entry add refuses it', () => {
    const plan = planIntake(
      input([
        item('…', '2025-07-19T10:00:00Z', { guid: 'a', summary: 'Talks resumed in Baku on Saturday.' }),
        item('Talks in Baku', '2025-07-19T11:00:00Z', { guid: 'b', summary: '-' }),
      ]),
    );
    expect(plan.drafts.map((d) => [d.title, d.summary])).toEqual([
      ['Talks resumed in Baku on Saturday.', 'Talks resumed in Baku on Saturday.'],
      ['Talks in Baku', ''],
    ]);
  });
});

describe('GIVEN the polling timing', () => {
  it('THEN intervals read as typed, and back-off doubles from 5 minutes up to a day', () => {
    expect(['30m', '1h', '1h30m', '90', '45 min', '2 hours'].map(parseEveryMinutes)).toEqual([30, 60, 90, 90, 45, 120]);
    expect(['soon', '', '1d', 'm'].map(parseEveryMinutes)).toEqual([undefined, undefined, undefined, undefined]);
    expect([15, 60, 90].map(formatEvery)).toEqual(['15 min', '1 h', '1 h 30 min']);
    expect([1, 2, 3, 9, 20].map((n) => backoffMs(n) / 60_000)).toEqual([5, 10, 20, 1280, 1440]);
  });

  it('THEN a failure waits the longest of back-off, interval and Retry-After, and the 8th in a row or a permanent one pauses', () => {
    const at = new Date('2025-07-20T12:00:00Z');
    const wait = (timing: { nextCheckAt: Date }) => (timing.nextCheckAt.getTime() - at.getTime()) / 60_000;
    expect(wait(afterFailure(at, { failures: 4, everyMinutes: 15 }, { error: 'x', permanent: false }))).toBe(80);
    expect(wait(afterFailure(at, { failures: 0, everyMinutes: 30 }, { error: 'x', permanent: false, retryAfterMs: 7_200_000 }))).toBe(120);
    expect(afterFailure(at, { failures: 6, everyMinutes: 30 }, { error: 'HTTP 500', permanent: false }).pause).toBeUndefined();
    expect(afterFailure(at, { failures: 7, everyMinutes: 30 }, { error: 'HTTP 500', permanent: false }).pause).toBe('8 checks in a row failed, the last with: HTTP 500');
    expect(afterFailure(at, { failures: 0, everyMinutes: 30 }, { error: 'HTTP 410', permanent: true }).pause).toContain('retrying will not fix: HTTP 410');
  });

  it('THEN the type a title suggests is read from its words', () => {
    expect(guessEventType({ title: 'Ceasefire announced in Sweida after days of clashes', summary: '' })).toBe('agreement');
    expect(guessEventType({ title: 'Israel and Syria resume talks', summary: '' })).toBe('talks');
    expect(guessEventType({ title: 'Syria and Israel hold new talks in Baku on the Sweida ceasefire', summary: '' })).toBe('talks');
    expect(guessEventType({ title: 'Syria and Israel agree a truce at their Paris meeting', summary: '' })).toBe('agreement');
    expect(guessEventType({ title: 'Envoy: ceasefire deal signed after talks', summary: '' })).toBe('agreement');
    expect(guessEventType({ title: 'Update', summary: 'Protesters rallied in Sweida.' })).toBe('protest');
    // What the event is about, after `against`, `over`, `amid`, `despite`, does not make its type.
    expect(guessEventType({ title: 'Protesters rally in Beirut against Israeli strikes', summary: '' })).toBe('protest');
    expect(guessEventType({ title: 'Strikes continue despite ceasefire', summary: '' })).toBe('air-strike');
    expect(guessEventType({ title: 'Clashes erupt in Sweida amid truce talks', summary: '' })).toBe('armed-clash');
    expect(guessEventType({ title: 'Talks over Sweida ceasefire stall', summary: '' })).toBe('talks');
    expect(guessEventType({ title: 'Manifestation à Damas contre les frappes israéliennes', summary: '' })).toBe('protest');
    expect(guessEventType({ title: 'مظاهرات في السويداء ضد الغارات الإسرائيلية', summary: '' })).toBe('protest');
    expect(guessEventType({ title: 'Turkish drones hit SDF positions near Kobani', summary: '' })).toBe('air-strike');
    expect(guessEventType({ title: 'Drone attack on a convoy near Quneitra', summary: '' })).toBe('air-strike');
    // Nothing telling before them: the whole title is read.
    expect(guessEventType({ title: 'Drones over Sevastopol bay', summary: '' })).toBe('other');
    expect(guessEventType({ title: 'Anger over Israeli strike on Quneitra', summary: '' })).toBe('air-strike');
    expect(guessEventType({ title: 'Update', summary: '' })).toBe('other');
    // What came before, after `after` or `following`, is not the event either.
    expect(guessEventType({ title: 'Hezbollah fires rockets at northern Israel after strike on Beirut suburb', summary: '' })).toBe('shelling');
    expect(guessEventType({ title: 'Three killed after Israeli strike on car', summary: '' })).toBe('air-strike');
    expect(guessEventType({ title: 'Syria says Israeli drones struck army positions in Quneitra', summary: '' })).toBe('air-strike');
    expect(guessEventType({ title: 'Turkey shells Kurdish-held villages near Kobani', summary: '' })).toBe('shelling');
    expect(guessEventType({ title: 'Russian warplanes pound rebel-held Idlib', summary: '' })).toBe('air-strike');
    // An agreement named, with nothing saying it was made, is not the event; nor is who speaks.
    expect(guessEventType({ title: 'Israel strikes near Damascus as Sweida ceasefire frays', summary: '' })).toBe('air-strike');
    expect(guessEventType({ title: 'Opinion: what al-Sharaa wants from the ceasefire', summary: '' })).toBe('other');
    expect(guessEventType({ title: 'UN envoy urges restraint in Sweida', summary: '' })).toBe('statement');
    expect(guessEventType({ title: 'Sweida truce takes effect at noon', summary: '' })).toBe('agreement');
  });

  it('THEN forces entering or withdrawing, gunmen, mass graves and missiles suggest their types; aid entering stays humanitarian', () => {
    const typeOf = (title: string, summary = '') => guessEventType({ title, summary });
    expect(typeOf('Syrian government forces enter Sweida after deal with Druze leaders', 'Units deployed under the agreement.')).toBe('incursion');
    expect(typeOf('Bedouin tribes withdraw from Sweida city', 'Tribal fighters left after the ceasefire took effect.')).toBe('incursion');
    expect(typeOf('Aid convoy enters Sweida through Busra al-Harir', '32 trucks entered.')).toBe('humanitarian');
    expect(typeOf('Gunmen kill two in Daraa countryside')).toBe('violence-against-civilians');
    // Gunmen killed are no violence against civilians.
    expect(typeOf('Army kills two gunmen near Quneitra')).toBe('other');
    expect(typeOf('Mass grave found in Sweida countryside', 'Local authorities said 20 bodies were recovered.')).toBe('violence-against-civilians');
    expect(typeOf('العثور على مقبرة جماعية في ريف السويداء')).toBe('violence-against-civilians');
    expect(typeOf('Israel intercepts missile launched from Yemen')).toBe('shelling');
    expect(typeOf('Israeli missile strike on Damascus suburb')).toBe('air-strike');
    expect(typeOf('Israeli settlers attack Palestinian village near Ramallah')).toBe('violence-against-civilians');
    expect(typeOf('Syrian army repels militant attack in Idlib countryside')).toBe('armed-clash');
  });

  it('THEN a known place after `by` is who acted, not where: it is not suggested as a place', () => {
    const places = (title: string, summary: string) => planIntake(input([item(title, '2025-07-19T10:00:00Z', { summary })])).drafts[0]!.suggested.places;
    expect(places('UN Security Council to meet on Syria', 'The session was requested by Baku.')).toEqual([]);
    expect(places('UN Security Council to meet in Baku', 'The session was requested by Baku.')).toEqual(['Baku']);
  });

  it('THEN a French title suggests its type as well', () => {
    expect(guessEventType({ title: 'Frappe israélienne sur une voiture au Liban-Sud', summary: '' })).toBe('air-strike');
    expect(guessEventType({ title: 'Cessez-le-feu à Soueida : les pourparlers reprennent', summary: '' })).toBe('talks');
    expect(guessEventType({ title: 'Un accord de cessez-le-feu conclu entre Damas et les Druzes', summary: '' })).toBe('agreement');
    expect(guessEventType({ title: 'Affrontements à Soueida entre tribus bédouines et druzes', summary: '' })).toBe('armed-clash');
    expect(guessEventType({ title: 'Manifestation à Beyrouth contre la vie chère', summary: '' })).toBe('protest');
    expect(guessEventType({ title: 'Les États-Unis appellent au calme à Soueida', summary: '' })).toBe('statement');
    expect(guessEventType({ title: 'UN calls for calm in Sweida', summary: '' })).toBe('statement');
    expect(guessEventType({ title: 'Le Liban dénonce une violation de sa souveraineté', summary: 'Le président a condamné une incursion israélienne.' })).toBe('statement');
    expect(guessEventType({ title: 'Syrie : le président al-Charaa nomme un nouveau gouvernement', summary: '' })).toBe('political-change');
  });

  it('THEN an Arabic title in the present tense suggests its type too (يتوغل, يعتقل, تقصف)', () => {
    expect(guessEventType({ title: 'الجيش الإسرائيلي يتوغل في ريف القنيطرة', summary: '' })).toBe('incursion');
    expect(guessEventType({ title: 'الأمن العام السوري يعتقل خلية في ريف دمشق', summary: '' })).toBe('arrest');
    expect(guessEventType({ title: 'المدفعية تقصف مواقع في ريف درعا', summary: '' })).toBe('shelling');
    // Warplanes or a drone named as such (`مسيرة` alone is also a march): an air strike.
    expect(guessEventType({ title: 'الطيران الحربي يقصف مواقع في ريف درعا', summary: '' })).toBe('air-strike');
    expect(guessEventType({ title: 'طائرة مسيرة تستهدف سيارة في جنوب لبنان', summary: '' })).toBe('air-strike');
  });

  it('THEN an Arabic title suggests its type as well, with what Arabic writes onto its words', () => {
    expect(guessEventType({ title: 'سوريا وإسرائيل تتفقان على وقف إطلاق النار في السويداء', summary: '' })).toBe('agreement');
    expect(guessEventType({ title: 'استئناف المحادثات بشأن وقف إطلاق النار في السويداء', summary: '' })).toBe('talks');
    expect(guessEventType({ title: 'غارة إسرائيلية على سيارة في جنوب لبنان', summary: '' })).toBe('air-strike');
    expect(guessEventType({ title: 'اشتباكات بين عشائر بدوية ومسلحين دروز', summary: '' })).toBe('armed-clash');
    expect(guessEventType({ title: 'مظاهرات في بيروت ضد الغلاء', summary: '' })).toBe('protest');
    expect(guessEventType({ title: 'توغل قوات إسرائيلية في ريف القنيطرة', summary: '' })).toBe('incursion');
    expect(guessEventType({ title: 'موجة حر في دمشق', summary: '' })).toBe('other');
    expect(guessEventType({ title: 'قصف إسرائيلي على بلدة في جنوب لبنان', summary: '' })).toBe('shelling');
    expect(guessEventType({ title: 'الجيش السوري يعلن استعادة السيطرة على السويداء', summary: '' })).toBe('statement');
  });

  it('THEN the killed an Arabic title or summary plainly gives are read, in either script’s digits or in words', () => {
    const killed = (title: string, summary = '') => guessFatalities({ title, summary });
    expect(killed('مقتل 3 مدنيين في غارة إسرائيلية على جنوب لبنان')).toBe(3);
    expect(killed('غارة على درعا تسفر عن ١٢ قتيلاً')).toBe(12);
    expect(killed('ارتفاع حصيلة القتلى في السويداء إلى ١٬٢٠٤')).toBe(1204);
    expect(killed('تحديث', 'قصف على ريف حماة ومقتل أكثر من 7 أشخاص')).toBe(7);
    expect(killed('مقتل خمسة أشخاص بقصف على إدلب')).toBe(5);
    expect(killed('مقتل أربع نساء وطفل')).toBe(4);
    expect(killed('سبعة قتلى في اشتباكات بالسويداء')).toBe(7);
    // Words up to ninety-nine: teens, tens, and a unit joined to its tens by `و`.
    expect(killed('مقتل ثلاثة عشر شخصاً في قصف على ريف إدلب')).toBe(13);
    expect(killed('مقتل إحدى عشرة امرأة')).toBe(11);
    expect(killed('غارة إسرائيلية تسفر عن عشرين قتيلا')).toBe(20);
    expect(killed('ارتفاع حصيلة القتلى إلى خمسة وعشرين')).toBe(25);
    expect(killed('مقتل ثمانية و ثمانين مدنيا')).toBe(88);
    expect(killed('استشهاد ثلاثين فلسطينيا في غزة')).toBe(30);
    // Hundreds: `مئة`/`مائة`, `مئتين`, a unit written onto them or apart, then `و` and the rest.
    expect(killed('مقتل مئة شخص في غارة')).toBe(100);
    expect(killed('ارتفاع حصيلة القتلى إلى مائة وخمسة وعشرين')).toBe(125);
    expect(killed('مقتل مئتين وثلاثة مدنيين')).toBe(203);
    expect(killed('سبعمائة قتيل في اشتباكات')).toBe(700);
    expect(killed('ارتفاع حصيلة القتلى إلى ثلاث مئة وعشرين')).toBe(320);
    expect(killed('مقتل ثمانمئة وتسعة وتسعين')).toBe(899);
    expect(killed('اشتباكات السويداء', 'وارتفعت الحصيلة إلى مئة وعشرين قتيلا')).toBe(120);
    // Thousands: `ألف`, `ألفين`/`ألفي`, a number before `آلاف`/`ألفا`, then `و` and the rest; not `آلاف` alone.
    expect(killed('مقتل ثلاثة آلاف مدني')).toBe(3000);
    expect(killed('مقتل ألف شخص')).toBe(1000);
    expect(killed('مقتل ألفي شخص')).toBe(2000);
    expect(killed('ارتفاع حصيلة القتلى إلى 12 ألفا')).toBe(12000);
    expect(killed('١٢ ألف قتيل في عام من الحرب')).toBe(12000);
    expect(killed('وارتفعت الحصيلة إلى ثلاثة آلاف وخمسمئة وعشرين قتيلا')).toBe(3520);
    expect(killed('مقتل ألف ومئة وخمسين')).toBe(1150);
    expect(killed('مقتل آلاف المدنيين')).toBeUndefined();
    expect(killed('مقتل مئات المدنيين')).toBeUndefined();
    expect(killed('مقتل عشرات المدنيين')).toBeUndefined();
    expect(killed('اتفاق عام 2025 قتيل سياسي')).toBeUndefined();
    expect(killed('Strike kills 3 near «القنيطرة»')).toBe(3);
  });

  it('THEN the killed a title or summary plainly gives are read as a figure, and nothing less plain is', () => {
    const killed = (title: string, summary = '') => guessFatalities({ title, summary });
    expect(killed('Israeli drone strike kills 3 near Quneitra')).toBe(3);
    expect(killed('Clashes in Sweida: 12 civilians were killed, monitor says')).toBe(12);
    expect(killed('Shelling kills at least seven in Daraa')).toBe(7);
    expect(killed('Death toll rises to 1,204 after week of clashes')).toBe(1204);
    expect(killed('Death toll in Sweida clashes rises to 40, monitor says')).toBe(40);
    expect(killed('Death toll of at least 25 confirmed by ministry')).toBe(25);
    // Groups of the killed listed one after another are added up; those among them are not.
    expect(killed('Israeli strike on Syrian army post kills 4 soldiers, 2 civilians')).toBe(6);
    expect(killed('Shelling kills 4 soldiers, 2 civilians and 1 child')).toBe(7);
    expect(killed('Clashes kill 12 fighters, 3 civilians in Sweida')).toBe(15);
    expect(killed('Strike kills three people, two children among them')).toBe(3);
    expect(killed('Strike kills 3 near Daraa, 2 wounded')).toBe(3);
    // A figure in words followed by its scale is not read as the smaller number.
    expect(killed('Fighting kills two hundred in a week')).toBeUndefined();
    expect(killed('Famine has killed 3 million since 2023')).toBeUndefined();
    expect(killed('La guerre a tué deux mille civils')).toBeUndefined();
    expect(killed('Update', 'Two fighters reportedly killed in an ambush.')).toBe(2);
    expect(killed('Seventeen dead in Sweida clashes')).toBe(17);
    // Ages, shares, years and vaguer words give none.
    expect(killed('Strike kills 3-year-old, residents say')).toBeUndefined();
    expect(killed('Talks on the 1974 agreement; 2025 dead set on a deal')).toBeUndefined();
    expect(killed('Dozens killed in Sweida, monitor says')).toBeUndefined();
    // French, as L'Orient-Le Jour or France 24 write it.
    expect(killed('Une frappe israélienne fait trois morts au Liban-Sud')).toBe(3);
    expect(killed('Une frappe a tué au moins 12 personnes à Gaza')).toBe(12);
    expect(killed('Soueida', 'Cinq civils ont été tués dans un bombardement.')).toBe(5);
    expect(killed("Le bilan des affrontements s'alourdit à 1 204 morts")).toBe(1204);
    expect(killed('Un enfant de 3 ans tué par un obus')).toBeUndefined();
    expect(killed('Des dizaines de morts à Soueida')).toBeUndefined();
    expect(killed('Strike kills 12345678, a typo says')).toBeUndefined();
    expect(killed('Envoys meet in Paris', 'They often killed time between sessions.')).toBeUndefined();
    expect(killed('Ten-point plan presented')).toBeUndefined();
  });
});
