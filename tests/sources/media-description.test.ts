// GIVEN video and picture feeds, whose items carry their text only in Media RSS's
// <media:description> (YouTube channel feeds put it in a <media:group>) WHEN the feed is read THEN
// the item's summary is that description, which the review card shows and the suggestions are
// read from. An item with a summary of its own keeps it.
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src/core/sources/feed-port.js';
import { parseFeedText } from '../../src/sources/parse-feed.js';

const MEDIA = 'xmlns:media="http://search.yahoo.com/mrss/"';

function items(text: string): FeedItem[] {
  const outcome = parseFeedText(text);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed.items;
}

describe('GIVEN a YouTube channel feed (Atom)', () => {
  it('THEN an entry is summarised by its group\'s description', () => {
    const [video] = items(
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" ${MEDIA} xmlns:yt="http://www.youtube.com/xml/schemas/2015"><title>Levant TV</title>` +
        `<entry><id>yt:video:abc123</id><yt:videoId>abc123</yt:videoId><title>Sweida: inside the besieged city</title><link rel="alternate" href="https://www.youtube.com/watch?v=abc123"/><published>2025-07-20T06:00:00+00:00</published>` +
        `<media:group><media:title>Sweida: inside the besieged city</media:title><media:description>Our reporter spent a week in Sweida after the clashes between Druze fighters and Bedouin tribes.</media:description></media:group></entry></feed>`,
    );
    expect(video).toMatchObject({ title: 'Sweida: inside the besieged city', summary: 'Our reporter spent a week in Sweida after the clashes between Druze fighters and Bedouin tribes.' });
  });
});

describe('GIVEN an RSS feed of pictures', () => {
  it('THEN an item without a description is summarised by its media description, read as HTML when typed so', () => {
    const [plain, marked, own] = items(
      `<?xml version="1.0"?><rss version="2.0" ${MEDIA}><channel><title>Photo desk</title>` +
        `<item><guid>p1</guid><title>Damascus at dawn</title><media:content url="https://p.example/1.jpg" medium="image"><media:description>Smoke over the defence ministry &lt;after&gt; the strike.</media:description></media:content></item>` +
        `<item><guid>p2</guid><title>Quneitra</title><media:description type="html">&lt;p&gt;A convoy near &lt;b&gt;Quneitra&lt;/b&gt;.&lt;/p&gt;</media:description></item>` +
        `<item><guid>p3</guid><title>Daraa</title><description>The item's own words.</description><media:description>The picture's caption.</media:description></item>` +
        `</channel></rss>`,
    );
    expect(plain?.summary).toBe('Smoke over the defence ministry <after> the strike.');
    expect(marked?.summary).toBe('A convoy near Quneitra.');
    expect(own?.summary).toBe("The item's own words.");
  });
});
