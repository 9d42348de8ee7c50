// GIVEN a check of a feed with more new items than one transaction records WHEN it is cut short
// after its first batch (the process killed) THEN /sources why says that check was interrupted
// and how many items it left for the next one, which records them; a check still being recorded
// is not taken for one interrupted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantText } from '../../src/core/instant-text.js';
import { ITEMS_PER_TRANSACTION } from '../../src/core/sources/watch-service.js';
import { whyView } from '../../src/core/sources/watch-views.js';
import { viewText } from '../support/view-text.js';
import { ADMIN, QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds, ScriptedItem } from './support/scripted-feeds.js';
import { NOW } from './support/stories.js';

const COUNT = ITEMS_PER_TRANSACTION * 2 + 20;
const LEFT = COUNT - ITEMS_PER_TRANSACTION;
/** Items of the last days, each a story of its own (no two titles share more than one word). */
const items: ScriptedItem[] = Array.from({ length: COUNT }, (_, i) => ({
  guid: `wire-${i}`,
  title: `Alpha${i} bravo${i} charlie${i} convoy`,
  link: `https://wire.example/${i}`,
  published: new Date(Date.parse(NOW) - (i + 1) * 60_000).toISOString(),
}));

let feeds: ScriptedFeeds;
let queue: QueueApp;
let id: number;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/wire.xml', 'Wire', items);
  id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/wire.xml')} topic:syria-israel backfill:true`), 'Watching');
});
afterEach(() => closeQueue(feeds, queue));

/** Every page of the source's /sources why, one after another. */
async function everyWhyPage(): Promise<string> {
  const pages: string[] = [];
  for (let page = 1; ; page++) {
    pages.push(await queue.text(`/sources why id:${id} page:${page}`, READER));
    if (!pages.at(-1)!.includes(`Next page: /sources why id:${id} page:${page + 1}`)) return pages.join('\n');
  }
}

describe('GIVEN a check cut short after its first batch of items', () => {
  it('WHEN an admin asks why THEN the check says it was interrupted and how many items it left, and the next check records them', async () => {
    queue.app.db.exec(`CREATE TEMP TRIGGER cut_off BEFORE INSERT ON feed_items WHEN (SELECT count(*) FROM feed_items) >= ${ITEMS_PER_TRANSACTION}
      BEGIN SELECT RAISE(ABORT, 'process killed'); END`);
    expect((await queue.run(`/sources check id:${id}`)).errorId).toBeDefined();
    const interrupted = `${COUNT} items: ${ITEMS_PER_TRANSACTION} new (${ITEMS_PER_TRANSACTION} proposed), 0 seen before; the check was interrupted: ${LEFT} items were left for the next check`;
    expect(await queue.text(`/sources why id:${id}`, READER)).toContain(`checked by hand · ${interrupted}`);

    queue.app.db.exec('DROP TRIGGER cut_off');
    queue.advance(60_000);
    const next = await queue.text(`/sources check id:${id}`, ADMIN);
    expect(next).toContain(`${COUNT} items: ${LEFT} new (${LEFT} proposed), ${ITEMS_PER_TRANSACTION} seen before`);
    expect(next).not.toContain('interrupted');
    const why = await everyWhyPage();
    // The finished check says nothing of the kind; the one cut short still says it was.
    expect(why).toContain(`checked by hand · ${COUNT} items: ${LEFT} new (${LEFT} proposed), ${ITEMS_PER_TRANSACTION} seen before\n`);
    expect(why).toContain(interrupted);
  });

  it('WHEN someone asks why while a check is still being recorded THEN it reads as being recorded, not interrupted', async () => {
    let during: string | undefined;
    // Once the first batch is written, and before the next is: as a reader between two steps sees it.
    queue.app.db.function('first_batch_written', () => {
      setImmediate(() => {
        const { source, checks } = queue.app.services.sources.checks(id, 20);
        during = viewText(whyView(source, checks, instantText));
      });
      return 0;
    });
    queue.app.db.exec(`CREATE TEMP TRIGGER first_batch AFTER INSERT ON feed_items WHEN (SELECT count(*) FROM feed_items) = ${ITEMS_PER_TRANSACTION}
      BEGIN SELECT first_batch_written(); END`);
    await queue.run(`/sources check id:${id}`);
    expect(during).toContain(`${COUNT} items: ${ITEMS_PER_TRANSACTION} new (${ITEMS_PER_TRANSACTION} proposed), 0 seen before; still being recorded: ${LEFT} items to go`);
    expect(await queue.text(`/sources why id:${id}`, READER)).toContain(`${COUNT} items: ${COUNT} new (${COUNT} proposed), 0 seen before`);
    expect(await queue.text(`/sources why id:${id}`, READER)).not.toContain('still being recorded');
  });
});
