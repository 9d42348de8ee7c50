// GIVEN feeds written by WordPress sites, whose SEO plugin appends "The post TITLE appeared first
// on SITE." to every item (in the site's language) and whose theme ends the excerpt with "[…]" and
// a "Continue reading" link WHEN the feed is read THEN the item's summary is the item's own text:
// what a review card shows and an approved entry keeps.
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src/core/sources/feed-port.js';
import { parseFeedText } from '../../src/sources/parse-feed.js';

function item(title: string, description: string): FeedItem {
  const outcome = parseFeedText(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title><item><title>${title}</title><guid>g</guid><description><![CDATA[${description}]]></description></item></channel></rss>`,
  );
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed.items[0]!;
}

const TITLE = 'Israel&#8217;s strikes on Damascus';

describe('GIVEN the SEO plugin line after the excerpt', () => {
  it.each([
    ['English', `<p>The post <a href="https://l.example/s/">Israel&#8217;s strikes on Damascus</a> appeared first on <a href="https://l.example">Levant Monitor</a>.</p>`],
    ['French (typographic apostrophe)', `<p>L&#8217;article <a href="https://l.example/s/">Israel&#8217;s strikes on Damascus</a> est apparu en premier sur <a href="https://l.example">Levant Monitor</a>.</p>`],
    ['French (straight apostrophe)', `<p>L'article <a href="https://l.example/s/">Israel&#8217;s strikes on Damascus</a> est apparu en premier sur <a href="https://l.example">Levant Monitor</a>.</p>`],
    ['Spanish', `<p>La entrada <a href="https://l.example/s/">Israel&#8217;s strikes on Damascus</a> se publicó primero en <a href="https://l.example">Levant Monitor</a>.</p>`],
    ['German', `<p>Der Beitrag <a href="https://l.example/s/">Israel&#8217;s strikes on Damascus</a> erschien zuerst auf <a href="https://l.example">Levant Monitor</a>.</p>`],
    ['Arabic', `<p>ظهرت المقالة <a href="https://l.example/s/">Israel&#8217;s strikes on Damascus</a> أولاً على <a href="https://l.example">Levant Monitor</a>.</p>`],
    ['Turkish', `<p><a href="https://l.example/s/">Israel&#8217;s strikes on Damascus</a> yazısı ilk önce <a href="https://l.example">Levant Monitor</a> üzerinde ortaya çıktı.</p>`],
  ])('THEN the %s line is left out and the excerpt kept', (_language, line) => {
    expect(item(TITLE, `<p>Israeli jets struck the defence ministry in Damascus on Wednesday.</p>${line}`).summary).toBe(
      'Israeli jets struck the defence ministry in Damascus on Wednesday.',
    );
  });

  it('THEN an item whose description is only that line has no summary', () => {
    expect(item(TITLE, `<p>The post <a href="https://l.example/s/">Israel&#8217;s strikes on Damascus</a> appeared first on <a href="https://l.example">Levant Monitor</a>.</p>`).summary).toBe('');
  });
});

describe('GIVEN the theme\'s excerpt ending and link to the article', () => {
  it('THEN "[…]" ends the excerpt as "…", and "Continue reading" with its quoted title is left out with the plugin line', () => {
    const description =
      `<p>Israeli jets struck the defence ministry in Damascus as clashes in Sweida continued [&hellip;] <a href="https://l.example/s/" class="more-link">Continue reading<span class="screen-reader-text"> "Israel&#8217;s strikes on Damascus"</span></a></p>` +
      `<p>The post <a href="https://l.example/s/">Israel&#8217;s strikes on Damascus</a> appeared first on <a href="https://l.example">Levant Monitor</a>.</p>`;
    expect(item(TITLE, description).summary).toBe('Israeli jets struck the defence ministry in Damascus as clashes in Sweida continued…');
  });

  it.each([
    ['Israeli jets struck Damascus. <a href="/s">Read more &raquo;</a>', 'Israeli jets struck Damascus.'],
    ['Israeli jets struck Damascus&hellip; <a href="/s">Continue reading <span class="meta-nav">&rarr;</span></a>', 'Israeli jets struck Damascus…'],
    ['<p>Israeli jets struck Damascus</p><p><a href="/s">Read More</a></p>', 'Israeli jets struck Damascus'],
    ['<p>غارات إسرائيلية على دمشق.</p><a href="/s">اقرأ المزيد</a>', 'غارات إسرائيلية على دمشق.'],
    ['Frappes israéliennes sur Damas. <a href="/s">Lire la suite</a>', 'Frappes israéliennes sur Damas.'],
  ])('THEN %j reads %j', (description, summary) => {
    expect(item('Strikes', description).summary).toBe(summary);
  });
});

describe('GIVEN prose that uses the same words', () => {
  it.each([
    // The plugin's words, but not naming the item: the reporter's sentence.
    ['Strikes', 'The post of governor appeared first on a list of demands, officials said.'],
    // Lower case: the minister's words, not a link.
    ['Strikes', 'The minister urged citizens to read more.'],
    ['Strikes', 'Investigators read more than 100 reports [of abuses]'],
    // Not at the end.
    ['Strikes', 'Read more about the talks below. Officials met in Paris on Thursday.'],
    ['Strikes', 'The post Strikes appeared first on local channels, then spread to national television over the following days as the government denied the reports and asked for calm, while residents of Sweida and Daraa said the shelling went on through the night and into the next morning, when the first convoys arrived.'],
  ])('THEN the item (%s) keeps its summary: %j', (title, text) => {
    expect(item(title, text).summary).toBe(text);
  });
});
