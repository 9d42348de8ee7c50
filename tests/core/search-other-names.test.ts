// GIVEN the seed's states WHEN /search is given one by its name in another language (French,
// Arabic), alone or beside other words THEN it finds what the state's own name finds, and says
// how it read the query; words that hold something, or name no actor, are searched as typed.
// A place named in a spelling no entry holds is pointed to its timeline, which reads every spelling.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { viewText } from '../support/view-text.js';
import { createTestApp } from '../support/test-app.js';

const app = createTestApp('');
afterAll(() => app.dispose());
const reader: Caller = { platform: 'discord', userId: '7', workspaceId: 'g', channelId: 'c' };
const text = async (line: string) => viewText(await app.dispatcher.runText(line, reader));
const entryIds = (shown: string) => [...shown.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1]));

describe('GIVEN a search naming a state in another language', () => {
  it('WHEN it is the whole query THEN the results are those of the state’s own name, said so', async () => {
    const own = await text('/search Syria limit:25');
    const french = await text('/search Syrie limit:25');
    expect(entryIds(french)).toEqual(entryIds(own));
    expect(entryIds(french).length).toBeGreaterThan(0);
    expect(french).toContain('No entry holds the words as typed; “Syrie” is another name of Syria: showing `/search query:"Syria"`.');
    const arabic = await text('/search إسرائيل limit:25');
    expect(entryIds(arabic)).toEqual(entryIds(await text('/search Israel limit:25')));
    expect(arabic).toContain('“إسرائيل” is another name of Israel');
  });

  it('WHEN it stands beside another word THEN that word still narrows the results', async () => {
    const mixed = await text('/search Syrie Golan');
    expect(entryIds(mixed)).toEqual(entryIds(await text('/search Syria Golan')));
    expect(mixed).toContain('showing `/search query:"Syria Golan"`');
  });

  it('WHEN the words as typed find entries, or name no actor THEN nothing is read otherwise', async () => {
    expect(await text('/search Syria')).not.toContain('another name');
    expect(await text('/search Syrieee')).toContain('Every word must appear in an entry');
  });
});

describe('GIVEN a search naming a place in a spelling no entry holds', () => {
  it('WHEN nothing matches THEN the reply points to the place’s timeline, which lists its entries', async () => {
    const shown = await text('/search Soueida');
    expect(shown).toContain('“Soueida” is a place (Suwayda, Syria) with entries under other spellings: `/timeline place:Soueida` lists them.');
    const sweida = entryIds(await text('/timeline place:Sweida'));
    expect(sweida.length).toBeGreaterThan(0);
    expect(entryIds(await text('/timeline place:Soueida'))).toEqual(sweida);
    expect(await text('/search Tartus')).not.toContain('is a place');
  });
});
