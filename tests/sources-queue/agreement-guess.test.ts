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
