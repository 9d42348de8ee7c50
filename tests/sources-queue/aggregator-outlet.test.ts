// GIVEN an aggregator's feed (Google News) whose items each name their newsroom in `<source>`,
// write that name after their title (`… - Reuters`) and fill their description with the
// headline again or with a list of other outlets' headlines WHEN its items are proposed THEN each
// candidate cites its newsroom and the feed it came through (`Reuters (via Google News)`), its
// title is the headline alone (the outlet's name suggests no place or actor), and neither the
// repeated headline nor the list is its summary. An outlet an admin names for the feed still
// wins, and the headline alone is what other feeds' reports of the story are compared with.
import { describe, expect, it } from 'vitest';
import { cardsByTitle } from '../feed-dates/support/cards.js';
import { TextFeeds } from '../feed-dates/support/text-feeds.js';
import { QueueApp, READER } from './support/queue-app.js';
import { feedRig } from './support/feed-rig.js';
import { escapeXml } from './support/scripted-feeds.js';

/** A day after the items below: a backfill proposes them all. */
const NOW = '2026-12-06T12:00:00Z';

const rig = feedRig(NOW, () => TextFeeds.start());


interface AggregatedItem {
  id: string;
  headline: string;
  outlet: string;
  site: string;
  /** The description's HTML, as Google News writes it; by default the headline and the outlet's name. */
  description?: string;
}

const article = (id: string) => `https://news.google.com/rss/articles/${id}?oc=5`;
const headlineHtml = (id: string, headline: string, outlet: string) =>
  `<a href="${article(id)}" target="_blank">${headline}</a>&nbsp;&nbsp;<font color="#6f6f6f">${outlet}</font>`;

function googleNews(query: string, items: AggregatedItem[]): string {
  const xml = items.map(
    (item, at) =>
      `<item><title>${escapeXml(`${item.headline} - ${item.outlet}`)}</title><link>${article(item.id)}</link><guid isPermaLink="false">${item.id}</guid>` +
      `<pubDate>Sat, 05 Dec 2026 ${String(8 + at).padStart(2, '0')}:00:00 GMT</pubDate>` +
      `<description>${escapeXml(item.description ?? headlineHtml(item.id, item.headline, item.outlet))}</description>` +
      `<source url="${item.site}">${escapeXml(item.outlet)}</source></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><generator>NFE/5.0</generator><title>${escapeXml(`"${query}" - Google News`)}</title><link>https://news.google.com/search?q=${encodeURIComponent(query)}&amp;hl=en-US</link><description>Google News</description>${xml.join('')}</channel></rss>`;
}

const REUTERS: AggregatedItem = { id: 'R1', headline: 'Israeli strike on Quneitra kills 5, Syrian state media says', outlet: 'Reuters', site: 'https://www.reuters.com' };
const TALKS: AggregatedItem = {
  id: 'T1',
  headline: 'Israel, Syria hold new round of US-mediated talks in Baku',
  outlet: 'The Times of Israel',
  site: 'https://www.timesofisrael.com',
  description: `<ol><li>${headlineHtml('T1', 'Israel, Syria hold new round of US-mediated talks in Baku', 'The Times of Israel')}</li><li>${headlineHtml('A9', 'Syrian and Israeli officials meet in Azerbaijan amid Sweida clashes', 'Al Jazeera English')}</li></ol>`,
};
const JPOST: AggregatedItem = { id: 'J1', headline: 'Hezbollah cell in Golan planned rocket attack, army says', outlet: 'The Jerusalem Post', site: 'https://www.jpost.com' };
const SYRIA_TV: AggregatedItem = { id: 'S1', headline: 'Druze leader calls for calm after clashes', outlet: 'Syria TV', site: 'https://www.syria.tv' };
const FRANCE_24: AggregatedItem = { id: 'F1', headline: 'Clashes leave 12 dead as Druze fighters battle Bedouin tribes', outlet: 'France 24', site: 'https://www.france24.com' };

const line = (card: string, label: string) => new RegExp(`^ {2}${label} +(.*)$`, 'm').exec(card)?.[1] ?? `no ${label} line`;

/** Watches the feed with backfill and checks it: the check's reply. */
async function check(path: string, xml: string, options = ''): Promise<{ id: number; reply: string }> {
  rig.feeds.serve(path, xml, 'application/rss+xml');
  const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url(path)} topic:syria-israel backfill:true${options}`), 'Watching');
  return { id, reply: await rig.queue.text(`/sources check id:${id}`) };
}

describe('GIVEN a Google News search feed', () => {
  it('THEN each candidate cites the newsroom its item names, via Google News, under the headline alone, with no summary made of headlines', async () => {
    const { reply } = await check('/gn.xml', googleNews('Syria Israel', [REUTERS, TALKS, JPOST, SYRIA_TV, FRANCE_24]));
    expect(reply).toContain('5 items: 5 new (5 proposed), 0 seen before');
    const cards = await cardsByTitle(rig.queue, 5);
    expect([...cards.keys()].sort()).toEqual([REUTERS, TALKS, JPOST, SYRIA_TV, FRANCE_24].map((item) => item.headline).sort());
    const outlets = Object.fromEntries([...cards.values()].map((card) => [card.title, line(card.text, 'Outlet')]));
    expect(outlets).toEqual({
      [REUTERS.headline]: 'Reuters (via Google News)',
      [TALKS.headline]: 'The Times of Israel (via Google News)',
      [JPOST.headline]: 'The Jerusalem Post (via Google News)',
      [SYRIA_TV.headline]: 'Syria TV (via Google News)',
      [FRANCE_24.headline]: 'France 24 (via Google News)',
    });
    // The description only repeated the headline, or listed other outlets' headlines: no summary.
    for (const card of cards.values()) expect(card.text).not.toMatch(/^Summary$/m);
    // The address is Google News's, and kept: the label says so.
    expect(cards.get(REUTERS.headline)!.link).toBe(article('R1'));
  });

  it('THEN the outlet named after a title, and the other outlets in the list, suggest no place or actor', async () => {
    await check('/gn.xml', googleNews('Golan', [JPOST, SYRIA_TV, FRANCE_24, TALKS]));
    const cards = await cardsByTitle(rig.queue, 4);
    expect(line(cards.get(JPOST.headline)!.text, 'Places')).toBe('—');
    expect(line(cards.get(SYRIA_TV.headline)!.text, 'Actors')).toBe('Druze community of Syria');
    expect(line(cards.get(FRANCE_24.headline)!.text, 'Places')).toBe('—');
    // Sweida is named only by Al Jazeera's headline in the list.
    expect(line(cards.get(TALKS.headline)!.text, 'Places')).toBe('Baku');
  });

  it('THEN an approved candidate cites the newsroom via Google News, with Google News’s address', async () => {
    await check('/gn.xml', googleNews('Syria Israel', [REUTERS]));
    expect(await rig.queue.text('/review approve id:1')).toContain('Approved: added as entry #18.');
    expect(await rig.queue.text('/entry show 18', READER)).toContain(
      `Reuters (via Google News) <${article('R1')}> — according to Reuters (via Google News) (5 Dec 2026)`,
    );
  });

  it('WHEN an admin names the feed’s outlet THEN its candidates cite that name, as for any feed', async () => {
    const { id } = await check('/gn.xml', googleNews('Syria Israel', [REUTERS, JPOST]));
    expect(await rig.queue.text(`/sources edit id:${id} outlet:"Google News search"`)).toContain('Google News search');
    const cards = await cardsByTitle(rig.queue, 2);
    expect([...cards.values()].map((card) => line(card.text, 'Outlet'))).toEqual(['Google News search', 'Google News search']);
  });
});

describe('GIVEN the newsroom’s own feed and Google News carrying the same story', () => {
  it('THEN the Google News item joins the newsroom’s candidate as the same story, its headline compared without the outlet’s name', async () => {
    const own = `<?xml version="1.0"?><rss version="2.0"><channel><title>Reuters World</title><link>https://www.reuters.com/world/</link><item><title>${REUTERS.headline}</title><link>https://www.reuters.com/world/quneitra-5</link><guid>reuters-1</guid><pubDate>Sat, 05 Dec 2026 08:00:00 GMT</pubDate></item></channel></rss>`;
    expect((await check('/reuters.xml', own)).reply).toContain('1 new (1 proposed)');
    const { reply } = await check('/gn.xml', googleNews('Syria Israel', [REUTERS]));
    expect(reply).toContain(`1 item: 1 new (1 same story), 0 seen before`);
    expect(reply).toContain(`same story → candidate #1: ${REUTERS.headline} (a title alike within 48 hours)`);
  });
});
