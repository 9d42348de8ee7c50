// Help asked for as other tools take it (`--help`, `-h`, `help` after a command) points to /help
// for that command; a misspelled command or subcommand is offered back with the rest of the line.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());
const reader: Caller = { platform: 'memory', userId: 'reader' };
const reply = async (text: string) => viewText(await app.dispatcher.runText(text, reader));

describe('GIVEN help asked for after a command', () => {
  it.each([
    ['/timeline --help', '--help', 'timeline'],
    ['/timeline -h', '-h', 'timeline'],
    ['/timeline help', 'help', 'timeline'],
    ['/entry help', 'help', 'entry'],
    ['/entry --help', '--help', 'entry'],
    ['/entry show --help', '--help', 'entry show'],
  ])('WHEN %s is typed THEN the reply points to /help for it', async (line, typed, path) => {
    const said = await reply(line);
    expect(said).toContain(`\`${typed}\` is not how help is asked for here.\nFor \`/${path}\` and its options: \`/help ${path}\``);
    expect(said).not.toContain('There is no topic');
  });

  it('WHEN /search help is typed THEN the word is searched for, as any other', async () => {
    expect(await reply('/search help')).toContain('Search — “help”');
  });

  it('WHEN /help help is typed THEN /help is explained', async () => {
    expect(await reply('/help help')).toMatch(/^\/help\n/);
  });
});

describe('GIVEN a misspelled subcommand or command', () => {
  it('WHEN /entry shwo 12 is typed THEN the suggestion keeps the 12', async () => {
    expect(await reply('/entry shwo 12')).toContain('Did you mean `/entry show 12`?');
  });

  it('WHEN options follow THEN the suggestion keeps them, quoted as needed', async () => {
    expect(await reply('/entry shwo id:12 as_of:"12 Jul 2025"')).toContain('Did you mean `/entry show id:12 as_of:"12 Jul 2025"`?');
  });

  it('WHEN the command is misspelled THEN the suggestion keeps the rest of the line', async () => {
    expect(await reply('/timelin since:2025')).toContain('Did you mean `/timeline since:2025`?');
  });
});

describe('GIVEN /help asked for a subcommand that is not one', () => {
  it('WHEN /help entry shwo is typed THEN it says so, offers the one meant, and shows all of /entry', async () => {
    const said = await reply('/help command:"entry shwo"');
    expect(said).toContain('/entry has no subcommand shwo (did you mean /entry show?); here is all of /entry.');
    expect(said).toContain('/entry show');
    expect(said).toContain('/entry edit');
  });

  it('WHEN /help entry show is typed THEN only /entry show is explained, with no such line', async () => {
    const said = await reply('/help command:"entry show"');
    expect(said).not.toContain('has no subcommand');
    expect(said).not.toContain('/entry edit');
  });
});
