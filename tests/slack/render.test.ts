// GIVEN neutral views with hostile or oversized content, WHEN rendered for Slack, THEN every
// message stays within Block Kit's limits, nothing is lost and data can never become markup.
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackPictures } from '../../src/adapters/slack/picture.js';
import { SeenIds, type HandlerDeps } from '../../src/adapters/slack/handler-deps.js';
import { SLACK_ROOM } from '../../src/adapters/slack/index.js';
import { MAX_BLOCKS_PER_MESSAGE, MAX_BUTTON_VALUE, MAX_FIELD_TEXT, MAX_HEADER_TEXT, MAX_RENDERED_CHARS_PER_MESSAGE, MAX_SECTION_TEXT } from '../../src/adapters/slack/limits.js';
import { escapeMrkdwn, renderLine } from '../../src/adapters/slack/mrkdwn.js';
import { answerMessage, broadcast, type SlackMessage } from '../../src/adapters/slack/paging.js';
import { renderView } from '../../src/adapters/slack/render-view.js';
import { parseCarrier } from '../../src/core/interaction/carrier.js';
import { Interactions } from '../../src/core/interaction/interactions.js';
import { interactionNotice, NOT_YOURS_TEXT } from '../../src/core/interaction/texts.js';
import { plainLine, span, type View } from '../../src/core/view.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText } from './mrkdwn-text.js';


function sectionTexts(blocks: types.KnownBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'section' ? [...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((f) => f.text)] : []));
}

function allMrkdwn(blocks: types.KnownBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'section') return sectionTexts([b]);
    if (b.type === 'context') return b.elements.flatMap((e) => ('text' in e ? [e.text] : []));
    return [];
  });
}

const view = (over: Partial<View>): View => ({ title: 'Test', tone: 'normal', sections: [], ...over });

describe('escaping', () => {
  const hostile = '<!channel> <!here> <!everyone> <@U123> <#C42|general> <https://evil.example|click> & *bold* _it_ ~gone~ `code` :warning:';

  it('stored text cannot mention anyone, link anywhere or turn on formatting', () => {
    const [part] = renderView(view({ title: hostile, intro: [plainLine(hostile)], facts: [{ label: 'Who', value: plainLine(hostile) }], sections: [{ heading: plainLine(hostile), lines: [plainLine(hostile)] }], footer: plainLine(hostile) }));
    const texts = [...allMrkdwn(part!.content), part!.text].map((t) => t.replace(/^\*Who\*\n/, '')); // the label's bold is ours
    expect(texts).toHaveLength(5);
    for (const text of texts) {
      expect(text).not.toMatch(/<[!@#h]/); // no <!channel>, <@U…>, <#C…>, <http…>
      expect(text).not.toMatch(/[*_~`]/); // the data's own markers are gone…
      expect(text).not.toContain(':warning:'); // …no emoji code either…
      expect(visibleText(text)).toContain(hostile); // …yet it reads the same
    }
    // plain_text is never parsed for markup (and emoji codes are kept as text), so the header keeps the title as it is.
    expect(part!.header).toEqual({ type: 'header', text: { type: 'plain_text', text: hostile, emoji: false } });
  });

  it('styles come only from spans, with whitespace kept outside the markers', () => {
    expect(renderLine([span.italic('Actors: '), span.plain('a*b'), span.bold(' x_y '), span.code('`rm`')])).toBe('_Actors:_ a*b *x_y* `\u02CBrm\u02CB`');
    expect(renderLine([span.italic('Actors: '), span.plain('*a*b'), span.bold(' _x_y '), span.code('`rm`')])).toBe('_Actors:_ \u2217a\u2217b *\u02CDx\u02CDy* `\u02CBrm\u02CB`');
  });

  it('code keeps its text as typed, to be copied back: only & < > as entities, and a backtick as its look-alike', () => {
    const example = '/timeline as_of:2025-07-20 schedule:"0 8 * * 1-5" ~x :warning: url:https://x.example';
    expect(renderLine([span.plain('e.g. '), span.code(example)])).toBe(`e.g. \`${example}\``);
    expect(renderLine([span.code('<!channel> & <@U1> `rm`')])).toBe('`&lt;!channel&gt; &amp; &lt;@U1&gt; \u02CBrm\u02CB`');
    // Each line its own span; a line of code starting with > is no quote (its backtick comes first).
    expect(renderLine([span.code('a_b\n> c_d')])).toBe('`a_b`\n`&gt; c_d`');
  });

  it('the fallback text weighs markers across its whole line: two in different spans that would pair are look-alikes, a lone one stays', () => {
    const [paired] = renderView(view({ intro: [[span.plain('Toll: *rising'), span.bold(' in '), span.plain('Daraa* today')]] }));
    expect(paired!.text).toContain('Toll: \u2217rising in Daraa\u2217 today');
    const [lone] = renderView(view({ intro: [[span.plain('al_Qusayr '), span.plain('~200 killed')]] }));
    expect(lone!.text).toContain('al_Qusayr ~200 killed');
  });

  it('the fallback text shows code as code too, whether the view is one message or several', () => {
    const code = span.code('/entry show id:1 as_of:2025-07-20');
    const [one] = renderView(view({ intro: [[span.plain('See '), code, span.plain(' (*not bold*)')]] }));
    expect(one!.text).toContain('See `/entry show id:1 as_of:2025-07-20` (\u2217not bold\u2217)');
    const long = view({ sections: Array.from({ length: 60 }, (_, i) => ({ lines: [[span.plain(`Line ${i} ${'x'.repeat(300)} `), code]] })) });
    const parts = renderView(long);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.text).toContain('`/entry show id:1 as_of:2025-07-20`');
      expect(part.text).not.toMatch(/[\u02CB\u02CD]/);
    }
  });

  it('a data line starting with > does not become a block quote', () => {
    expect(renderLine(plainLine('> not a quote\n> nor this'))).toBe('\u00AD&gt; not a quote\n\u00AD&gt; nor this');
  });

  it('links only for http(s), with | and > unable to end the link early', () => {
    expect(renderLine([span.link('Reuters & co', 'https://example.com/a|b>c?x=1&y=2')])).toBe('<https://example.com/a%7Cb%3Ec?x=1&amp;y=2|Reuters &amp; co>');
    expect(renderLine([span.link('click', 'javascript:alert(1)')])).toBe('click');
  });

  it('highlights (search matches) are bold', () => {
    expect(renderLine([span.plain('the '), { text: 'Golan', style: 'highlight' }, span.plain(' Heights')])).toBe('the *Golan* Heights');
  });
});

describe('limits', () => {
  it('an over-long line is split across section blocks of at most 3,000 characters, all text kept', () => {
    const long = Array.from({ length: 2500 }, (_, i) => `w${i} & <x>`).join(' ');
    const [part, ...others] = renderView(view({ sections: [{ lines: [plainLine(long)] }] }));
    const texts = sectionTexts([...part!.content, ...others.flatMap((p) => p.content)]);
    expect(texts.length).toBeGreaterThan(long.length / MAX_SECTION_TEXT);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    for (const text of texts.slice(0, -1)) expect(text).toMatch(/ $/); // cut between words
    expect(visibleText(texts.join(''))).toBe(long);
  });

  it('a styled span longer than a section keeps its style on every piece', () => {
    const texts = sectionTexts(renderView(view({ sections: [{ lines: [[span.bold('b'.repeat(7000))]] }] }))[0]!.content);
    expect(texts.length).toBe(3);
    for (const text of texts) expect(text).toMatch(/^\*b+\*$/);
  });

  it('many sections become several parts, each within 50 blocks and the character budget, in order', () => {
    const sections = Array.from({ length: 130 }, (_, i) => ({ heading: [span.bold(`Entry ${i}`)], lines: [plainLine('x'.repeat(300))] }));
    const parts = renderView(view({ sections, footer: plainLine('the end') }));
    expect(parts.length).toBeGreaterThan(2);
    const headings: string[] = [];
    for (const part of parts) {
      expect(part.content.length + 3).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
      expect(allMrkdwn(part.content).join('').length).toBeLessThanOrEqual(MAX_RENDERED_CHARS_PER_MESSAGE);
      for (const text of sectionTexts(part.content)) headings.push(/^\*(Entry \d+)\*/.exec(text)![1]!);
    }
    expect(headings).toEqual(sections.map((_, i) => `Entry ${i}`));
    expect(allMrkdwn(parts.at(-1)!.content).at(-1)).toBe('the end');
    expect(parts[1]!.text).toMatch(/^Test \(part 2 of \d+\)/);
  });

  it('a title longer than a header is shortened there and shown whole below it', () => {
    const title = `Title ${'t'.repeat(200)}`;
    const [part] = renderView(view({ title }));
    const header = part!.header as types.HeaderBlock;
    expect(header.text.text.length).toBe(MAX_HEADER_TEXT);
    expect(header.text.text.endsWith('…')).toBe(true);
    expect(sectionTexts(part!.content)[0]).toBe(`*${title}*`);
  });

  it('a header counts emoji as Slack may (UTF-16 units): a title of 150 code points but more units is shortened, and shown whole below', () => {
    const title = `${'t'.repeat(140)}${'👍🏽'.repeat(5)}`;
    expect(Array.from(title).length).toBe(MAX_HEADER_TEXT);
    const [part] = renderView(view({ title }));
    const header = (part!.header as types.HeaderBlock).text.text;
    expect(header.length).toBeLessThanOrEqual(MAX_HEADER_TEXT);
    expect(header).toMatch(/^t{140}(👍🏽)*…$/u);
    expect(sectionTexts(part!.content)[0]).toBe(`*${title}*`);
  });

  it('a header cut near a flag leaves the flag out whole rather than showing half of it', () => {
    const [part] = renderView(view({ title: `${'t'.repeat(148)}🇸🇾 x` }));
    expect((part!.header as types.HeaderBlock).text.text).toBe(`${'t'.repeat(148)}…`);
  });

  it('facts go ten to a section as fields; one too long for a field gets its own section', () => {
    const facts = Array.from({ length: 12 }, (_, i) => ({ label: `F${i}`, value: plainLine(`v${i}`) }));
    facts.push({ label: 'Long', value: plainLine('y'.repeat(MAX_FIELD_TEXT + 10)) });
    const blocks = renderView(view({ facts }))[0]!.content as types.SectionBlock[];
    expect(blocks.map((b) => b.fields?.length ?? 0)).toEqual([10, 2, 0]);
    expect(blocks[2]!.text!.text).toBe(`*Long*\n${'y'.repeat(MAX_FIELD_TEXT + 10)}`);
  });
});

describe('pages and parts', () => {
  let app: TestApp;
  let deps: HandlerDeps;
  beforeAll(() => {
    app = createTestApp();
    const interactions = new Interactions({ dispatcher: app.dispatcher, logger: app.logger, room: SLACK_ROOM });
    deps = { dispatcher: app.dispatcher, logger: app.logger, interactions, seen: new SeenIds(), pictures: new SlackPictures(app.logger) };
  });
  afterAll(() => app?.dispose());

  const buttons = (message: SlackMessage) => message.blocks.filter((b): b is types.ActionsBlock => b.type === 'actions').flatMap((b) => b.elements as types.Button[]);
  const carried = (button: types.Button) => parseCarrier(button.value!, MAX_BUTTON_VALUE);
  const caller = (userId: string) => ({ platform: 'slack', userId });

  it('an empty result says so and offers no buttons', () => {
    const message = answerMessage(
      deps,
      view({ title: 'Timeline', intro: [plainLine('No entries match.')], footer: plainLine('Details: /entry show ID'), pager: { page: 1, pageCount: 1, total: 0 } }),
      { owner: 'U1' },
    );
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(allMrkdwn(message.blocks)).toEqual(['No entries match.', 'Details: /entry show ID']);
  });

  it('a query pager becomes Previous/Next buttons carrying the invocation and its owner', () => {
    const pager = { page: 2, pageCount: 3, total: 25, previous: { command: 'timeline', args: { page: 1 } }, next: { command: 'timeline', args: { page: 3 } } };
    const message = answerMessage(deps, view({ pager }), { owner: 'U1' });
    expect(buttons(message).map((b) => [b.text.text, carried(b)])).toEqual([
      ['Previous page (1 of 3)', { kind: 'inline', carried: { action: { kind: 'run', invocation: pager.previous, part: 'last' }, audience: 'caller', owner: 'U1' } }],
      ['Next page (3 of 3)', { kind: 'inline', carried: { action: { kind: 'run', invocation: pager.next }, audience: 'caller', owner: 'U1' } }],
    ]);
    expect(new Set(buttons(message).map((b) => b.action_id)).size).toBe(2);
    expect(allMrkdwn(message.blocks)).toContain('Page 2 of 3');
  });

  it('a query too long for a button value (2,000) is kept in memory behind a key, still for its owner only', async () => {
    const next = { command: 'search', args: { query: 'q'.repeat(2100), page: 2 } };
    const message = answerMessage(deps, view({ pager: { page: 1, pageCount: 2, total: 20, next } }), { owner: 'U1' });
    const [button] = buttons(message);
    expect(button!.value!.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
    expect(carried(button!)).toMatchObject({ kind: 'memory' });
    expect(await deps.interactions.press(button!.value!, caller('U2'))).toEqual({ kind: 'notice', view: interactionNotice(NOT_YOURS_TEXT) });
  });

  it('a part button names the read-only command to run again and the part it shows, so it needs no memory', async () => {
    const source = { command: 'entry', subcommand: 'show', args: { id: '12' } };
    const long = view({ sections: Array.from({ length: 60 }, (_, i) => ({ lines: [plainLine(`Line ${i}`)] })) });
    const [next] = buttons(answerMessage(deps, long, { owner: 'U1', source }));
    expect(next!.text.text).toBe('Next part (2 of 2)');
    expect(carried(next!)).toEqual({ kind: 'inline', carried: { action: { kind: 'run', invocation: source, part: 1 }, audience: 'caller', owner: 'U1' } });
    // Without a command to run again (an admin's answer), the view waits in memory behind a key.
    const [kept] = buttons(answerMessage(deps, long, { owner: 'U1' }));
    expect(carried(kept!)).toMatchObject({ kind: 'memory' });
    const shown = await deps.interactions.press(kept!.value!, caller('U1'));
    expect(shown).toMatchObject({ kind: 'show', part: 1 });
    const second = answerMessage(deps, (shown as { view: View }).view, { owner: 'U1', part: 1 });
    expect(allMrkdwn(second.blocks)).toContain('Part 2 of 2');
    expect(buttons(second).map((b) => b.text.text)).toEqual(['Previous part (1 of 2)']);
  });

  it('posted digests repeat no buttons and name the command for the next page instead', () => {
    const next = { command: 'timeline', args: { topic: 'syria-israel', page: 2 } };
    const [message] = broadcast(view({ pager: { page: 1, pageCount: 2, total: 12, next } }));
    expect(message!.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(allMrkdwn(message!.blocks).at(-1)).toBe('Page 1 of 2 · next page: `/timeline topic:syria-israel page:2`');
  });

  it('escapes user text in the suggested command too', () => {
    expect(escapeMrkdwn('<@U1> `x`')).toBe('&lt;@U1&gt; \u02CBx\u02CB');
  });
});
