// Mistakes a newcomer makes typing a command: a question in plain words, an option written as
// other tools write them (`limit=5`), a misspelled subcommand. Each reply says what to type.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());
const reader: Caller = { platform: 'memory', userId: 'reader' };
const reply = async (text: string) => viewText(await app.dispatcher.runText(text, reader));

describe('GIVEN a question typed in plain words, without a slash', () => {
  it('WHEN its first word is no command THEN the reply points to /search with its words, not to a look-alike command', async () => {
    const said = await reply('What happened in Paris?');
    expect(said).toContain('`What` is not a command: commands start with /, and `/help` lists them.');
    expect(said).toContain('To search the entries for these words: `/search What happened in Paris`');
    expect(said).not.toContain('Did you mean');
  });

  it('WHEN the pointed search is run THEN it searches', async () => {
    const said = await reply('/search What happened in Paris');
    expect(said).not.toContain('✖');
    expect(said).not.toContain('not a command');
  });

  it('WHEN its first word is a command THEN it still runs as that command', async () => {
    expect(await reply('timeline limit:1')).toMatch(/^Timeline\n/);
  });
});

describe('GIVEN an option written name=value', () => {
  it('WHEN the name is an option of the command THEN the reply says to write name:value, with the example', async () => {
    const said = await reply('/timeline limit=5');
    expect(said).toContain('`limit=5` is not how options are written here: write them name:value.');
    expect(said).toContain('For example: `/timeline limit:5`');
    expect(said).not.toContain('There is no topic');
  });

  it('WHEN the words only contain = without naming an option THEN they are read as words', async () => {
    expect(await reply('/search x=y')).not.toContain('is not how options are written');
  });
});

describe('GIVEN a misspelled subcommand', () => {
  it.each([
    ['/entry sho 15', '/entry show'],
    ['/actors lst', '/actors list'],
    ['/digest subscibe', '/digest subscribe'],
  ])('WHEN %s THEN the refusal asks whether %s was meant', async (typed, meant) => {
    const said = await reply(typed);
    expect(said).toContain('has no subcommand');
    expect(said).toContain(`Did you mean \`${meant}\`?`);
  });
});

describe('GIVEN a question whose words start with a quote or a dash', () => {
  it('WHEN it is typed in plain words THEN the /search pointed to runs as shown', async () => {
    const said = await reply("'Twas --really what's new, Damascus?!");
    expect(said).toContain("To search the entries for these words: `/search Twas really what's new Damascus`");
    expect(await reply("/search Twas really what's new Damascus")).not.toContain('✖');
  });
});
