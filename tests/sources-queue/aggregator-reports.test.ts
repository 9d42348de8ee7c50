// GIVEN a candidate proposed by an outlet's own feed WHEN Google News items from other newsrooms
// join it as the same story THEN its card, /review show and /review list name each such report by
// the newsroom its item names, via Google News (`Reuters (via Google News)`), as a candidate
// proposed by such an item is named, not by the aggregator feed's title; an approval cites them
// so; an outlet an admin names for the aggregator feed is read over it, as for its candidates; and
// reports stored before items' outlets were kept are named by their feed's title, as before.
import { describe, expect, it } from 'vitest';
import { TextFeeds } from '../feed-dates/support/text-feeds.js';
import { QueueApp, READER } from './support/queue-app.js';
import { feedRig } from './support/feed-rig.js';
import { escapeXml } from './support/scripted-feeds.js';

/** A day after the items below: a backfill proposes them all. */
const NOW = '2026-12-06T12:00:00Z';

const rig = feedRig(NOW, () => TextFeeds.start());

const article = (id: string) => `https://news.google.com/rss/articles/${id}?oc=5`;

/** A Google News search feed whose items name their newsroom, as it writes them. */
function googleNews(items: { id: string; headline: string; outlet: string; site: string; hour: number }[]): string {
  const xml = items.map(
    (item) =>
      `<item><title>${escapeXml(`${item.headline} - ${item.outlet}`)}</title><link>${article(item.id)}</link><guid isPermaLink="false">${item.id}</guid>` +
      `<pubDate>Sat, 05 Dec 2026 ${String(item.hour).padStart(2, '0')}:00:00 GMT</pubDate><source url="${item.site}">${escapeXml(item.outlet)}</source></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>"Quneitra" - Google News</title><link>https://news.google.com/search?q=Quneitra</link>${xml.join('')}</channel></rss>`;
}

const OWN = `<?xml version="1.0"?><rss version="2.0"><channel><title>Al Jazeera</title><link>https://www.aljazeera.com/</link><item><title>Israeli strike on Quneitra kills 5, Syrian state media says</title><link>https://www.aljazeera.com/news/quneitra-5</link><guid>aj-1</guid><pubDate>Sat, 05 Dec 2026 07:00:00 GMT</pubDate></item></channel></rss>`;
const REPORTS = [
  { id: 'R1', headline: 'Israeli strike on Quneitra kills 5, Syrian state media says', outlet: 'Reuters', site: 'https://www.reuters.com', hour: 8 },
  { id: 'P1', headline: 'Israeli strike in Quneitra kills 5, Syrian state media says', outlet: 'AP News', site: 'https://apnews.com', hour: 9 },
];

/** Al Jazeera's own feed proposes candidate #1; the Google News feed's two items join it. */
async function watchBoth(): Promise<void> {
  rig.feeds.serve('/aj.xml', OWN, 'application/rss+xml');
  rig.feeds.serve('/gn.xml', googleNews(REPORTS), 'application/rss+xml');
  await rig.queue.run(`/sources add url:${rig.feeds.url('/aj.xml')} topic:syria-israel backfill:true`);
  await rig.queue.run(`/sources add url:${rig.feeds.url('/gn.xml')} topic:syria-israel backfill:true`);
  expect(await rig.queue.text('/sources check id:1')).toContain('1 new (1 proposed)');
  expect(await rig.queue.text('/sources check id:2')).toContain('2 new (2 same story)');
}

const line = (card: string, label: string) => new RegExp(`^ {2}${label} +(.*)$`, 'm').exec(card)?.[1] ?? `no ${label} line`;

describe('GIVEN Google News items joining an outlet’s candidate as the same story', () => {
  it('THEN the card and the rig.queue name each report by its newsroom, via Google News', async () => {
    await watchBoth();
    const card = await rig.queue.text('/review show id:1');
    expect(line(card, 'Outlet')).toBe('Al Jazeera');
    expect(line(card, 'Also in')).toBe('Reuters (via Google News), AP News (via Google News)');
    expect(card).toContain(`Reuters (via Google News) <${article('R1')}> — ${REPORTS[0]!.headline} (2026-12-05 08:00 UTC)`);
    expect(card).toContain(`AP News (via Google News) <${article('P1')}> — ${REPORTS[1]!.headline} (2026-12-05 09:00 UTC)`);
    expect(card).not.toContain('"Quneitra" - Google News');
    expect(await rig.queue.text('/review list')).toContain('Al Jazeera and 2 other outlets');
  });

  it('THEN after a restart they read the same, and the approved entry cites them so', async () => {
    await watchBoth();
    rig.queue = rig.queue.reopen();
    expect(line(await rig.queue.text('/review show id:1'), 'Also in')).toBe('Reuters (via Google News), AP News (via Google News)');
    expect(await rig.queue.text('/review approve id:1')).toContain('Approved: added as entry #18.');
    const entry = await rig.queue.text('/entry show 18', READER);
    expect(entry).toContain(`Reuters (via Google News) <${article('R1')}> — according to Reuters (via Google News) (5 Dec 2026)`);
    expect(entry).toContain(`AP News (via Google News) <${article('P1')}> — according to AP News (via Google News) (5 Dec 2026)`);
  });

  it('WHEN an admin names the aggregator feed’s outlet THEN its reports are named so, as its candidates are', async () => {
    await watchBoth();
    await rig.queue.run('/sources edit id:2 outlet:"Google News search"');
    expect(line(await rig.queue.text('/review show id:1'), 'Also in')).toBe('Google News search');
  });

  it('WHEN the reports were stored before items’ outlets were kept THEN they are named by the feed’s title, as before', async () => {
    await watchBoth();
    rig.queue.app.db.prepare('UPDATE feed_items SET cited_outlet = NULL').run();
    expect(line(await rig.queue.text('/review show id:1'), 'Also in')).toBe('"Quneitra" - Google News');
  });
});
