// GIVEN a WordPress feed's item approved as an entry by a release that read summaries with their
// site's footer ("The post … appeared first on …") WHEN the store is opened by this release, which
// reads them without it, and the feed is checked again, unchanged THEN the check calls nothing
// revised and the review channel is not told that the entry's report changed: only Sitrep's
// reading did. A later real revision is still caught.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemDigest } from '../../src/core/sources/item-key.js';
import { QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds, type ScriptedItem } from './support/scripted-feeds.js';
import { SWEIDA } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const EXCERPT = 'Israeli jets struck the defence ministry in Damascus as clashes in Sweida continued.';
const STRIKES: ScriptedItem = {
  guid: 'https://levant.example/?p=1234',
  title: 'Israeli strikes on Damascus',
  link: 'https://levant.example/2025/07/16/strikes/',
  summary: `<p>${EXCERPT}</p><p>The post <a href="https://levant.example/2025/07/16/strikes/">Israeli strikes on Damascus</a> appeared first on <a href="https://levant.example">Levant Monitor</a>.</p>`,
  published: '2025-07-20T06:10:00Z',
};

/** The store as the release before this reading left it: the item's digest taken from the summary with its footer, at schema 50. */
function fileAsBefore(app: QueueApp): void {
  const before = itemDigest({ title: STRIKES.title, summary: `${EXCERPT} The post Israeli strikes on Damascus appeared first on Levant Monitor.`, link: STRIKES.link });
  app.app.db.prepare('UPDATE feed_items SET digest = ?').run(before);
  app.app.db.pragma('user_version = 50');
}

describe('GIVEN an entry approved from a WordPress item', () => {
  beforeEach(async () => {
    feeds.serve('/levant.xml', 'Levant Monitor', [STRIKES]);
    await queue.run('/review channel');
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
    await queue.run('/sources check id:1');
    expect(await queue.text('/review show id:1')).toContain(EXCERPT);
    expect(await queue.text('/review show id:1')).not.toContain('appeared first on');
    await queue.run('/review approve id:1');
  });

  it('WHEN the store of the release before is upgraded and the unchanged feed checked THEN nothing is called revised', async () => {
    fileAsBefore(queue);
    queue = queue.reopen();
    const posted = queue.poster.posts.length;
    // The feed has a new item above the one approved, as feeds do between checks.
    feeds.serve('/levant.xml', 'Levant Monitor', [SWEIDA, STRIKES]);
    const checked = await queue.text('/sources check id:1');
    expect(checked).toContain('2 items: 1 new (1 proposed), 1 seen before');
    expect(checked).not.toContain('revised');
    expect(queue.poster.posts.slice(posted).map((post) => JSON.stringify(post))).not.toContainEqual(expect.stringContaining('cites'));

    // The digest is the new reading's now: a revision the feed makes later is caught.
    feeds.serve('/levant.xml', 'Levant Monitor', [SWEIDA, { ...STRIKES, title: 'Israeli strikes on Damascus kill three' }]);
    expect(await queue.text('/sources check id:1')).toContain('1 revised by the feed');
  });
});
