// GIVEN Sitrep's own words (refusals, hints) WHEN the view is built THEN the commands they name
// become command spans, which each platform spells as its users type them; what was typed (in
// backticks), what Sitrep quotes from the store (in “curly quotes”) and any other `/word` stay text.
import { describe, expect, it } from 'vitest';
import { commandSpans, invocationRef, spelledView, type KnownCommand } from '../../src/core/command-refs.js';
import { markedLine, markedNames, userErrorView } from '../../src/core/error-views.js';
import { UserError } from '../../src/core/errors.js';
import { renderText } from '../../src/core/render-text.js';
import { span, type Line, type View } from '../../src/core/view.js';

const KNOWN: KnownCommand[] = [
  { name: 'timeline' },
  { name: 'search' },
  { name: 'help' },
  { name: 'entry', subcommands: [{ name: 'show' }, { name: 'undo' }, { name: 'edit' }] },
  { name: 'review', subcommands: [{ name: 'list' }] },
];

/** The commands a line names, as `name|args`. */
const named = (line: Line) => line.filter((s) => s.command).map((s) => [s.command!.name, s.command!.args ?? ''].join('|'));
const read = (text: string) => commandSpans(text, KNOWN);

describe('GIVEN a message naming commands', () => {
  it.each([
    ['Find entry numbers with /timeline or /search.', ['timeline|', 'search|']],
    ['To see it: /entry show 3', ['entry show|3']],
    ['Take back the latest change with /entry undo id:18 (admins)', ['entry undo|id:18']],
    ['Resume it with /entry show id:3.', ['entry show|id:3']],
    ['Last page: /timeline actor:"Ron Dermer" limit:5 page:2', ['timeline|actor:"Ron Dermer" limit:5 page:2']],
    ['For example: /search buffer zone', ['search|buffer zone']],
    ['Did you mean /help timeline?', ['help|timeline']],
    ['Candidate number, as /review list shows it', ['review list|']],
    ['/entry edit needs at least one field, as you know.', ['entry edit|']],
  ])('WHEN it says %j THEN it names %j', (text, commands) => {
    const spans = read(text);
    expect(named(spans)).toEqual(commands);
    // Nothing is lost or added: the spans spell the message as written.
    expect(spans.map((s) => s.text).join('')).toBe(text);
  });

  it.each([
    'Entry #18 (“/timeline of the talks”) was removed.',
    'AC/DC and https://example.org/timeline are no commands.',
    'There is no /weather here.',
  ])('WHEN %j names no known command outside quotes THEN it stays text', (text) => {
    expect(named(read(text))).toEqual([]);
  });

  it('THEN what was typed, in backticks, is a code span and never a command', () => {
    const line = markedLine('There is no command `/timeline x`. Try /help.', KNOWN);
    expect(line.find((s) => s.text === '/timeline x')).toEqual({ text: '/timeline x', style: 'code' });
    expect(named(line)).toEqual(['help|']);
  });

  it('THEN a refusal marks its option names apart from the commands it names', () => {
    const view = userErrorView(new UserError('invalid-option', 'Option `id` of /entry show must be a whole number.', []), KNOWN);
    expect(markedNames(view)).toEqual(['id']);
    expect(named(view.intro![0]!)).toEqual(['entry show|']);
  });
});

describe('GIVEN a view naming commands', () => {
  const prefixed = ({ name, args }: { name: string; args?: string }) => `/sitrep-${name}${args ? ` ${args}` : ''}`;
  const view: View = {
    title: '/entry',
    titleCommand: { name: 'entry' },
    tone: 'normal',
    intro: [[span.plain('Stored: /timeline of the talks')]],
    sections: [{ lines: [[span.plain('Details: '), span.command('entry show', 'ID')]] }],
    footer: [span.plain('More: '), span.command('help', 'timeline')],
    pager: { page: 1, pageCount: 2, total: 12, next: { command: 'timeline', args: { limit: 5, page: 2 } } },
  };

  it('THEN the platform spells every command span, the title and the next page; stored text stays as stored', () => {
    const text = renderText(view, { color: false, spell: prefixed });
    expect(text.split('\n')[0]).toBe('/sitrep-entry');
    expect(text).toContain('Stored: /timeline of the talks');
    expect(text).toContain('Details: `/sitrep-entry show ID`');
    expect(text).toContain('More: `/sitrep-help timeline`');
    expect(text).toContain('Next page: /sitrep-timeline limit:5 page:2');
  });

  it('THEN without a spelling the commands read as defined, and spelling the view keeps its pager for the core', () => {
    expect(renderText(view, { color: false, codeMarks: false })).toContain('Details: /entry show ID');
    const spelled = spelledView(view, prefixed);
    expect(spelled.pager).toBe(view.pager);
    expect(spelled.sections[0]!.lines[0]![1]).toMatchObject({ text: '/sitrep-entry show ID', command: { name: 'entry show', args: 'ID' } });
    expect(invocationRef({ command: 'entry', subcommand: 'show', args: { id: 3 } })).toEqual({ name: 'entry show', args: 'id:3' });
  });
});
