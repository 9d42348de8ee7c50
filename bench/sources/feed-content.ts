// The feeds of the sources benchmark: each source an outlet with a rolling window of items,
// newest first, as RSS 2.0 or Atom. Items are made from a shared stream of stories, so several
// sources report one story: some carry the wire's own copy (same guid and link), others word
// the title their own way (same words, another order), the rest are the outlet's own stories.
// An item depends only on (seed, source, index): a later window repeats the items it still holds.
import { Random } from '../random.js';
import { NEWS_WORDS, capitalize, pseudoWord } from '../vocabulary.js';

export interface FeedConfig {
  seed: number;
  sources: number;
  /** Items in every feed. */
  items: number;
  /** The publication instant of item 0, ms; item i is published `spacingMs` × i later. */
  epochMs: number;
  spacingMs: number;
  /** Actor and place names the dossier knows, for titles and summaries. */
  actors: string[];
  places: string[];
}

/** A story reported by several outlets: one every STORY_EVERY items' time. */
const STORY_EVERY = 3;
/** Share of an outlet's items that report a shared story, and of those, the wire's own copy. */
const SHARED = 0.45;
const SYNDICATED = 0.35;
const VERBS = ['hold talks', 'meet', 'sign accord', 'agree truce', 'exchange prisoners', 'discuss ceasefire', 'trade accusations', 'reopen crossing'];
const SOURCES_SAY = ['officials said', 'sources say', 'a diplomat said', 'state media reports', 'witnesses say'];

/** 32-bit mix of the seed and the numbers naming an item, so items can be made in any order. */
function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part & 0xffff), 0x01000193);
    h = Math.imul(h ^ (part >>> 16), 0x01000193);
  }
  return h >>> 0;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

interface Story {
  title: string;
  /** The same title's words in another order and with other joining words. */
  reworded: string;
  summary: string;
  guid: string;
  link: string;
}

function story(config: FeedConfig, index: number, prefix: string): Story {
  const random = new Random(mix(config.seed, 7, index));
  const [a, b] = [random.pick(config.actors), random.pick(config.actors)];
  const place = random.pick(config.places);
  const verb = random.pick(VERBS);
  const topic = [random.pick(NEWS_WORDS), random.pick(NEWS_WORDS)].join(' ');
  const title = `${a} and ${b} ${verb} over ${topic} in ${place}`;
  const reworded = `${capitalize(topic)}: ${b}, ${a} ${verb} in ${place}, ${random.pick(SOURCES_SAY)}`;
  const words = (n: number) => Array.from({ length: n }, () => random.pick(NEWS_WORDS)).join(' ');
  const summary = `${a} and ${b} met in ${place} on ${words(3)}, ${random.pick(SOURCES_SAY)}. The ${words(6)} followed ${words(8)}. ${capitalize(words(10))}.`;
  return { title, reworded, summary, guid: `${prefix}-${index}`, link: `https://wire.example/${index}/${slug(title)}` };
}

export interface FeedItemText {
  guid: string;
  link: string;
  title: string;
  /** HTML, as feeds send descriptions. */
  summary: string;
  published: Date;
  author: string;
}

/** Item `index` of source `source`. */
export function feedItem(config: FeedConfig, source: number, index: number): FeedItemText {
  const random = new Random(mix(config.seed, source, index));
  const published = new Date(config.epochMs + index * config.spacingMs + random.int(config.spacingMs));
  const outlet = `outlet-${source}.example`;
  const author = `${capitalize(pseudoWord(random, 2, 2))} ${capitalize(pseudoWord(random, 2, 3))}`;
  if (random.chance(SHARED)) {
    // Stories near this item's time, so the reports of one story fall within hours of each other.
    const shared = story(config, Math.floor(index / STORY_EVERY) + random.int(2), 'wire');
    const html = `<p>${escapeXml(shared.summary)} <a href="${shared.link}">Read more</a> &amp; more.</p>`;
    if (random.chance(SYNDICATED)) return { guid: shared.guid, link: shared.link, title: shared.title, summary: html, published, author };
    const link = `https://${outlet}/${published.toISOString().slice(0, 10)}/${slug(shared.reworded)}?utm_source=rss`;
    return { guid: `${outlet}/${index}`, link, title: shared.reworded, summary: html, published, author };
  }
  const own = story(config, 1_000_000 + source * 100_000 + index, outlet);
  const link = `https://${outlet}/${published.toISOString().slice(0, 10)}/${slug(own.title)}?utm_source=rss&utm_medium=feed`;
  return { guid: `${outlet}/${index}`, link, title: own.title, summary: `<p>${escapeXml(own.summary)}</p>`, published, author };
}

/** Atom for every third source, RSS 2.0 for the others. */
export const isAtom = (source: number) => source % 3 === 2;

/** The feed of `source` holding items [first, first + items), newest first. */
export function feedBody(config: FeedConfig, source: number, first: number): { body: string; contentType: string } {
  const items = Array.from({ length: config.items }, (_, i) => feedItem(config, source, first + config.items - 1 - i));
  const title = `Outlet ${source} — ${capitalize(pseudoWord(new Random(mix(config.seed, source)), 2, 3))} News`;
  if (isAtom(source)) {
    const entries = items.map(
      (item) =>
        `<entry><title type="html">${escapeXml(item.title)}</title><id>${escapeXml(item.guid)}</id><link rel="alternate" href="${escapeXml(item.link)}"/>` +
        `<published>${item.published.toISOString()}</published><updated>${item.published.toISOString()}</updated>` +
        `<author><name>${escapeXml(item.author)}</name></author><summary type="html">${escapeXml(item.summary)}</summary></entry>`,
    );
    const feed = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title><id>tag:outlet-${source}.example,2025:feed</id><link rel="alternate" href="https://outlet-${source}.example/"/><updated>${items[0]!.published.toISOString()}</updated>${entries.join('')}</feed>`;
    return { body: feed, contentType: 'application/atom+xml; charset=utf-8' };
  }
  const rssItems = items.map(
    (item) =>
      `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link><guid isPermaLink="false">${escapeXml(item.guid)}</guid>` +
      `<pubDate>${item.published.toUTCString()}</pubDate><dc:creator>${escapeXml(item.author)}</dc:creator><description><![CDATA[${item.summary}]]></description></item>`,
  );
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escapeXml(title)}</title><link>https://outlet-${source}.example/</link><description>News</description>${rssItems.join('')}</channel></rss>`;
  return { body: rss, contentType: 'application/rss+xml; charset=utf-8' };
}
