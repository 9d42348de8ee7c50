// GIVEN a feed that changes how it identifies its items (RSS to Atom, another CMS, a new address
// numbering them anew) WHEN it serves the items seen before under new guids, at the same links
// THEN each is that item seen again: not proposed, not counted as new, and what became of the
// earlier item (candidate, rejection, approval) stands; only items truly new are proposed. Items
// of a feed linking every item to one page are still told apart, each proposed in its turn.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordedAgain } from '../../src/core/sources/intake-plan.js';
import { ADMIN, QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds, ScriptedItem } from './support/scripted-feeds.js';
import { BAKU, PARIS, QUNEITRA_STRIKE, SWEIDA } from './support/stories.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

/** A reply as a user reads it, commands without their code marks. */
const say = async (command: string, caller = ADMIN) => (await queue.text(command, caller)).replaceAll('`', '');
const candidates = () => queue.app.db.prepare('SELECT id, title, status FROM review_candidates ORDER BY id').all() as { id: number; title: string; status: string }[];

/** The item as the feed serves it once it numbers its items anew, its link written another way (https→http, a trailing slash, utm_*). */
function rekeyed(item: ScriptedItem, guid: string): ScriptedItem {
  const url = new URL(item.link!);
  url.protocol = 'http:';
  url.pathname = `${url.pathname}/`;
  url.searchParams.set('utm_source', 'atom');
  return { ...item, guid, link: url.href };
}

describe('GIVEN a feed whose items were recorded, then one proposed', () => {
  beforeEach(async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, BAKU]);
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`);
    expect(await say('/sources check id:1')).toContain('2 items: 2 new (2 recorded), 0 seen before');
    feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
    queue.advance(30 * MINUTE);
    expect(await say('/sources check id:1')).toContain('3 items: 1 new (1 proposed), 2 seen before');
    expect(candidates()).toEqual([{ id: 1, title: PARIS.title, status: 'pending' }]);
  });

  it('WHEN the feed serves them under new guids with one item more THEN only that one is proposed, the others are seen before, and later checks and revisions go on from the earlier items', async () => {
    const moved = [QUNEITRA_STRIKE, rekeyed(PARIS, 'tag:levant.example,2025:48377'), rekeyed(SWEIDA, 'tag:levant.example,2025:48290'), rekeyed(BAKU, 'tag:levant.example,2025:48213')];
    feeds.serve('/levant.xml', 'Levant Wire', moved);
    queue.advance(30 * MINUTE);
    const check = await say('/sources check id:1');
    expect(check).toContain('4 items: 1 new (1 proposed), 3 seen before');
    expect(check).toContain(`proposed → candidate #2: ${QUNEITRA_STRIKE.title}`);
    expect(check).not.toContain('same story');
    expect(check).not.toContain('revised');
    expect(candidates()).toEqual([
      { id: 1, title: PARIS.title, status: 'pending' },
      { id: 2, title: QUNEITRA_STRIKE.title, status: 'pending' },
    ]);
    // The candidate the earlier item proposed has that one report only: the item seen again is no other report.
    const card = await say('/review show id:1', READER);
    expect(card).toMatch(/Also in +no other outlet yet/);
    expect(queue.app.db.prepare('SELECT count(*) FROM feed_items WHERE source_id = 1').pluck().get()).toBe(4);

    // /sources why lists what each check found new; the items under new guids are counted seen before.
    const why = await say('/sources why id:1', READER);
    expect(why).toContain('4 items: 1 new (1 proposed), 3 seen before');
    expect(why).toContain(`proposed → candidate #1: ${PARIS.title}`);
    expect(why.match(new RegExp(PARIS.title, 'g'))).toHaveLength(1);

    // Known by their new guids from now on: nothing new, nothing revised.
    queue.advance(30 * MINUTE);
    feeds.serve('/levant.xml', 'Levant Wire', moved.slice().reverse());
    expect(await say('/sources check id:1')).toContain('4 items: 0 new, 4 seen before');
    // A revision under the new guid drafts again the candidate the item proposed under the old one.
    queue.advance(30 * MINUTE);
    feeds.serve('/levant.xml', 'Levant Wire', [{ ...moved[1]!, title: 'Al-Shaibani and Dermer meet in Paris with US envoy' }, ...moved.slice(2)]);
    const revised = await say('/sources check id:1');
    expect(revised).toContain('3 items: 0 new, 3 seen before (1 revised by the feed)');
    expect(revised).toContain('revised → candidate #1 drafted again: Al-Shaibani and Dermer meet in Paris with US envoy');
  });

  it('WHEN an admin moves it with /sources edit url: to an address numbering the items anew THEN none is proposed again, and the decisions stand', async () => {
    await queue.run('/review approve id:1');
    feeds.serve('/levant.xml', 'Levant Wire', [QUNEITRA_STRIKE, PARIS, SWEIDA, BAKU]);
    queue.advance(30 * MINUTE);
    expect(await say('/sources check id:1')).toContain('4 items: 1 new (1 proposed), 3 seen before');
    await queue.run('/review reject id:2 reason:"not ours"');

    const renumbered = [QUNEITRA_STRIKE, PARIS, SWEIDA, BAKU].map((item) => rekeyed(item, `https://levant.example/?p=${item.guid!.slice('levant-'.length)}`));
    const fresh: ScriptedItem = {
      guid: 'https://levant.example/?p=48420',
      title: 'UN observers report calm on the Golan ceasefire line',
      link: 'https://levant.example/2025/07/20/golan-calm',
      summary: 'UNDOF said the area of separation was calm overnight.',
      published: '2025-07-20T11:40:00Z',
    };
    feeds.serve('/v2/feed.atom', 'Levant Wire', [fresh, ...renumbered]);
    queue.advance(5 * MINUTE);
    expect(await say(`/sources edit id:1 url:${feeds.url('/v2/feed.atom')}`)).toContain('Changed #1 Levant Wire');
    const check = await say('/sources check id:1');
    expect(check).toContain('5 items: 1 new (1 proposed), 4 seen before');
    expect(check).toContain(`proposed → candidate #3: ${fresh.title}`);
    expect(candidates()).toEqual([
      { id: 1, title: PARIS.title, status: 'approved' },
      { id: 2, title: QUNEITRA_STRIKE.title, status: 'rejected' },
      { id: 3, title: fresh.title, status: 'pending' },
    ]);
    expect(await say('/review list', READER)).not.toContain(QUNEITRA_STRIKE.title);
  });

  it('WHEN the old guids are still served beside items at the same links under new ones THEN the old items stay themselves and the others are not taken for them', async () => {
    // The same link and title, the same instant: a copy the feed carries twice is not the earlier item moved.
    feeds.serve('/levant.xml', 'Levant Wire', [PARIS, rekeyed(PARIS, 'copy-48377'), SWEIDA, BAKU]);
    queue.advance(30 * MINUTE);
    const check = await say('/sources check id:1');
    expect(check).toContain('4 items: 1 new');
    expect(check).toContain('3 seen before');
  });
});

describe('GIVEN a feed linking every item to its home page', () => {
  const home = 'https://outlet.example/';
  const item = (n: number, title: string, published: string): ScriptedItem => ({ guid: `bulletin-${n}`, title, link: home, summary: `${title}.`, published });

  it('WHEN new items come, each at that page THEN each is proposed: another title at the same instant, or the same title at another', async () => {
    feeds.serve('/home.xml', 'Outlet Bulletins', [item(1, 'Ceasefire holds in Sweida', '2025-07-20T06:00:00Z'), item(2, 'Talks resume in Baku', '2025-07-20T07:00:00Z')]);
    await queue.run(`/sources add url:${feeds.url('/home.xml')} topic:syria-israel backfill:true`);
    expect(await say('/sources check id:1')).toContain('2 items: 2 new (2 proposed), 0 seen before');

    // The earlier items are no longer served; the new one has the instant of one of them, not its title.
    queue.advance(HOUR);
    feeds.serve('/home.xml', 'Outlet Bulletins', [item(3, 'Israeli drone strike near Quneitra', '2025-07-20T07:00:00Z')]);
    expect(await say('/sources check id:1')).toContain('1 item: 1 new (1 proposed), 0 seen before');

    // A bulletin of the same title each day, alone in the feed: the next day's is another item
    // (another report of the same story, as titles alike within 48 hours are, but new).
    queue.advance(24 * HOUR);
    feeds.serve('/home.xml', 'Outlet Bulletins', [item(4, 'Morning briefing', '2025-07-21T06:00:00Z')]);
    expect(await say('/sources check id:1')).toContain('1 item: 1 new (1 proposed), 0 seen before');
    queue.advance(24 * HOUR);
    feeds.serve('/home.xml', 'Outlet Bulletins', [item(5, 'Morning briefing', '2025-07-22T06:00:00Z')]);
    const next = await say('/sources check id:1');
    expect(next).toContain('1 item: 1 new (');
    expect(next).toContain('0 seen before');
    expect(next).toContain('candidate #4: Morning briefing');
    expect(candidates().map((c) => c.title)).toEqual(['Ceasefire holds in Sweida', 'Talks resume in Baku', 'Israeli drone strike near Quneitra', 'Morning briefing']);
    expect(queue.app.db.prepare('SELECT count(*) FROM feed_items WHERE source_id = 1').pluck().get()).toBe(5);
  });
});

describe('GIVEN an item recorded before and one under a new key', () => {
  const recorded = { title: BAKU.title, link: BAKU.link!, revisedTitle: null, revisedLink: null };
  const item = { title: BAKU.title, summary: '', link: BAKU.link, published: new Date(BAKU.published!) };
  const link = 'levant.example/2025/07/18/baku-talks';

  it('THEN it is that item when the link is one it had and the title folds to one it had, never without a title', () => {
    expect(recordedAgain(item, link, recorded)).toBe(true);
    expect(recordedAgain({ ...item, title: 'SYRIA and Israel hold de-escalation talks in Baku!' }, link, recorded)).toBe(true);
    expect(recordedAgain({ ...item, title: 'Syria and Israel end talks in Baku' }, link, recorded)).toBe(false);
    expect(recordedAgain(item, 'levant.example/2025/07/18/other', recorded)).toBe(false);
    expect(recordedAgain({ ...item, title: ' ' }, link, { ...recorded, title: '(untitled item)' })).toBe(false);
    // Revised by the feed: its last title and link are its too.
    const revised = { ...recorded, revisedTitle: 'Baku talks end without agreement', revisedLink: 'https://levant.example/2025/07/18/baku-talks-end' };
    expect(recordedAgain({ ...item, title: 'Baku talks end without agreement' }, 'levant.example/2025/07/18/baku-talks-end', revised)).toBe(true);
    expect(recordedAgain(item, link, revised)).toBe(true);
  });
});
