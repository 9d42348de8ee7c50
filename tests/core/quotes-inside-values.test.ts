// GIVEN a quoted value that holds quotes itself (a title quoting someone, a claim's note) WHEN it
// is typed on the console THEN `\"` inside the quotes is a quote and `\\` a backslash, what is
// stored is what was meant, and text glued right after a closing quote is refused, saying how to
// put a quote inside a value; refusals that write a value back write it so it reads the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { quotedWords } from '../../src/core/quoted-words.js';
import { formatInvocation, parseCommandText } from '../../src/core/text-syntax.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };

let app: TestApp;
beforeAll(() => {
  app = createTestApp('');
});
afterAll(() => app.dispose());

const run = (line: string) => app.dispatcher.runText(line, operator);
const reply = async (line: string) => viewText(await run(line));

describe('GIVEN a title quoting someone, written with \\" inside the quotes', () => {
  it('THEN the entry is stored with the quotes as typed, and /entry show shows them', async () => {
    const added = await run('/entry add title:"He said \\"no\\"" date:2025-07 type:other topic:syria-israel outlet:X');
    expect(added.tone, viewText(added)).toBe('success');
    expect(viewText(added)).toContain('He said "no"');
    const id = Number(/#(\d+)/.exec(viewText(added))![1]);
    expect(await reply(`/entry show id:${id}`)).toContain('He said "no"');
    expect(await reply(`/entry show id:${id}`)).not.toContain('\\');
  });

  it('THEN a claim note with \\" is recorded with its quotes', async () => {
    const recorded = await reply('/entry claim id:10 actor:Syria stance:denies outlet:SANA date:2025-07-20 note:"Calls it \\"aggression\\""');
    expect(recorded).toContain('Syria denies · 20 Jul 2025 · SANA — Calls it "aggression"');
  });

  it('THEN the other quotes hold straight ones, and \\\\ is one backslash', () => {
    expect(parseCommandText(`/search query:'He said "no"'`).options).toEqual({ query: 'He said "no"' });
    expect(parseCommandText('/search query:“He said "no"”').options).toEqual({ query: 'He said "no"' });
    expect(parseCommandText('/search query:"C:\\\\temp\\\\" page:2').options).toEqual({ query: 'C:\\temp\\', page: '2' });
    // A backslash before anything else is text: no escape to learn for a path.
    expect(parseCommandText('/search query:"C:\\temp x"').options).toEqual({ query: 'C:\\temp x' });
  });
});

describe('GIVEN text glued right after a closing quote', () => {
  it('THEN it is refused, nothing is added, and the reply says how to put a quote inside a value', async () => {
    const before = await reply('/entry list');
    const refused = await run('/entry add title:"He said "no"" date:2025-07 type:other topic:syria-israel outlet:X');
    expect(refused.tone).toBe('error');
    expect(viewText(refused)).toContain('`no""` follows a closing quote at character 27: text right after a quote is not read into the value.');
    expect(viewText(refused)).toContain(`Write a quote inside a value as \\" (title:"He said \\"no\\"") or use the other quotes: title:'He said "no"'.`);
    expect(await reply('/entry list')).toBe(before);
  });

  it('THEN a word after an apostrophe-quoted value is refused too, rather than joined to it', () => {
    expect(() => parseCommandText("/timeline actor:'Assad's")).toThrow(/`s` follows a closing quote/);
  });

  it('WHEN a value ends in \\" and is never closed THEN the refusal says \\" is a quote inside it', () => {
    expect(() => parseCommandText('/search query:"He said \\"no\\"')).toThrow(/never closed/);
    try {
      parseCommandText('/search query:"He said \\"no\\"');
    } catch (error) {
      expect((error as { hints: string[] }).hints).toEqual(['\\" is a quote inside the value, not its end: close the value with one more ", or end it with a backslash as \\\\".']);
    }
  });
});

describe('GIVEN a value with quotes written back (a page link, a "did you mean")', () => {
  it('THEN a word left after it is refused with the value written so it reads the same', async () => {
    const refused = await reply('/entry add title:"Test \\"quoted\\"" word date:2025-07 type:other topic:syria-israel outlet:X');
    expect(refused).toContain('did you mean `title:"Test \\"quoted\\" word"`?');
  });

  it.each(['He said "no"', 'C:\\temp\\', 'a \\" b', '“curly” and "straight"'])('THEN %j is written back so it parses to the same value', (value) => {
    const text = formatInvocation({ command: 'search', args: { query: value, page: 2 } });
    expect(parseCommandText(text).options).toEqual({ query: value, page: '2' });
  });
});

describe('GIVEN typed text split into words before the parser reads it (Slack reads its own --public flag so)', () => {
  it('WHEN a quoted value holds an odd number of \\" THEN the words after it are still outside the quotes', () => {
    expect(quotedWords('/entry add title:"a \\" b" --public')).toEqual(['/entry', 'add', 'title:"a \\" b"', '--public']);
  });
});
