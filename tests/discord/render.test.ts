// GIVEN views holding hostile or huge stored text, WHEN rendered as Discord embeds, THEN the
// text shows literally, pings nobody, and every character survives within Discord's limits.
import { describe, expect, it } from 'vitest';
import { EMBED_LIMITS } from '../../src/adapters/discord/limits.js';
import { renderLine } from '../../src/adapters/discord/markdown.js';
import { renderViewPages } from '../../src/adapters/discord/render-view.js';
import { plainLine, span, type Line, type View } from '../../src/core/view.js';
import { embedChars, discordSpec } from './support/openapi.js';
import { unescapedMarkup, visibleText, words } from './support/markdown-text.js';

const HOSTILE = '**bold** __under__ _it_ ~~gone~~ ||spoiler|| `code` [x](https://evil.example) <@123> <@&456> <#789> @everyone @here';
const view = (parts: Partial<View>): View => ({ title: 'T', tone: 'normal', sections: [], ...parts });
const allText = (pages: ReturnType<typeof renderViewPages>) =>
  pages.map((p) => [p.description ?? '', ...(p.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n');

function expectWithinLimits(pages: ReturnType<typeof renderViewPages>): void {
  for (const page of pages) {
    expect(page.title!.length).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect((page.description ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect((page.fields ?? []).length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const f of page.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
      expect(f.value.trim()).not.toBe('');
    }
    expect((page.footer?.text ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.footer);
    expect(embedChars([page])).toBeLessThanOrEqual(EMBED_LIMITS.total);
    expect(discordSpec().errors('POST', '/channels/1/messages', { embeds: [page], allowed_mentions: { parse: [] } })).toEqual([]);
  }
}

describe('stored text is inert', () => {
  it('escapes every markdown character and breaks every mention', () => {
    const rendered = renderLine([span.plain(HOSTILE)]);
    expect(unescapedMarkup(rendered)).toEqual([]);
    expect(rendered).toContain('\\*\\*bold\\*\\*');
    expect(rendered).toContain('\\[x\\](https://evil.example)');
    expect(rendered).toContain('\\<@\u200b123\\>');
    expect(rendered).toContain('\\<@\u200b&456\\>');
    expect(rendered).not.toMatch(/@(everyone|here)/);
    expect(visibleText(rendered)).toBe(HOSTILE);
  });

  it('neutralises line-start markup: headings, quotes, lists and sub-text', () => {
    const text = '# Heading\n> quote\n- item\n1. first\n-# small\n## Sub';
    const rendered = renderLine([span.plain(text)]);
    expect(rendered.split('\n')).toEqual(['\\# Heading', '\\> quote', '\\- item', '1\\. first', '\\-# small', '\\## Sub']);
    expect(visibleText(rendered)).toBe(text);
  });

  it('keeps styled spans styled while their text stays inert', () => {
    const line: Line = [span.bold('**x** @here'), span.plain(' '), span.italic('Actors: '), span.code('a`b')];
    expect(renderLine(line)).toBe('**\\*\\*x\\*\\* @\u200bhere** *Actors:* `aˋb`');
  });

  it('links only http(s) addresses, with brackets in the address encoded', () => {
    expect(renderLine([span.link('Report [1]', 'https://example.org/a_(b)')])).toBe('[Report \\[1\\]](https://example.org/a_%28b%29)');
    expect(renderLine([span.link('click', 'javascript:alert(1)')])).toBe('click');
  });

  it('leaves bare links whole so they stay clickable, except inside bold or italics', () => {
    expect(renderLine([span.plain('see https://mastodon.social/@sitrep_bot and _this_')])).toBe('see https://mastodon.social/@sitrep_bot and \\_this\\_');
    expect(renderLine([span.bold('https://a.org/x_y')])).toBe('**https\\://a.org/x\\_y**');
  });

  it('puts a zero-width space between styled spans that touch, so markers never merge', () => {
    expect(renderLine([span.bold('a'), span.italic('b')])).toBe('**a**\u200b*b*');
  });
});

describe('long content is split into pages, never cut', () => {
  const summary = Array.from({ length: 700 }, (_, i) => `word${i}_*`).join(' ');

  it('a 20,000-character intro flows over several pages with every word kept in order', () => {
    const long = `${summary} ${summary} ${summary}`;
    const pages = renderViewPages(view({ intro: [[span.plain(long)]] }));
    expect(pages.length).toBeGreaterThan(2);
    expectWithinLimits(pages);
    expect(words(visibleText(pages.map((p) => p.description).join(' ')))).toBe(words(long));
  });

  it('a long section becomes continuation fields, named again on a new page', () => {
    const pages = renderViewPages(view({ sections: [{ heading: [span.bold('Summary')], lines: [[span.plain(summary)], [span.plain(summary)]] }] }));
    expectWithinLimits(pages);
    const fields = pages.flatMap((p) => p.fields ?? []);
    expect(fields[0]!.name).toBe('**Summary**');
    expect(words(visibleText(fields.map((f) => f.value).join(' ')))).toBe(words(`${summary} ${summary}`));
    for (const page of pages.slice(1)) expect(page.fields![0]!.name).toBe('Summary (continued)');
  });

  it('more than 25 sections go onto further pages, in order', () => {
    const sections = Array.from({ length: 60 }, (_, i) => ({ heading: [span.plain(`Entry ${i}`)], lines: [[span.plain(`line ${i}`)]] }));
    const pages = renderViewPages(view({ sections }));
    expectWithinLimits(pages);
    expect(pages.flatMap((p) => p.fields!.map((f) => f.name))).toEqual(sections.map((_, i) => `Entry ${i}`));
    expect(pages.map((p) => p.footer?.text)).toEqual(['Part 1 of 3', 'Part 2 of 3', 'Part 3 of 3']);
  });

  it('an over-long title is shortened with its full text kept in the description', () => {
    const title = `Search — “${'golan '.repeat(80)}”`;
    const [page] = renderViewPages(view({ title }));
    expect(page!.title!.length).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect(page!.title!.endsWith('…')).toBe(true);
    expect(visibleText(page!.description!)).toBe(title);
  });

  it('a title cut near a flag leaves the flag out whole rather than showing half of it', () => {
    const title = `${'t'.repeat(253)}🇸🇾 Syria`;
    const [page] = renderViewPages(view({ title }));
    expect(page!.title).toBe(`${'t'.repeat(253)}…`);
  });

  it('text split across fields is split between characters: every flag stays whole', () => {
    const flags = `x${'🇸🇾'.repeat(400)}`;
    const pages = renderViewPages(view({ sections: [{ lines: [[span.plain(flags)]] }] }));
    expectWithinLimits(pages);
    const values = pages.flatMap((p) => p.fields ?? []).map((f) => f.value);
    expect(values.length).toBeGreaterThan(1);
    for (const value of values) expect(value).toMatch(/^x?(🇸🇾)+$/u);
    expect(values.join('')).toBe(flags);
  });

  it('an over-long heading and footer move into the body instead of being cut', () => {
    const heading = 'H'.repeat(400);
    const footer = 'F'.repeat(3000);
    const pages = renderViewPages(view({ sections: [{ heading: [span.plain(heading)], lines: [[span.plain('x')]] }], footer: plainLine(footer) }));
    expectWithinLimits(pages);
    const text = visibleText(allText(pages));
    expect(text).toContain(heading);
    expect(text.replace(/\s/g, '')).toContain(footer);
  });

  it('a single unbroken 5,000-character word is split by characters', () => {
    const word = 'ab'.repeat(2500);
    const pages = renderViewPages(view({ sections: [{ lines: [[span.code(word)]] }] }));
    expectWithinLimits(pages);
    expect(visibleText(allText(pages)).replace(/\s/g, '')).toBe(word);
  });
});

describe('small views', () => {
  it('an empty view is one embed with its title', () => {
    expect(renderViewPages(view({ title: 'Nothing yet' }))).toEqual([{ title: 'Nothing yet', color: 0x5865f2 }]);
  });

  it('tones pick the colour; errors show their id in the footer', () => {
    const [page] = renderViewPages(view({ tone: 'error', errorId: 'abcd1234', footer: [span.plain('See '), span.command('help')] }));
    expect(page!.color).toBe(0xed4245);
    expect(page!.footer?.text).toBe('See /help · Error id: abcd1234');
  });

  it('the footer breaks mentions but keeps its text plain (footers show no markdown)', () => {
    const [page] = renderViewPages(view({ footer: [span.plain('All entries: '), span.command('timeline', 'actor:"@everyone_*"')] }));
    expect(page!.footer?.text).toBe('All entries: /timeline actor:"@\u200beveryone_*"');
  });
});

describe('links are never lost', () => {
  // 413 characters: long enough that one source fills most of a field (1,024).
  const longUrl = (i: number) => `https://news.example.org/2025/07/12/story-${i}?${'utm_source=x&utm_medium=y&ref=abcdefghij&'.repeat(9)}`;
  const attribution = 'a senior official speaking on condition of anonymity '.repeat(5).trim();
  const sourceLine = (outlet: string, url: string): Line => [span.link(outlet, url), span.plain(` — ${attribution}`), span.plain(' (12 Jul 2025)')];
  const sourcesView = (lines: Line[]) => view({ sections: [{ heading: [span.bold('Sources')], lines }] });
  /** An Arabic Wikipedia address: 200 typed characters, 1,070 once percent-encoded. */
  const arabicUrl = new URL(`https://ar.wikipedia.org/wiki/${'اتفاق_فك_الاشتباك_بين_سوريا_وإسرائيل_'.repeat(6).slice(0, 200)}`).href;
  /** What a reader can copy of an address shown as text, over however many fields it takes. */
  const shownAddresses = (pages: ReturnType<typeof renderViewPages>) =>
    pages.flatMap((p) => (p.fields ?? []).map((f) => f.value)).join('').replace(/`/g, '');

  it('a link too long for the room left in a field starts the next field, whole', () => {
    const urls = [1, 2, 3, 4].map(longUrl);
    const pages = renderViewPages(sourcesView(urls.map((url, i) => sourceLine(`Outlet ${i + 1}`, url))));
    expectWithinLimits(pages);
    const text = allText(pages);
    for (const [i, url] of urls.entries()) expect(text).toContain(`[Outlet ${i + 1}](${url}) — ${attribution}`);
  });

  it('a digest’s “Source:” label moves with its link rather than ending a field alone', () => {
    const url = longUrl(7);
    const meta: Line[] = [[span.plain('12 Jul 2025 · Talks/negotiation · reported')], [span.italic('Actors: '), span.plain('x'.repeat(650))]];
    const pages = renderViewPages(view({ sections: [{ heading: [span.bold('#1 Talks')], lines: [...meta, [span.italic('Source: '), span.link('AFP', url), span.plain(' — a diplomat')]] }] }));
    expectWithinLimits(pages);
    const values = pages.flatMap((p) => p.fields ?? []).map((f) => f.value);
    expect(values.some((v) => v.includes(`*Source:* [AFP](${url}) — a diplomat`))).toBe(true);
    expect(values.some((v) => v.endsWith('*Source:*'))).toBe(false);
  });

  it('an address longer than a whole field is shown as inert text over several fields, never dropped', () => {
    expect(arabicUrl.length).toBeGreaterThan(EMBED_LIMITS.fieldValue);
    const pages = renderViewPages(sourcesView([sourceLine('ويكيبيديا', arabicUrl)]));
    expectWithinLimits(pages);
    const text = allText(pages);
    expect(text).not.toMatch(/\]\(https?:/); // no link whose address a cut would have broken
    expect(shownAddresses(pages)).toContain(`ويكيبيديا (${arabicUrl}) — ${attribution}`);
    for (const f of pages.flatMap((p) => p.fields ?? [])) expect(f.value).toMatch(/^[^`]*(`[^`]*`[^`]*)*$/); // code spans closed in every field
  });

  it('twenty-five such sources page within every limit, each address whole in reading order', () => {
    const urls = Array.from({ length: 25 }, (_, i) => `${arabicUrl}?n=${i}`);
    const pages = renderViewPages(sourcesView(urls.map((url, i) => sourceLine(`Outlet ${i}`, url))));
    expect(pages.length).toBeGreaterThan(1);
    expectWithinLimits(pages);
    const shown = shownAddresses(pages);
    let from = 0;
    for (const url of urls) {
      const at = shown.indexOf(`(${url})`, from);
      expect(at).toBeGreaterThanOrEqual(from);
      from = at + url.length;
    }
  });
});
