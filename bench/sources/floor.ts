// The floor of the sources benchmark's throughput: the same feeds read by feedsmith alone (no
// conversion to plain text, no worker), and their items written by plain prepared INSERTs, one
// transaction per feed (no dedup, no planning, no indexes beyond the table's own). Both on the
// main thread, one after the other; the bot does the first in its worker while doing the second.
import { parseFeed } from 'feedsmith';
import type { Db } from '../../src/store/connection.js';
import { feedBody, feedItem, type FeedConfig } from './feed-content.js';

export interface Floor {
  items: number;
  parseMs: number;
  insertMs: number;
}

export function measureFloor(db: Db, config: FeedConfig, first: number): Floor {
  let parseMs = 0;
  for (let source = 0; source < config.sources; source++) {
    const { body } = feedBody(config, source, first);
    const started = performance.now();
    parseFeed(body);
    parseMs += performance.now() - started;
  }
  const insert = db.prepare(
    `INSERT INTO feed_items (source_id, item_key, check_id, title, link, outlet, published_at, first_seen, outcome, detail, candidate_id)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, 'baseline', NULL, NULL)`,
  );
  const sourceIds = db.prepare('SELECT id FROM feed_sources ORDER BY id').pluck().all() as number[];
  const rows = sourceIds.map((id, source) => Array.from({ length: config.items }, (_, index) => ({ id, key: `floor:${index}`, item: feedItem(config, source, first + index) })));
  const at = new Date().toISOString();
  const started = performance.now();
  for (const feed of rows) {
    db.transaction(() => {
      for (const { id, key, item } of feed) insert.run(id, key, item.title, item.link, 'floor', item.published.toISOString(), at);
    }).immediate();
  }
  const insertMs = performance.now() - started;
  db.prepare("DELETE FROM feed_items WHERE item_key GLOB 'floor:*'").run();
  return { items: config.sources * config.items, parseMs, insertMs };
}
