// The floor of the sources benchmark, run as a process of its own (forked by bench/sources.ts) so
// that its memory is measured apart from the bot's: the platform libraries the bot process carries
// loaded and its runtime settings, the same feeds fetched from the feed server one at a time, read
// by feedsmith alone (no conversion to plain text, no worker), and their items written by plain
// prepared INSERTs, one transaction per feed (no dedup, no planning, no suggestions, no cards).
// Everything on one thread.
import Database from 'better-sqlite3';
import { parseFeed } from 'feedsmith';
import { boundHeapGrowth } from '../../src/heap-growth.js';

export interface FloorRequest {
  dbPath: string;
  /** The feed server's address; it serves items no cycle has seen. */
  port: number;
  sources: number;
}

export interface Floor {
  items: number;
  parseMs: number;
  insertMs: number;
  /** This process after loading discord.js and Bolt, and at its peak (the whole run). */
  librariesMb: number;
  rssPeakMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

interface FloorItem {
  title: string;
  link: string | undefined;
  published: string | undefined;
}

function itemsOf(body: string): FloorItem[] {
  const parsed = parseFeed(body);
  const iso = (raw: string | undefined) => (raw === undefined ? undefined : new Date(raw).toISOString());
  if (parsed.format === 'atom') {
    return (parsed.feed.entries ?? []).map((e) => ({ title: e.title?.value ?? '', link: e.links?.[0]?.href, published: iso(e.published) }));
  }
  if (parsed.format === 'rss') {
    return (parsed.feed.items ?? []).map((i) => ({ title: i.title ?? '', link: i.link, published: iso(i.pubDate) }));
  }
  throw new Error(`the benchmark serves RSS and Atom, not ${parsed.format}`);
}

async function measure({ dbPath, port, sources }: FloorRequest): Promise<Floor> {
  // The bot's own runtime settings: its node flags are this process's, and this.
  boundHeapGrowth();
  await import('discord.js');
  await import('@slack/bolt');
  const librariesMb = mb(process.memoryUsage.rss());
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(
    `INSERT INTO feed_items (source_id, item_key, check_id, title, link, outlet, published_at, first_seen, outcome, detail, candidate_id)
     VALUES (?, ?, NULL, ?, ?, 'floor', ?, ?, 'baseline', NULL, NULL)`,
  );
  const sourceIds = db.prepare('SELECT id FROM feed_sources ORDER BY id LIMIT ?').pluck().all(sources) as number[];
  const at = new Date().toISOString();
  let items = 0;
  let parseMs = 0;
  let insertMs = 0;
  for (const [source, id] of sourceIds.entries()) {
    const body = await (await fetch(`http://127.0.0.1:${port}/feeds/${source}.xml`)).text();
    const parseStarted = performance.now();
    const feed = itemsOf(body);
    parseMs += performance.now() - parseStarted;
    const insertStarted = performance.now();
    db.transaction(() => {
      for (const [index, item] of feed.entries()) insert.run(id, `floor:${index}`, item.title, item.link ?? null, item.published ?? null, at);
    }).immediate();
    insertMs += performance.now() - insertStarted;
    items += feed.length;
  }
  db.prepare("DELETE FROM feed_items WHERE item_key GLOB 'floor:*'").run();
  db.close();
  return { items, parseMs, insertMs, librariesMb, rssPeakMb: mb(process.resourceUsage().maxRSS * 1024) };
}

process.once('message', (request: FloorRequest) => {
  measure(request).then(
    (floor) => process.send?.(floor, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
