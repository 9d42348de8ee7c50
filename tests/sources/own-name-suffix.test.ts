// GIVEN an outlet whose feed ends every headline with its own name (`… - Enab Baladi`,
// `… | Enab Baladi`) WHEN the feed is read THEN the items' titles are the headlines alone: the
// review card, the same-story comparison with other outlets and an approved entry's title are
// not cluttered with the name the card already shows as the outlet.
import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../src/sources/parse-feed.js';

function titles(feedTitle: string, itemTitles: string[]): string[] {
  const items = itemTitles.map((title, i) => `<item><guid>i${i}</guid><title>${title}</title></item>`).join('');
  const outcome = parseFeedText(`<?xml version="1.0"?><rss version="2.0"><channel><title>${feedTitle}</title>${items}</channel></rss>`);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed.items.map((item) => item.title);
}

describe('GIVEN headlines ending with the feed\'s name', () => {
  it('THEN the name and its separator are taken off, whatever the separator and the case', () => {
    expect(titles('Enab Baladi', ['Israeli drone strike kills two near Quneitra - Enab Baladi', 'Talks resume in Amman | Enab Baladi', 'Aid reaches Sweida — ENAB BALADI', 'Curfew lifted in Jableh – enab baladi'])).toEqual([
      'Israeli drone strike kills two near Quneitra',
      'Talks resume in Amman',
      'Aid reaches Sweida',
      'Curfew lifted in Jableh',
    ]);
  });

  it('THEN a feed titled with a description after its name has that name taken off', () => {
    expect(titles('Levant Monitor – News from Syria', ['Strikes on Damascus - Levant Monitor', 'Strikes on Damascus | Levant Monitor – News from Syria'])).toEqual([
      'Strikes on Damascus',
      'Strikes on Damascus',
    ]);
  });

  it('THEN headlines that only mention it, end with another name, or are nothing but the name keep every word', () => {
    expect(titles('Enab Baladi', ['Enab Baladi reporter detained in Idlib', 'Ceasefire holds - Reuters', 'Enab Baladi', 'Interview with Enab Baladi'])).toEqual([
      'Enab Baladi reporter detained in Idlib',
      'Ceasefire holds - Reuters',
      'Enab Baladi',
      'Interview with Enab Baladi',
    ]);
  });
});
