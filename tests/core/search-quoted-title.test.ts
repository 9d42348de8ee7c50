// GIVEN a search typed in quotes (curly from a phone, straight inside other quotes, or as a
// platform's field hands them over) WHEN it runs THEN its title quotes the words once, and the
// quotes change nothing of what is found: every word is wanted, in any order, as without them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const reader: Caller = { platform: 'console', userId: 'reader', channelId: 'console' };

let app: TestApp;
beforeAll(() => {
  app = createTestApp('');
});
afterAll(() => app.dispose());

const reply = async (line: string) => viewText(await app.dispatcher.runText(line, reader));
/** The search as a platform's own field delivers it, quotes and all. */
const fieldReply = async (query: string) => viewText(await app.dispatcher.run({ command: 'search', args: { query }, caller: reader }));
const withoutTitle = (text: string) => text.split('\n').slice(1).join('\n');

describe('GIVEN the query “Israeli strikes”', () => {
  it.each([`/search query:'"Israeli strikes"'`, '/search query:”Israeli strikes”', '/search ”Israeli strikes”', '/search query:\'“Israeli strikes”\''])('WHEN typed as %s THEN the title quotes it once', async (line) => {
    expect((await reply(line)).split('\n')[0]).toBe('Search — “Israeli strikes”');
  });

  it.each(['“Israeli strikes”', '"Israeli strikes"'])('WHEN a platform field holds %s THEN the title quotes it once', async (query) => {
    expect((await fieldReply(query)).split('\n')[0]).toBe('Search — “Israeli strikes”');
  });

  it('THEN the quoted words find what the words alone find', async () => {
    const plain = await reply('/search Israeli strikes');
    expect(plain).toContain('#10 Israeli strikes in Damascus and Sweida province');
    expect(withoutTitle(await reply(`/search query:'"Israeli strikes"'`))).toBe(withoutTitle(plain));
    expect(withoutTitle(await fieldReply('“Israeli strikes”'))).toBe(withoutTitle(plain));
  });

  it('THEN a query with quotes inside keeps them in its title', async () => {
    expect((await reply(`/search query:'Israeli "strikes"'`)).split('\n')[0]).toBe('Search — “Israeli "strikes"”');
  });
});
