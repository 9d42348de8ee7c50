// GIVEN a place or an actor typed in the quotes a phone keyboard types — a closing quote right after
// the colon (`place:”Sweida”`), German or Nordic quotes, or curly quotes around a value a platform's
// own field hands over — WHEN a command reads it THEN the quotes are no part of the name: the
// replies name the place as it is called, and quotes inside a name (an apostrophe) are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { quotedWords } from '../../src/core/quoted-words.js';
import { formatInvocation, parseCommandText } from '../../src/core/text-syntax.js';
import { withoutWrappingQuotes } from '../../src/core/value-quotes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const reader: Caller = { platform: 'console', userId: 'reader', channelId: 'console' };

let app: TestApp;
beforeAll(() => {
  app = createTestApp('');
});
afterAll(() => app.dispose());

const reply = async (line: string) => viewText(await app.dispatcher.runText(line, reader));

describe('GIVEN a place typed on a phone as place:”Sweida”', () => {
  it('THEN /watch add names the place without the quotes, and says what to type for the city alone', async () => {
    const added = await reply('/watch add place:”Sweida”');
    expect(added).toContain('You now watch the place Sweida (Suwayda region, Syria) as watch #1.');
    expect(added).toContain('for the city alone: `/watch add place:"Sweida city"`');
    expect(added).not.toContain('”');
  });

  it('THEN /watch list shows the watch under the name alone', async () => {
    expect(await reply('/watch list')).toContain('#1 place Sweida (Suwayda region, Syria)');
  });

  it('THEN /place suggests the timeline of the name alone', async () => {
    expect(await reply('/place name:”Sweida”')).toContain('All entries: `/timeline place:Sweida`');
  });

  it('THEN /timeline is titled with the name alone', async () => {
    const timeline = await reply('/timeline place:”Sweida”');
    expect(timeline.split('\n')[0]).toBe('Timeline — place Sweida');
    expect(timeline).toContain('#10 Israeli strikes in Damascus and Sweida province');
  });

  it('WHEN a platform field holds “Sweida” (as Discord passes a phone’s value) THEN the timeline is titled with the name alone, and a title keeps its quotes', async () => {
    const timeline = viewText(await app.dispatcher.run({ command: 'timeline', args: { place: '“Sweida”' }, caller: reader }));
    expect(timeline.split('\n')[0]).toBe('Timeline — place Sweida');
    expect(timeline).toContain('#10 Israeli strikes in Damascus and Sweida province');
    const searched = viewText(await app.dispatcher.run({ command: 'search', args: { query: 'He said “no”' }, caller: reader }));
    expect(searched.split('\n')[0]).toContain('He said “no”');
  });

  it('THEN German and Nordic quotes read the same', async () => {
    expect((await reply('/timeline place:„Sweida“')).split('\n')[0]).toBe('Timeline — place Sweida');
    expect((await reply('/timeline place:»Sweida«')).split('\n')[0]).toBe('Timeline — place Sweida');
  });
});

describe('GIVEN an actor typed in a phone’s quotes', () => {
  it('THEN /actor shows the actor', async () => {
    expect((await reply('/actor ’al-Sharaa’')).split('\n')[0]).toBe('Ahmed al-Sharaa');
    expect((await reply('/actor name:”al-Sharaa”')).split('\n')[0]).toBe('Ahmed al-Sharaa');
  });

  it('THEN an apostrophe inside the name stays in it, and a value with spaces is one value', () => {
    expect(parseCommandText('/timeline actor:”al-Sharaa’s”').options).toEqual({ actor: 'al-Sharaa’s' });
    expect(parseCommandText('/timeline actor:’al-Sharaa’s’').options).toEqual({ actor: 'al-Sharaa’s' });
    expect(parseCommandText('/search query:”Sweida ceasefire” limit:5').options).toEqual({ query: 'Sweida ceasefire', limit: '5' });
  });

  it('THEN such a mark that nothing closes is part of the word, as a name may start with one', () => {
    expect(parseCommandText('/timeline place:’Ayn date:2025').options).toEqual({ place: '’Ayn', date: '2025' });
    expect(parseCommandText('/search ’Ayn Issa’s').words).toEqual(['’Ayn', 'Issa’s']);
    expect(parseCommandText('/search ’Ayn al-‘Arab').words).toEqual(['’Ayn', 'al-‘Arab']);
  });

  it('THEN a value that starts with such a mark is written back in quotes, to read the same', () => {
    for (const value of ['”Sweida”', '’Ayn', '„Sweida“']) {
      expect(parseCommandText(formatInvocation({ command: 'timeline', args: { place: value } })).options).toEqual({ place: value });
    }
  });

  it('THEN an adapter finds its flags outside these quotes only', () => {
    expect(quotedWords('/search query:”a --public b” --public')).toEqual(['/search', 'query:”a --public b”', '--public']);
    expect(quotedWords('/search Assad’s --public')).toEqual(['/search', 'Assad’s', '--public']);
  });
});

describe('GIVEN a value from a platform’s own field, wholly wrapped in quotes', () => {
  it.each([
    ['“Sweida”', 'Sweida'],
    ['”Sweida”', 'Sweida'],
    ['‘al-Sharaa’', 'al-Sharaa'],
    ['«Sweida»', 'Sweida'],
    ['"Sweida"', 'Sweida'],
    ["'Sweida'", 'Sweida'],
    ['“al-Sharaa’s”', 'al-Sharaa’s'],
    ['‘al-Sharaa’s’', 'al-Sharaa’s'],
  ])('THEN %s is read as %s', (value, read) => {
    expect(withoutWrappingQuotes(value)).toBe(read);
  });

  it.each(['He said “no”', '“a” or “b”', 'al-Sharaa’s', '“”', 'Sweida'])('THEN %s keeps its quotes', (value) => {
    expect(withoutWrappingQuotes(value)).toBe(value);
  });
});
