// Mistakes a newcomer makes typing a command: a question in plain words, an option written as
// other tools write them (`limit=5`), a misspelled subcommand. Each reply says what to type.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText, REFUSAL_TITLE } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());
const reader: Caller = { platform: 'memory', userId: 'reader' };
const reply = async (text: string) => viewText(await app.dispatcher.runText(text, reader));

describe('GIVEN a question typed in plain words, without a slash', () => {
  it('WHEN its first word is no command THEN the reply points to /search with its words, not to a look-alike command', async () => {
    const said = await reply('What happened in Paris?');
    expect(said).toContain('“What happened in Paris?” is not a command: commands start with /, and `/help` lists them.');
    expect(said).toContain('To search the entries for these words: `/search Paris`');
    expect(said).not.toContain('Did you mean');
  });

  it('WHEN the pointed search is run THEN it finds the entries about the place asked of', async () => {
    const said = await reply('/search Paris');
    expect(said).not.toMatch(REFUSAL_TITLE);
    expect(said).toContain('Showing 1 to 5 of 5 results.');
  });

  it("WHEN it names someone with an apostrophe THEN the search keeps the name and leaves out the question's filler", async () => {
    const said = await reply("What did Assad's envoy say about the talks in Paris?");
    expect(said).toContain("To search the entries for these words: `/search Assad's envoy say talks Paris`");
  });

  it('WHEN it is only question words THEN the reply points to /help and suggests no search', async () => {
    const said = await reply('What happened?');
    expect(said).toContain('“What happened?” is not a command: commands start with /, and `/help` lists them.');
    expect(said).not.toContain('/search');
  });

  it.each(['--help', '-h'])('WHEN the line is %s THEN the reply points to /help, not to a search for "help"', async (typed) => {
    const said = await reply(typed);
    expect(said).toContain(`“${typed}” is not a command: commands start with /, and \`/help\` lists them.`);
    expect(said).not.toContain('/search');
  });

  it('WHEN its first word ends with a colon, as a label THEN the reply points to /search without the label, not to a command /note:', async () => {
    const said = await reply('Note: talks in Paris');
    expect(said).toContain('“Note: talks in Paris” is not a command: commands start with /, and `/help` lists them.');
    expect(said).toContain('To search the entries for these words: `/search talks Paris`');
    expect(said).not.toContain('There is no command');
  });

  it('WHEN the search pointed to from a labelled line is run THEN it finds the entries', async () => {
    const said = await reply('/search talks Paris');
    expect(said).not.toMatch(REFUSAL_TITLE);
    expect(said).toContain('Showing 1 to 4 of 4 results.');
  });

  it.each(['Q:', 'Question:'])('WHEN the label is %s THEN the search leaves it out', async (label) => {
    expect(await reply(`${label} talks in Paris`)).toContain('To search the entries for these words: `/search talks Paris`');
  });

  it('WHEN the first word is an option name with a colon, but no command is typed THEN the search leaves it out too', async () => {
    expect(await reply('topic: talks in Paris')).toContain('To search the entries for these words: `/search talks Paris`');
  });

  it('WHEN the line holds backticks THEN the quoted line leaves them out, and nothing shows as code', async () => {
    expect(await reply('```text')).toContain('“text” is not a command');
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

  it('WHEN other options are typed with it THEN the example is the whole line rewritten, and it runs', async () => {
    const said = await reply('/entry show id:3 as_of=2025-07-20');
    expect(said).toContain('For example: `/entry show id:3 as_of:2025-07-20`');
    expect(await reply('/entry show id:3 as_of:2025-07-20')).not.toContain('is not how options are written');
  });

  it('WHEN several options are written name=value THEN the reply names each, and the example rewrites them all', async () => {
    const said = await reply('/timeline limit=5 since=2025-07');
    expect(said).toContain('`limit=5` and `since=2025-07` are not how options are written here: write them name:value.');
    expect(said).toContain('For example: `/timeline limit:5 since:2025-07`');
    expect(await reply('/timeline limit:5 since:2025-07')).toMatch(/^Timeline — since Jul 2025\n/);
  });

  it('WHEN words fill the first option THEN the example keeps them, after the options', async () => {
    const said = await reply('/search Ron Dermer limit=2');
    expect(said).toContain('For example: `/search limit:2 Ron Dermer`');
  });

  it('WHEN the words only contain = without naming an option THEN they are read as words', async () => {
    expect(await reply('/search x=y')).not.toContain('is not how options are written');
  });
});

describe('GIVEN a misspelled subcommand', () => {
  it.each([
    ['/entry sho 15', '/entry show 15'],
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
    expect(said).toContain("To search the entries for these words: `/search Twas really new Damascus`");
    expect(await reply('/search Twas really new Damascus')).not.toMatch(REFUSAL_TITLE);
  });
});
