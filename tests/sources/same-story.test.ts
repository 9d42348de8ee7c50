// Whether two items tell the same story: fixtures worded as outlets word them.
import { describe, expect, it } from 'vitest';
import { sameStory, titleSimilarity, titleWords } from '../../src/core/sources/same-story.js';

const at = (iso: string) => new Date(iso);
const day = at('2025-07-12T10:00:00Z');

describe('sameStory', () => {
  it.each([
    ['Syria and Israel hold de-escalation talks in Baku', 'Israel, Syria resume de-escalation talks in Baku'],
    ['Ceasefire announced in Sweida after days of clashes', 'Sweida ceasefire announced after days of deadly clashes'],
    ['Al-Shaibani and Dermer meet in Paris, sources say', 'Al-Shaibani, Dermer meet in Paris: sources'],
    ['Syrian, Israeli officials meet in Paris under US mediation', 'Syrian and Israeli officials meet in Paris with US mediation'],
    ['US envoy Barrack says Syria-Israel deal is close', 'Barrack: Syria-Israel security deal close, US envoy says'],
    ['Syria And Israel Hold Talks In Baku', 'Syria and Israel hold talks in Baku'],
    // The same speaker, or one named otherwise (`US` says too little to tell): the same statement.
    ['Washington warns Israel against further incursions in Syria', 'Washington warns Israel against new incursions into Syria'],
    ['Washington warns Israel against further incursions in Syria', 'US warns Israel against further incursions in Syria'],
    // Arabic writes "and", "in", "the" onto the words: `وإسرائيل` is `إسرائيل`.
    ['سوريا وإسرائيل تعقدان محادثات في باكو', 'محادثات بين إسرائيل وسوريا في باكو'],
    // Reworded by another outlet: parties side by side in another order, words moved past the
    // verb, an attribution added, the title turned about its action (who acts named after it).
    ['Syria and Israel hold talks in Baku', 'Israel, Syria hold talks in Baku, officials say'],
    ['Syria and Israel hold talks in Baku', 'Israel holds talks with Syria in Baku'],
    ['Syria and Israel hold talks in Baku', 'Talks in Baku between Israel and Syria'],
    ['Israeli strike near Quneitra kills three', 'Israeli strike kills three near Quneitra, monitor says'],
    ['Israeli Strike Near Quneitra Kills Three', 'Israeli Strike Kills Three Near Quneitra, Monitor Says'],
    ['Israeli strike near Quneitra kills three', 'Three killed in Israeli strike near Quneitra'],
    ['Israeli strike kills Hezbollah commander', 'Hezbollah commander killed in Israeli strike'],
    ['Israeli strikes hit Hezbollah positions in Bekaa', 'Hezbollah positions in Bekaa hit by Israeli strikes'],
    ['Israel and Hezbollah trade fire across border', 'Hezbollah, Israel trade fire across border'],
    ['Lebanese Forces and Amal Forces trade accusations over Beirut clash', 'Beirut clash: Amal Forces, Lebanese Forces trade accusations'],
    ['Reports: Israeli jets hit Baalbek area', 'Israeli jets hit Baalbek area'],
    ['Live: Israeli jets hit Baalbek area', 'Watch: Israeli jets hit Baalbek area'],
    // The same action in other words or forms.
    ['Syria and Israel agree ceasefire in Sweida', 'Ceasefire in Sweida agreed by Syria and Israel'],
    ['Truce talks resume in Baku', 'Baku truce talks resumed'],
    // Initialisms side by side in another order, or a title in capitals throughout (`IN` is no initialism there).
    ['US, UK warn Iran over strikes in Syria', 'UK, US warn Iran over strikes in Syria'],
    ['US STRIKES IRAN-BACKED MILITIA IN EASTERN SYRIA', 'US strikes Iran-backed militia in eastern Syria'],
  ])('GIVEN %j and %j on the same day THEN the same story', (a, b) => {
    expect(sameStory({ title: a, published: day }, { title: b, published: day })).toBe(true);
    expect(sameStory({ title: b, published: day }, { title: a, published: day })).toBe(true);
  });

  it.each([
    ['Israel strikes Damascus', 'Israel strikes near Sweida'],
    ['Ceasefire announced in Sweida after days of clashes', 'Sweida: ceasefire takes hold after week of fighting'],
    ['Al-Shaibani and Dermer meet in Paris, sources say', 'Al-Shaibani and Dermer meet in Baku, sources say'],
    ['Syria and Israel hold de-escalation talks in Baku', 'Weather: heatwave in Baku'],
    ['غارة إسرائيلية على دمشق', 'غارة إسرائيلية قرب السويداء'],
    // Who speaks differs: two statements, however alike the rest.
    ['Washington warns Israel against further incursions in Syria', 'Damascus warns Israel against further incursions in Syria'],
    ['Washington Warns Israel Against Further Incursions In Syria', 'Damascus Warns Israel Against Further Incursions In Syria'],
    ['Hezbollah denies role in rocket fire on northern Israel', 'Hamas denies role in rocket fire on northern Israel'],
    ['Hezbollah warns of new clashes along the border', 'Israel warns Hezbollah of new clashes along the border'],
    // Who acts on whom is swapped: the same words, the parties the other way round about the same action.
    ['Hezbollah fires rockets at Israel', 'Israel fires rockets at Hezbollah'],
    ['Hezbollah Fires Rockets At Israel', 'Israel Fires Rockets At Hezbollah'],
    ['Hezbollah fires rockets at Israel', 'Israel Fires Rockets At Hezbollah'],
    ['Hezbollah fires dozens of rockets at northern Israel', 'Israel fires rockets at Hezbollah positions'],
    ['Israeli strike kills Hezbollah commander', 'Hezbollah strike kills Israeli commander'],
    ['Hezbollah drone strikes Israel', 'Israel strikes Hezbollah drone'],
    ['Live: Hezbollah fires rockets at Israel', 'Live: Israel fires rockets at Hezbollah'],
    // Who acts differs: each opens with a word the other lacks.
    ['Lawyers celebrate over wage delays in Nabatieh', 'Truckers celebrate over wage delays in Nabatieh'],
    ['Israeli strike near Quneitra kills three', 'Syrian strike near Quneitra kills three'],
    // One tells an action, the other its undoing.
    ['Syria and Israel agree ceasefire in Sweida', 'Syria and Israel reject ceasefire in Sweida'],
    ['Truce talks resume in Baku', 'Truce talks collapse in Baku'],
    ['Jordan reopens Jaber border crossing with Syria', 'Jordan closes Jaber border crossing with Syria'],
    // Two letters are enough to name who acts, or a party.
    ['UN condemns Israeli strike on Damascus', 'EU condemns Israeli strike on Damascus'],
    ['Live: US condemns Israeli strike on Damascus', 'Live: UK condemns Israeli strike on Damascus'],
    ['Israel and US sign water agreement in Amman', 'Israel and UK sign water agreement in Amman'],
  ])('GIVEN %j and %j THEN different stories', (a, b) => {
    expect(sameStory({ title: a, published: day }, { title: b, published: day })).toBe(false);
    expect(sameStory({ title: b, published: day }, { title: a, published: day })).toBe(false);
  });

  it('GIVEN an Arabic title THEN a three-letter word is one of its words, not a clitic and two letters', () => {
    // `وقف` (halt) is not `و` (and) written onto `قف`; `ووقف` (and halt) is.
    expect([...titleWords('وقف إطلاق النار في السويداء')]).toEqual(['وقف', 'اطلاق', 'نار', 'سويداء']);
    expect([...titleWords('ووقف الاشتباكات')]).toEqual(['وقف', 'اشتباكات']);
  });

  it('GIVEN alike titles 48 hours apart THEN the same story; a minute more THEN not', () => {
    const a = { title: 'Syria and Israel hold talks in Baku', published: day };
    expect(sameStory(a, { title: 'Israel and Syria hold talks in Baku', published: at('2025-07-14T10:00:00Z') })).toBe(true);
    expect(sameStory(a, { title: 'Israel and Syria hold talks in Baku', published: at('2025-07-14T10:01:00Z') })).toBe(false);
    expect(sameStory({ ...a, published: at('2025-07-14T10:00:00Z') }, { title: 'Israel and Syria hold talks in Baku', published: day })).toBe(true);
  });

  it('GIVEN a title without a date THEN only the same folded title counts', () => {
    expect(sameStory({ title: 'Talks in Baku' }, { title: 'TALKS IN BAKU!', published: day })).toBe(true);
    expect(sameStory({ title: 'Syria and Israel hold talks in Baku' }, { title: 'Israel, Syria hold talks in Baku' })).toBe(false);
    expect(sameStory({ title: '!!' }, { title: '??' })).toBe(false);
  });
});

describe('titleSimilarity', () => {
  it('counts words of 3+ letters, folded, without stopwords or plural s', () => {
    expect(titleSimilarity('Talks in Baku', 'talk BAKÚ')).toBe(1);
    expect(titleSimilarity('The talks', 'Baku')).toBe(0);
    expect(titleSimilarity('', 'Baku')).toBe(0);
  });
});
