// GIVEN a feed with more new items than one transaction records (ITEMS_PER_TRANSACTION) WHEN its
// check dies after the first batch is written THEN that batch stays, the source is as before the
// check, and checking again records and proposes the rest, each item once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ITEMS_PER_TRANSACTION } from '../../src/core/sources/watch-service.js';
import { ADMIN, QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds, type ScriptedItem } from './support/scripted-feeds.js';
import { NOW } from './support/stories.js';

const COUNT = ITEMS_PER_TRANSACTION * 2 + 20;
/** Items of the last days, each a story of its own (no two titles share more than one word). */
const items: ScriptedItem[] = Array.from({ length: COUNT }, (_, i) => ({
  guid: `wire-${i}`,
  title: `Alpha${i} bravo${i} charlie${i} convoy`,
  link: `https://wire.example/${i}`,
  published: new Date(Date.parse(NOW) - (i + 1) * 60_000).toISOString(),
}));

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const count = (sql: string) => queue.app.db.prepare(sql).pluck().get() as number;

describe('GIVEN a feed of more new items than one transaction takes', () => {
  it('WHEN the check dies after its first batch THEN the batch stays, the source is unchanged, and the next check proposes the rest once', async () => {
    feeds.serve('/wire.xml', 'Wire', items);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/wire.xml')} topic:syria-israel backfill:true`), 'Watching');
    queue.app.db.exec(`CREATE TEMP TRIGGER cut_off BEFORE INSERT ON feed_items WHEN (SELECT count(*) FROM feed_items) >= ${ITEMS_PER_TRANSACTION}
      BEGIN SELECT RAISE(ABORT, 'process killed'); END`);
    expect((await queue.run(`/sources check id:${id}`)).errorId).toBeDefined();
    expect(count('SELECT count(*) FROM feed_items')).toBe(ITEMS_PER_TRANSACTION);
    expect(count('SELECT count(*) FROM review_candidates')).toBe(ITEMS_PER_TRANSACTION);
    expect(queue.app.db.prepare('SELECT etag, baselined, last_checked_at FROM feed_sources').get()).toEqual({ etag: null, baselined: 0, last_checked_at: null });

    queue.app.db.exec('DROP TRIGGER cut_off');
    const rest = COUNT - ITEMS_PER_TRANSACTION;
    expect(await queue.text(`/sources check id:${id}`, ADMIN)).toContain(`${COUNT} items: ${rest} new (${rest} proposed), ${ITEMS_PER_TRANSACTION} seen before`);
    expect(count('SELECT count(DISTINCT item_key) FROM feed_items')).toBe(COUNT);
    expect(count('SELECT count(*) FROM feed_items')).toBe(COUNT);
    expect(count('SELECT count(DISTINCT title) FROM review_candidates')).toBe(COUNT);
    expect(count('SELECT count(*) FROM review_candidates')).toBe(COUNT);
  });
});
