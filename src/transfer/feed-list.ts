// Lists of feeds as feed readers and newsrooms exchange them (OPML): the outlines holding a feed's
// address, read with feedsmith, each with the topic its category or folder names; and the watched
// sources written back the same way, so a list exported from one Sitrep imports into another.
import { generateOpml, parseOpml } from 'feedsmith';
import { formatEvery } from '../core/sources/poll-timing.js';
import { sourceName, type WatchedSource } from '../core/sources/watched-source.js';
import { foldKey } from '../core/text.js';

/** Outline attributes Sitrep writes beside the standard ones, and reads back. */
const SITREP_ATTRIBUTES = ['keywords', 'every', 'reliability', 'outlet', 'paused'] as const;

export interface ListedFeed {
  url: string;
  title?: string;
  /** The topic the outline's category or enclosing folder names, made a slug (`Middle East` → `middle-east`). */
  topic?: string;
  keywords?: string;
  every?: string;
  reliability?: string;
  /** The outlet an admin named the feed after (`/sources add outlet:`). */
  outlet?: string;
  /** Not checked where the list came from (`paused="true"`): imported paused too. */
  paused?: boolean;
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  category?: string;
  keywords?: string;
  every?: string;
  reliability?: string;
  outlet?: string;
  paused?: string;
  outlines?: Outline[];
}

/** A folder's or category's name as a topic slug; undefined when it holds no letter or digit. */
function topicSlug(name: string): string | undefined {
  const slug = foldKey(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? undefined : slug;
}

/** The last part of an outline's first category (`/news/syria-israel, /world` → `syria-israel`). */
function categoryName(category: string | undefined): string | undefined {
  const first = category?.split(',')[0]?.trim();
  return first?.split('/').filter(Boolean).pop();
}

function collect(outlines: readonly Outline[], folder: string | undefined, into: ListedFeed[]): void {
  for (const outline of outlines) {
    const name = outline.title ?? outline.text;
    if (outline.xmlUrl) {
      const topic = topicSlug(categoryName(outline.category) ?? folder ?? '');
      into.push({
        url: outline.xmlUrl.trim(),
        ...(name ? { title: name } : {}),
        ...(topic ? { topic } : {}),
        ...(outline.keywords ? { keywords: outline.keywords } : {}),
        ...(outline.every ? { every: outline.every } : {}),
        ...(outline.reliability ? { reliability: outline.reliability } : {}),
        ...(outline.outlet ? { outlet: outline.outlet } : {}),
        ...(outline.paused?.trim().toLowerCase() === 'true' ? { paused: true } : {}),
      });
    }
    if (outline.outlines) collect(outline.outlines, outline.xmlUrl ? folder : (name ?? folder), into);
  }
}

/** The feeds an OPML document lists, in document order; throws when the text is not OPML. */
export function feedsInOpml(text: string): ListedFeed[] {
  const document = parseOpml(text, { extraOutlineAttributes: SITREP_ATTRIBUTES }) as { body?: { outlines?: Outline[] } };
  const feeds: ListedFeed[] = [];
  collect(document.body?.outlines ?? [], undefined, feeds);
  return feeds;
}

function emptyOpml(now: Date): string {
  const head = generateOpml({ head: { title: 'Feeds watched by Sitrep', dateCreated: now }, body: { outlines: [{ text: 'none' }] } });
  return head.replace(/<body>[\s\S]*<\/body>/, '<body/>');
}

/** The sources as an OPML document, one folder per topic, with each source's keywords, interval, reliability, outlet and pause. */
export function opmlOf(sources: readonly WatchedSource[], now: Date): string {
  const topics = [...new Set(sources.map((source) => source.topic))].sort();
  const outlines = topics.map((topic) => ({
    text: topic,
    outlines: sources
      .filter((source) => source.topic === topic)
      .map((source) => ({
        text: sourceName(source),
        type: 'rss',
        xmlUrl: source.url,
        category: `/${topic}`,
        every: formatEvery(source.everyMinutes),
        ...(source.keywords ? { keywords: source.keywords } : {}),
        ...(source.reliability ? { reliability: source.reliability } : {}),
        ...(source.outlet ? { outlet: source.outlet } : {}),
        ...(source.pausedAt ? { paused: 'true' } : {}),
      })),
  }));
  // OPML has no empty list, and feedsmith refuses one: an empty body reads back as no feed.
  if (outlines.length === 0) return emptyOpml(now);
  return generateOpml({ head: { title: 'Feeds watched by Sitrep', dateCreated: now }, body: { outlines } }, { extraOutlineAttributes: SITREP_ATTRIBUTES });
}
