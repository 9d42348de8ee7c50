// A headline opening with the agreement it reports leaves its verb out (`اتفاق على وقف إطلاق
// النار`, `Cessez-le-feu à Gaza`): the card suggests an agreement; one saying the agreement broke
// or was turned down does not.
import { describe, expect, it } from 'vitest';
import { guessEventType } from '../../src/core/review/type-guess.js';

const typeOf = (title: string) => guessEventType({ title, summary: '' });

describe('GIVEN a title opening with an agreement', () => {
  it.each([
    'اتفاق على وقف إطلاق النار',
    'اتفاق على وقف إطلاق النار في درعا',
    'هدنة في غزة',
    'Accord de cessez-le-feu à Soueida',
    'Cessez-le-feu à Gaza',
    'Ceasefire in Gaza',
    'Truce in Sweida',
  ])('WHEN it is %j THEN the suggested type is agreement', (title) => {
    expect(typeOf(title)).toBe('agreement');
  });

  it.each([
    'Ceasefire violated in Sweida',
    'Ceasefire collapses in Sweida',
    'Truce breaks down in Gaza',
    'Ceasefire proposal rejected',
    'Cessez-le-feu violé à Soueida',
    'خرق وقف إطلاق النار في السويداء',
    'وقف إطلاق النار ينهار في السويداء',
    // Named after the event, or not opening the title: what it is about, not its event.
    'Opinion: what al-Sharaa wants from the ceasefire',
  ])('WHEN it is %j THEN no agreement is suggested', (title) => {
    expect(typeOf(title)).toBe('other');
  });

  it('WHEN the title tells another event too THEN that event is suggested', () => {
    expect(typeOf('Cessez-le-feu à Soueida : les pourparlers reprennent')).toBe('talks');
    expect(typeOf('Ceasefire talks resume in Baku')).toBe('talks');
    expect(typeOf('هدنة هشة وقصف على ريف درعا')).toBe('shelling');
  });
});

describe('GIVEN a title or summary telling of an agreement still to be made', () => {
  it.each([
    ['Israel, Syria near deal on de-escalation in south, sources say', 'A deal could be signed within weeks, two sources told Reuters.'],
    ['Syria and Israel close to a security agreement, envoy says', ''],
    ['Sweida truce could be reached this week', ''],
    ["Israël et la Syrie proches d'un accord de sécurité", ''],
    ['اتفاق وشيك بين سوريا وإسرائيل', ''],
  ])('WHEN it is %j THEN the talks are suggested, not an agreement', (title, summary) => {
    expect(guessEventType({ title, summary })).toBe('talks');
  });

  it('WHEN a memorandum is signed THEN it is an agreement; one made, with a fear for later, still is', () => {
    expect(guessEventType({ title: 'Turkey and Syria sign defence cooperation memorandum', summary: '' })).toBe('agreement');
    expect(guessEventType({ title: 'Ceasefire signed; fighting could resume, analysts fear', summary: '' })).toBe('agreement');
  });
});

describe('GIVEN a title telling what someone threatens or vows to do', () => {
  it.each([
    "Israel's Katz threatens to strike Damascus again",
    'Hezbollah vows to retaliate for commander killing',
    'Netanyahu pledges to keep troops in southern Syria',
    'Israël menace de frapper Damas',
    'إسرائيل تهدد بقصف دمشق',
    // Denied, the act is not the event either.
    'Hezbollah denies involvement in rocket fire',
    'Le Hezbollah dément toute implication dans les tirs de roquettes',
    'حزب الله ينفي علاقته بإطلاق الصواريخ',
  ])('WHEN it is %j THEN a statement is suggested, not the act threatened or denied', (title) => {
    expect(guessEventType({ title, summary: '' })).toBe('statement');
  });

  it('WHEN the act happened, the threat before it THEN the act is suggested', () => {
    expect(guessEventType({ title: 'Israel strikes Damascus after threatening to act', summary: '' })).toBe('air-strike');
  });
});
