// Titles giving figures: the same figure in digits or in words is one story; different figures
// (a toll that rose, another count) are two reports to review.
import { describe, expect, it } from 'vitest';
import { sameStory, titleWords } from '../../src/core/sources/same-story.js';

const at = (iso: string) => new Date(iso);
const day = at('2025-07-12T10:00:00Z');

const both = (a: string, b: string, when: [Date, Date] = [day, day]) => [
  sameStory({ title: a, published: when[0] }, { title: b, published: when[1] }),
  sameStory({ title: b, published: when[1] }, { title: a, published: when[0] }),
];

describe('sameStory with figures', () => {
  it.each([
    // A number word is its figure in digits, a word both titles share.
    ['Three killed in Sweida clashes', '3 killed in Sweida clashes'],
    ['Three killed in Sweida clashes', '3 killed in Sweida clashes, monitor says'],
    ['Strike on Gaza school kills 30', 'Strike on Gaza school kills thirty'],
    ['Strike on Gaza school kills 30, officials say', 'Strike on Gaza school kills thirty'],
    ['Twenty-five killed in Sweida clashes, monitor says', '25 killed in Sweida clashes, monitor says'],
    ['Strike on Gaza school kills two hundred', 'Strike on Gaza school kills 200'],
    ['Trois morts dans une frappe israélienne près de Quneitra', '3 morts dans une frappe israélienne près de Quneitra'],
    // Thousands written apart or not, Arabic digits or ASCII ones.
    ['Sweida clashes displace 1,200 families, UN says', 'Sweida clashes displace 1200 families'],
    ['مقتل ٣ في غارة إسرائيلية قرب القنيطرة', 'مقتل 3 في غارة إسرائيلية قرب القنيطرة'],
    // One title gives no figure, or only some of the other's: nothing says they differ.
    ['Strike on Gaza school kills 30, wounds 45', 'Strike on Gaza school kills 30'],
    // The same score, however its dash is written; a season or a date is no score.
    ['Football: Cup quarter-final 3-1 ends in draw', 'Football: Cup quarter-final 3 – 1 ends in draw'],
    ['Sweida clashes of 2024-25 season kill 3', 'Sweida clashes of 2024-25 season kill three'],
  ])('GIVEN %j and %j THEN the same story', (a, b) => {
    expect(both(a, b)).toEqual([true, true]);
  });

  it.each([
    ['Strike on Gaza school kills 30', 'Strike on Gaza school kills 3'],
    ['Strike on Gaza school kills 30', 'Strike on Gaza school kills 45'],
    ['200 detained in Sweida raids', '20 detained in Sweida raids'],
    ['Strike on Gaza school kills 3', 'Strike on Gaza school kills thirty'],
    ['Three killed in Sweida clashes', 'Four killed in Sweida clashes'],
    ['Twenty-five killed in Sweida clashes', 'Twenty killed in Sweida clashes'],
    ['Trois morts dans une frappe israélienne près de Quneitra', 'Quatre morts dans une frappe israélienne près de Quneitra'],
    ['مقتل ٣٠ في غارة إسرائيلية قرب القنيطرة', 'مقتل 3 في غارة إسرائيلية قرب القنيطرة'],
    // A score is one figure, its order kept; figures given as often, and in the order, the title gives them.
    ['Football: Cup quarter-final 1-1 ends in draw', 'Football: Cup quarter-final 1-0 ends in draw'],
    ['Football: Cup quarter-final 2-2 ends in draw', 'Football: Cup quarter-final 1-2 ends in draw'],
    ['Football: Cup quarter-final 3-1 ends in draw', 'Football: Cup quarter-final 1-3 ends in draw'],
    ['Sweida clashes: 2 killed, 2 wounded', 'Sweida clashes: 2 killed, 3 wounded'],
    ['Sweida clashes: 3 killed, 1 wounded', 'Sweida clashes: 1 killed, 3 wounded'],
  ])('GIVEN %j and %j THEN different stories', (a, b) => {
    expect(both(a, b)).toEqual([false, false]);
  });

  it('GIVEN a wire story whose toll rose two hours later THEN two stories, so the new toll comes to review', () => {
    const when: [Date, Date] = [at('2025-07-12T09:00:00Z'), at('2025-07-12T11:00:00Z')];
    expect(both('Strike on Gaza school kills 30', 'Strike on Gaza school kills 45', when)).toEqual([false, false]);
    expect(both('Strike on Gaza school kills 30', 'Strike on Gaza school kills thirty, officials say', when)).toEqual([true, true]);
  });
});

describe('titleWords with figures', () => {
  it.each([
    ['Three killed in Sweida', ['3', 'killed', 'sweida']],
    ['Twenty-five killed in Sweida', ['25', 'killed', 'sweida']],
    ['A hundred and fifty detained in Sweida', ['150', 'detained', 'sweida']],
    ['Two million displaced in Syria', ['2000000', 'displaced', 'syria']],
    ['Quatre-vingt-dix-sept morts à Sweida', ['97', 'mort', 'sweida']],
    ['Strike kills 1,200', ['strike', 'kill', '1200']],
  ])('GIVEN %j THEN its figure is one word in digits: %j', (title, words) => {
    expect([...titleWords(title)]).toEqual(words);
  });

  it.each([
    // Words that say no figure (`one` stays a word), or are other words spelt like one.
    ['Hundreds killed in Sweida', ['hundred', 'killed', 'sweida']],
    ['No one hurt in Damascus blast', ['one', 'hurt', 'damascu', 'blast']],
    ['Prices up 40 per cent in Damascus', ['price', '40', 'per', 'cent', 'damascu']],
    ['Rebels seize Sweida town', ['rebel', 'seize', 'sweida', 'town']],
    // A word every JavaScript object answers to (`constructor`) is a word like any other.
    ['Turkish constructor wins Damascus tender', ['turkish', 'constructor', 'wins', 'damascu', 'tender']],
  ])('GIVEN %j THEN no figure beyond its digits: %j', (title, words) => {
    expect([...titleWords(title)]).toEqual(words);
  });
});
