// GIVEN a feed checked again with most of its items exactly as it served them at its last check
// THEN the reader leaves those unread, and everything a user sees — /sources why, the checks'
// counts, the candidates and their revisions — is what reading the whole feed shows: a second app
// on the same feed reads every item whole (it reads for no source) at each step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedFetcher, FetchOutcome, FetchState } from '../../src/core/sources/feed-port.js';
import { inThreadParser } from '../../src/sources/feed-parser.js';
import { HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { QueueApp, READER } from './support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from './support/scripted-feeds.js';
import { NOW } from './support/stories.js';

/**
 * Reads feeds on the test's thread, for the source checked or for none; tells how many items each
 * reading left unread, and how many times a feed was read again whole (the store did not confirm them).
 */
class CountingFetcher implements FeedFetcher {
  readonly unread: number[] = [];
  readonly read: number[] = [];
  readAgain = 0;
  private readonly inner = new HttpFeedFetcher({ allowPrivate: true, timeoutMs: 5_000, parser: inThreadParser });

  constructor(private readonly forSource: boolean) {}

  async fetch(url: string, state: FetchState, source?: number): Promise<FetchOutcome> {
    const outcome = await this.inner.fetch(url, state, this.forSource ? source : undefined);
    if (outcome.kind === 'ok') {
      this.read.push(outcome.feed.items.length);
      this.unread.push(outcome.feed.memo?.unread?.rows.length ?? 0);
      const { memo } = outcome.feed;
      if (memo) {
        const readWhole = memo.readWhole.bind(memo);
        memo.readWhole = () => (this.readAgain++, readWhole());
      }
    }
    return outcome;
  }
}

const item = (n: number, changes: Partial<ScriptedItem> = {}): ScriptedItem => ({
  guid: `levant-${n}`,
  title: `Talks in Baku, round ${n}: both delegations stay another day`,
  link: `https://levant.example/2025/07/19/baku-${n}`,
  summary: `Round ${n} of the talks went on, two diplomats said.`,
  published: new Date(Date.parse('2025-07-19T08:00:00Z') + n * 600_000).toISOString(),
  ...changes,
});

let feeds: ScriptedFeeds;
let apps: { app: QueueApp; fetcher: CountingFetcher }[];
/** The app reading for the source: it may leave items unread. */
const memo = () => apps[0]!;

beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  apps = [true, false].map((forSource) => {
    const fetcher = new CountingFetcher(forSource);
    return { app: new QueueApp({ start: NOW, fetcher }), fetcher };
  });
  for (const { app } of apps) {
    await app.run('/review channel');
    await app.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  }
});

afterEach(async () => {
  for (const { app } of apps) app.dispose();
  await feeds.close();
});

/** What a user sees of the source and the queue in one app. */
async function seen(app: QueueApp) {
  const why = await app.text('/sources why id:1', READER);
  const checks = app.app.db.prepare('SELECT result, items, seen, revisions FROM feed_checks ORDER BY id').all();
  const items = app.app.db.prepare('SELECT item_key, title, link, outcome, detail, candidate_id, digest, revised_title, revised_link, published_at FROM feed_items ORDER BY id').all();
  const candidates = app.app.db.prepare('SELECT id, title, summary, link, status, revision, matched FROM review_candidates ORDER BY id').all();
  return { why, checks, items, candidates };
}

/** Serves `items`, checks the source in both apps a minute later, and expects them to show the same. */
async function checkBoth(items: ScriptedItem[], title = 'Levant Wire'): Promise<void> {
  feeds.serve('/levant.xml', title, items);
  for (const { app } of apps) {
    app.advance(60_000);
    await app.run('/sources check id:1');
  }
  const [withMemo, whole] = [await seen(apps[0]!.app), await seen(apps[1]!.app)];
  expect(withMemo).toEqual(whole);
}

describe('GIVEN a feed checked again with items unchanged, changed, new and dropped', () => {
  it('WHEN checked THEN only the new and changed items are read, and the check shows what a whole reading shows', async () => {
    const first = [6, 5, 4, 3, 2, 1].map((n) => item(n));
    await checkBoth(first);
    await checkBoth([item(8), item(7), item(6), item(5, { title: 'Talks in Baku, round 5: delegations leave' }), item(4), item(3), item(2)]);
    expect(memo().fetcher.unread.at(-1)).toBe(4);
    expect(memo().fetcher.read.at(-1)).toBe(3);
    // The store confirmed them: the feed was not read again whole.
    expect(memo().fetcher.readAgain).toBe(0);
    expect(await memo().app.text('/sources why id:1', READER)).toContain('Talks in Baku, round 5: delegations leave');
    // Its title changed: an item's title is read against it (the feed's name is taken off its
    // end), so every item is read again; at the next check, the title as it was, none is.
    const same = [item(8), item(7), item(6), item(5, { title: 'Talks in Baku, round 5: delegations leave' }), item(4), item(3), item(2)];
    await checkBoth(same, 'Levant Wire (English)');
    expect(memo().fetcher.unread.at(-1)).toBe(0);
    await checkBoth(same, 'Levant Wire (English)');
    expect(memo().fetcher.unread.at(-1)).toBe(7);
    expect(memo().fetcher.readAgain).toBe(0);
  });

  it('WHEN items end their titles with the feed\'s name and the feed is renamed THEN they are read again against the new name, as a whole reading reads them', async () => {
    const named = [3, 2, 1].map((n) => item(n, { title: `${item(n).title} - Levant Wire` }));
    await checkBoth(named);
    expect(await memo().app.text('/sources why id:1', READER)).not.toContain('- Levant Wire');
    await checkBoth(named, 'Levant Daily');
    expect(memo().fetcher.unread.at(-1)).toBe(0);
    // Under its new name, the old one is the items' own words: they now say more than before.
    expect(await memo().app.text('/sources why id:1', READER)).toContain('round 3: both delegations stay another day - Levant Wire');
  });

  it('WHEN a new item takes the guid of an unchanged one THEN the feed is read whole: the later copy is a repeat, as a whole reading finds', async () => {
    await checkBoth([3, 2, 1].map((n) => item(n)));
    await checkBoth([item(9, { guid: 'levant-2', title: 'Another story under a reused guid' }), item(3), item(2), item(1)]);
    // Left unread at first, then read whole when the store found the key held by an item left unread.
    expect(memo().fetcher.unread.at(-1)).toBe(3);
    expect(memo().fetcher.readAgain).toBe(1);
    expect(await memo().app.text('/sources why id:1', READER)).toContain('seen before: the same guid as another item of the feed');
    // The two items sharing a guid are read at every check, in their order; the others are left unread.
    await checkBoth([item(10), item(9, { guid: 'levant-2', title: 'Another story under a reused guid' }), item(3), item(2), item(1)]);
    expect(memo().fetcher.unread.at(-1)).toBe(2);
    expect(memo().fetcher.read.at(-1)).toBe(3);
    expect(memo().fetcher.readAgain).toBe(1);
    // The first of them gone, the other is no repeat any more: it is read as a whole reading reads it.
    await checkBoth([item(10), item(3), item(2), item(1)]);
  });

  it('WHEN an unchanged item’s row was changed meanwhile THEN the feed is read whole, and the item is revised as a whole reading revises it', async () => {
    await checkBoth([3, 2, 1].map((n) => item(n)));
    for (const { app } of apps) app.app.db.prepare("UPDATE feed_items SET digest = 'changed-elsewhere' WHERE item_key = 'guid:levant-2'").run();
    await checkBoth([4, 3, 2, 1].map((n) => item(n)));
    expect(memo().fetcher.unread.at(-1)).toBe(3);
    expect(memo().fetcher.readAgain).toBe(1);
    const revisions = memo().app.app.db.prepare('SELECT revisions FROM feed_checks ORDER BY id DESC LIMIT 1').pluck().get() as string;
    expect(JSON.parse(revisions)).toEqual([expect.objectContaining({ title: item(2).title })]);
  });

  it('WHEN an unchanged item’s row is gone THEN the feed is read whole, and the item is recorded as new again', async () => {
    await checkBoth([3, 2, 1].map((n) => item(n)));
    for (const { app } of apps) app.app.db.prepare("DELETE FROM feed_items WHERE item_key = 'guid:levant-1'").run();
    await checkBoth([4, 3, 2, 1].map((n) => item(n)));
    expect(await memo().app.text('/sources why id:1', READER)).toContain(item(1).title);
  });

  it('WHEN the feed writes numeric dates read by the way round its other dates show THEN every check reads it whole', async () => {
    const dated = (n: number, pubDate: string) => item(n, { pubDate });
    await checkBoth([dated(3, '19/07/2025 10:00'), dated(2, '07/18/2025 09:00'), dated(1, '13/07/2025 09:00')]);
    await checkBoth([dated(4, '19/07/2025 11:00'), dated(3, '19/07/2025 10:00'), dated(2, '07/18/2025 09:00'), dated(1, '13/07/2025 09:00')]);
    expect(memo().fetcher.unread.at(-1)).toBe(0);
  });
});
