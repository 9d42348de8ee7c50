// Puts candidate #1 in a store's review queue the way a check would, from a feed read without a
// network: for tests of commands that act on a candidate (the help examples).
import type { App } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { FeedFetcher } from '../../../src/core/sources/feed-port.js';
import { WatchService } from '../../../src/core/sources/watch-service.js';
import { SqliteSourceStore } from '../../../src/store/source-store.js';

export async function proposeCandidate(app: Pick<App, 'db'>, now = new Date()): Promise<void> {
  const feed = {
    title: 'Levant Wire',
    items: [{ guid: 'example-1', title: 'Syria and Israel hold talks in Baku', summary: 'Officials of Syria and Israel met in Baku.', link: 'https://levant.example/baku', published: now }],
  };
  const fetcher: FeedFetcher = { fetch: async () => ({ kind: 'ok', feed, state: {}, url: 'https://levant.example/rss.xml' }) };
  const sources = new WatchService({ store: new SqliteSourceStore(app.db), fetcher, now: () => now, logger: silentLogger });
  const source = sources.add({ url: 'https://levant.example/rss.xml', topic: 'syria-israel', keywords: '', everyMinutes: 30, backfill: true }, { by: 'test', at: now.toISOString() });
  await sources.check(source.id, 'manual');
}
