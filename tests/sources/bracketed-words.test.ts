// GIVEN feeds whose titles put words in angle brackets, escaped as outlets escape tags
// (`report &lt;fabricated&gt;`), inside CDATA (`near <Sweida>`), or as comparison signs
// (`deaths &lt; 10`) WHEN their items are proposed THEN each candidate's title keeps those words and
// signs, and only real HTML tags are taken out. An Atom title typed as text is shown as written.
import { describe, expect, it } from 'vitest';
import { cardsByTitle } from '../feed-dates/support/cards.js';
import { TextFeeds } from '../feed-dates/support/text-feeds.js';
import { QueueApp } from '../sources-queue/support/queue-app.js';
import { feedRig } from '../sources-queue/support/feed-rig.js';

/** A day after the items below: a backfill proposes them all. */
const NOW = '2026-12-06T12:00:00Z';

const rig = feedRig(NOW, () => TextFeeds.start());

const rssItem = (guid: string, title: string) =>
  `<item><guid isPermaLink="false">${guid}</guid><title>${title}</title><link>https://wire.example/${guid}</link><pubDate>Sat, 05 Dec 2026 08:00:00 GMT</pubDate><description>Reported from the south.</description></item>`;

const RSS = [
  '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>South Wire</title><link>https://wire.example/</link>',
  rssItem('fabricated', 'Minister calls report &lt;fabricated&gt;'),
  rssItem('sweida', '<![CDATA[Strikes near <Sweida>]]>'),
  rssItem('deaths', 'Deaths &lt; 10 in &lt;b&gt;Daraa&lt;/b&gt; clashes, officials say &gt; 3 hurt'),
  '</channel></rss>',
].join('');

const atomEntry = (id: string, type: string, title: string) =>
  `<entry><id>urn:aw:${id}</id><title type="${type}">${title}</title><link href="https://atom.example/${id}"/><published>2026-12-05T09:00:00Z</published><updated>2026-12-05T09:00:00Z</updated><summary>Reported from the south.</summary></entry>`;

const ATOM = [
  '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:atom-wire</id><updated>2026-12-05T10:00:00Z</updated><link href="https://atom.example/"/>',
  atomEntry('text', 'text', 'Decree &lt;b&gt;No. 12&lt;/b&gt; names &lt;Sweida&gt; council'),
  atomEntry('html', 'html', 'Decree &lt;b&gt;No. 13&lt;/b&gt; names &lt;Daraa&gt; council'),
  '</feed>',
].join('');

async function proposedTitles(path: string, body: string, type: string, count: number): Promise<string[]> {
  rig.feeds.serve(path, body, type);
  const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url(path)} topic:syria-israel backfill:true`), 'Watching');
  expect(await rig.queue.text(`/sources check id:${id}`)).toContain(`${count} items: ${count} new (${count} proposed)`);
  return [...(await cardsByTitle(rig.queue, count)).keys()].sort();
}

describe('GIVEN an RSS feed whose titles hold words and signs in angle brackets', () => {
  it('THEN the candidates keep the bracketed words and the comparison signs, and lose only the <b> tags', async () => {
    expect(await proposedTitles('/south.rss', RSS, 'application/rss+xml', 3)).toEqual([
      'Deaths < 10 in Daraa clashes, officials say > 3 hurt',
      'Minister calls report <fabricated>',
      'Strikes near <Sweida>',
    ]);
  });
});

describe('GIVEN an Atom feed with one title typed as text and one typed as html', () => {
  it('THEN the text title is shown as written, tags included, and the html one loses only its tags', async () => {
    expect(await proposedTitles('/atom.atom', ATOM, 'application/atom+xml', 2)).toEqual([
      'Decree <b>No. 12</b> names <Sweida> council',
      'Decree No. 13 names <Daraa> council',
    ]);
  });
});
