import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { convertArgs } from '../../src/core/option-values.js';
import { formatInvocation, parseCommandText } from '../../src/core/text-syntax.js';
import { timelineCommand } from '../../commands/timeline.js';
import { CommandRegistry } from '../../src/core/registry.js';

describe('GIVEN the shared text syntax', () => {
  it('THEN options, quoted values and bare words are split apart', () => {
    expect(parseCommandText('/timeline actor:"Ron Dermer" since:2025-07 limit:5')).toEqual({
      command: 'timeline',
      words: [],
      options: { actor: 'Ron Dermer', since: '2025-07', limit: '5' },
    });
    expect(parseCommandText('/actor Barrack')).toEqual({ command: 'actor', words: ['Barrack'], options: {} });
    expect(parseCommandText('/entry show 3')).toEqual({ command: 'entry', words: ['show', '3'], options: {} });
  });

  it('THEN typographic quotes from phones and Slack work like straight ones', () => {
    expect(parseCommandText('/timeline actor:“Ron Dermer”').options).toEqual({ actor: 'Ron Dermer' });
  });

  it('THEN the command name is case-insensitive and the slash optional', () => {
    expect(parseCommandText('TIMELINE limit:2').command).toBe('timeline');
  });

  it('WHEN a quote is not closed THEN it says so', () => {
    expect(() => parseCommandText('/timeline actor:"Ron Dermer')).toThrow(/never closed/);
  });

  it('WHEN an option is given twice THEN it is refused', () => {
    expect(() => parseCommandText('/timeline limit:2 limit:3')).toThrow(/given twice/);
  });

  it("THEN an apostrophe inside a word is text, and a colon followed by a space is not an option", () => {
    expect(parseCommandText("/search Assad's ouster")).toEqual({ command: 'search', words: ["Assad's", 'ouster'], options: {} });
    expect(parseCommandText("/timeline actor:Sa'ar").options).toEqual({ actor: "Sa'ar" });
    expect(parseCommandText('/search Syria: unity')).toEqual({ command: 'search', words: ['Syria:', 'unity'], options: {} });
    const registry = new CommandRegistry([timelineCommand]);
    expect(() => registry.resolveText(parseCommandText('/timeline actor: Dermer'))).toThrow(/Option `actor` has no value: write it right after the colon/);
  });

  it('WHEN a flag is typed as Slack or a shell writes one (--public, --topic=gaza) THEN it is refused, saying how options are written', () => {
    const registry = new CommandRegistry([timelineCommand]);
    const refusal = (text: string) => {
      try {
        registry.resolveText(parseCommandText(text));
      } catch (error) {
        return error instanceof UserError ? [error.message, ...error.hints].join(' ') : String(error);
      }
      return 'accepted';
    };
    // Before, `--public` was read as the topic asked for: "There is no topic --public".
    expect(refusal('/timeline --public')).toBe('`--public` is not how options are written here: write them name:value. On Slack, --public shows the reply to the channel; here every reply is shown to you alone, so there is nothing to add.');
    expect(refusal('/timeline —public')).toMatch(/^`—public` is not how options are written here/);
    expect(refusal('/timeline --topic=gaza')).toBe('`--topic=gaza` is not how options are written here: write them name:value. For example: /timeline topic:…');
  });

  it.each(["Assad's", "'quoted'", 'a "b" c', 'Syria: unity', ''])('THEN the value %j is written back so it parses the same', (value) => {
    const text = formatInvocation({ command: 'search', args: { query: value, page: 2 } });
    expect(parseCommandText(text).options).toEqual({ query: value, page: '2' });
  });

  it('THEN an invocation is written back so it parses to the same options', () => {
    const text = formatInvocation({ command: 'timeline', args: { actor: 'Ron Dermer', page: 2 } });
    expect(text).toBe('/timeline actor:"Ron Dermer" page:2');
    expect(parseCommandText(text).options).toEqual({ actor: 'Ron Dermer', page: '2' });
  });
});

describe('GIVEN text copied from a chat, with characters no one typed', () => {
  it('THEN a word joiner, zero-width space or byte-order mark outside quotes is not read', () => {
    expect(parseCommandText('/sources add url:\u2060https://x.example/feed.xml topic:syria\u200b-israel')).toEqual({
      command: 'sources',
      words: ['add'],
      options: { url: 'https://x.example/feed.xml', topic: 'syria-israel' },
    });
    expect(parseCommandText('\uFEFF/entry\u2060 show \u200b3')).toEqual({ command: 'entry', words: ['show', '3'], options: {} });
    // Before the quote that opens a value, too.
    expect(parseCommandText('/timeline actor:\u2060"Ron Dermer" limit:\uFEFF5').options).toEqual({ actor: 'Ron Dermer', limit: '5' });
  });

  it('THEN inside quotes text is as typed, invisible characters too', () => {
    expect(parseCommandText('/search query:"a\u200bb \u2060c"').options).toEqual({ query: 'a\u200bb \u2060c' });
  });

  it('THEN the look-alike underscore of older Slack replies is read as `_` in an option name, and only there', () => {
    expect(parseCommandText('/timeline as\u02CDof:2025-07-20').options).toEqual({ as_of: '2025-07-20' });
    expect(parseCommandText('/digest subscribe skip\u02CDempty:true').options).toEqual({ skip_empty: 'true' });
    expect(parseCommandText('/search query:as\u02CDof \u2217x\u2217')).toEqual({ command: 'search', words: ['\u2217x\u2217'], options: { query: 'as\u02CDof' } });
  });

  it('THEN an option whose value is only invisible characters has no value, as when nothing follows the colon', () => {
    const registry = new CommandRegistry([timelineCommand]);
    expect(() => registry.resolveText(parseCommandText('/timeline actor:\u200b'))).toThrow(/Option `actor` has no value/);
  });
});

describe('GIVEN option conversion against a spec', () => {
  const options = new CommandRegistry([timelineCommand]).resolve('timeline').leaf.options!;
  const convert = (raw: Record<string, string | number>) => convertArgs(options, raw, 'timeline');

  it('THEN text and typed values give the same arguments', () => {
    expect(convert({ limit: '5', since: '2025-07' })).toEqual({ limit: 5, since: { year: 2025, month: 7 } });
    expect(convert({ limit: 5, since: '2025-07' })).toEqual({ limit: 5, since: { year: 2025, month: 7 } });
  });

  it('THEN dates accept year, month and day precision', () => {
    expect(convert({ since: '2025' }).since).toEqual({ year: 2025 });
    expect(convert({ since: '2025-07-12' }).since).toEqual({ year: 2025, month: 7, day: 12 });
  });

  const refusals: [Record<string, string | number>, RegExp][] = [
    [{ since: 'notadate' }, /Option `since`.*2025, 2025-07 or 2025-07-12.*got `notadate`/],
    [{ since: '2025-02-30' }, /Option `since`.*got `2025-02-30`/],
    [{ limit: '0' }, /Option `limit`.*from 1 to 25.*got `0`/],
    [{ limit: '500' }, /Option `limit`.*from 1 to 25.*got `500`/],
    [{ limit: 'ten' }, /Option `limit`.*whole number.*got `ten`/],
    [{ type: 'massacre' }, /Option `type`.*one of: armed-clash.*got `massacre`/],
    [{ colour: 'red' }, /no option `colour`/],
    [{ place: 'x'.repeat(101) }, /Option `place`.*at most 100 characters/],
  ];
  it.each(refusals)('WHEN given %j THEN the refusal names the option and what is accepted', (raw, message) => {
    let error: unknown;
    try {
      convert(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
  });
});
