// GIVEN items seen again — the same story in several feeds, a rejected item in another feed, a
// re-check after a restart or after a check that died while writing — THEN each story is one
// candidate, proposed once, and a rejected one never again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedFetcher } from '../../src/core/sources/feed-port.js';
import { ADMIN, QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE, PARIS, SWEIDA } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const candidates = (app: QueueApp = queue) => app.app.db.prepare('SELECT id, title, status FROM review_candidates ORDER BY id').all() as { id: number; title: string; status: string }[];

async function watch(path: string, outlet: string, items: typeof BAKU[], app: QueueApp = queue): Promise<number> {
  feeds.serve(path, outlet, items);
  return QueueApp.idAfter(await app.text(`/sources add url:${feeds.url(path)} topic:syria-israel backfill:true`), 'Watching');
}

describe('GIVEN the same story in two feeds', () => {
  it('WHEN both are checked THEN it is one candidate with two sources, and its entry cites both outlets', async () => {
    await queue.run('/review channel');
    const levant = await watch('/levant.xml', 'Levant Wire', [BAKU]);
    const med = await watch('/med.xml', 'Mediterranean Dispatch', [BAKU_ELSEWHERE]);
    await queue.run(`/sources check id:${levant}`);
    expect(await queue.text(`/sources check id:${med}`)).toContain('same story → candidate #1: Israel, Syria resume de-escalation talks in Baku (a title alike within 48 hours)');
    expect(candidates()).toHaveLength(1);
    const card = await queue.text('/review show id:1', READER);
    expect(card).toContain('Also in    Mediterranean Dispatch');
    expect(card).toContain('Mediterranean Dispatch <https://med.example/world/2025/07/18/israel-syria-baku> — Israel, Syria resume de-escalation talks in Baku');
    // One card: the second report does not post the story again.
    expect(queue.poster.posts.filter((p) => p.view.title === BAKU.title)).toHaveLength(1);
    expect(queue.poster.posts).toHaveLength(1);
    await queue.run('/review approve id:1');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('Levant Wire <https://levant.example/2025/07/18/baku-talks> — according to Levant Wire (18 Jul 2025)');
    expect(entry).toContain('Mediterranean Dispatch <https://med.example/world/2025/07/18/israel-syria-baku> — according to Mediterranean Dispatch (18 Jul 2025)');
  });

  it('WHEN three feeds carry the very same item (same guid) THEN the second and third join the first’s candidate', async () => {
    const a = await watch('/a.xml', 'Wire A', [SWEIDA]);
    const b = await watch('/b.xml', 'Wire B', [{ ...SWEIDA, title: 'Sweida: truce declared by both sides' }]);
    const c = await watch('/c.xml', 'Wire C', [{ ...SWEIDA, title: 'Truce in Sweida' }]);
    await queue.run(`/sources check id:${a}`);
    expect(await queue.text(`/sources check id:${b}`)).toContain('same story → candidate #1: Sweida: truce declared by both sides (the same item, held by another source)');
    expect(await queue.text(`/sources check id:${c}`)).toContain('same story → candidate #1: Truce in Sweida (the same item, held by another source)');
    expect(candidates()).toHaveLength(1);
  });
});

describe('GIVEN two feeds numbering their items alike', () => {
  it('WHEN each has an item of guid 1, about two stories THEN they are two candidates: a guid is its own feed\'s', async () => {
    const amman = await watch('/amman.xml', 'Amman Daily', [{ guid: '1', title: 'Jordan reopens Jaber border crossing', link: 'https://ammandaily.example/?p=1', published: '2025-07-19T08:00:00Z' }]);
    const beirut = await watch('/beirut.xml', 'Beirut Observer', [{ guid: '1', title: 'Lebanese parliament elects new speaker', link: 'https://beirutobserver.example/?p=1', published: '2025-07-19T09:00:00Z' }]);
    await queue.run(`/sources check id:${amman}`);
    const second = await queue.text(`/sources check id:${beirut}`);
    expect(second).not.toContain('same story');
    expect(candidates()).toHaveLength(2);
  });
});

describe('GIVEN the same article in two feeds under different guids and titles', () => {
  const BEKAA = { guid: 'one-1', title: 'Israeli strikes hit Hezbollah positions in Bekaa Valley', link: 'https://levant.example/2025/07/19/bekaa', published: '2025-07-19T09:00:00Z' };
  const BAALBEK = { guid: 'two-1', title: 'Reports: Israeli jets hit Baalbek area', published: '2025-07-19T10:00:00Z' };

  it.each([
    ['the same link', BEKAA.link],
    ['the link with tracking parameters', `${BEKAA.link}?utm_source=agg`],
  ])('WHEN the second carries %s THEN it joins the first’s candidate', async (_case, link) => {
    const one = await watch('/one.xml', 'Levant Wire', [BEKAA]);
    const two = await watch('/two.xml', 'Mediterranean Dispatch', [{ ...BAALBEK, link }]);
    await queue.run(`/sources check id:${one}`);
    expect(await queue.text(`/sources check id:${two}`)).toContain(`same story → candidate #1: ${BAALBEK.title} (the same link as a report of it)`);
    expect(candidates()).toHaveLength(1);
    expect(await queue.text('/review show id:1', READER)).toContain('Also in    Mediterranean Dispatch');
  });
});

describe('GIVEN a feed that gives a second item the guid of an earlier one', () => {
  it('WHEN it is checked THEN the second is counted and shown as seen before, never proposed, and known at the next check', async () => {
    const reused = { ...PARIS, guid: BAKU.guid, published: '2025-07-19T10:10:00Z' };
    const levant = await watch('/levant.xml', 'Levant Wire', [BAKU, SWEIDA, reused]);
    const reply = await queue.text(`/sources check id:${levant}`);
    expect(reply).toContain('3 items: 3 new (2 proposed, 1 filtered out), 0 seen before');
    expect(reply).toContain(`filtered out: ${PARIS.title} (seen before: the same guid as another item of the feed)`);
    expect(await queue.text(`/sources why id:${levant}`, READER)).toContain(`filtered out: ${PARIS.title} (seen before: the same guid as another item of the feed)`);
    expect(candidates().map((c) => c.title)).toEqual([BAKU.title, SWEIDA.title]);
    feeds.serve('/levant.xml', 'Levant Wire', [BAKU, SWEIDA, reused, { ...reused }]);
    queue.advance(31 * 60_000);
    expect(await queue.text(`/sources check id:${levant}`)).toContain('4 items: 1 new (1 filtered out), 3 seen before');
  });
});

describe('GIVEN statements alike but for who speaks', () => {
  it('WHEN Washington’s and Damascus’s are checked in two feeds hours apart THEN each is a candidate of its own', async () => {
    const washington = { guid: 'w-1', title: 'Washington warns Israel against further incursions in Syria', link: 'https://levant.example/2025/07/19/washington-warns', published: '2025-07-19T08:00:00Z' };
    const damascus = { guid: 'd-1', title: 'Damascus warns Israel against further incursions in Syria', link: 'https://med.example/2025/07/19/damascus-warns', published: '2025-07-19T14:00:00Z' };
    const levant = await watch('/levant.xml', 'Levant Wire', [washington]);
    const med = await watch('/med.xml', 'Mediterranean Dispatch', [damascus]);
    await queue.run(`/sources check id:${levant}`);
    expect(await queue.text(`/sources check id:${med}`)).toContain(`proposed → candidate #2: ${damascus.title}`);
    expect(candidates().map((c) => c.title)).toEqual([washington.title, damascus.title]);
  });
});

describe('GIVEN titles of the same words but for who acts on whom, or for who acts', () => {
  const HEZBOLLAH = { guid: 'r-1', title: 'Hezbollah fires rockets at Israel', link: 'https://levant.example/2025/07/19/hezbollah-rockets', published: '2025-07-19T09:00:00Z' };
  const ISRAEL = { guid: 'r-2', title: 'Israel fires rockets at Hezbollah', link: 'https://levant.example/2025/07/19/israel-rockets', published: '2025-07-19T09:12:00Z' };
  const LAWYERS = { guid: 'w-1', title: 'Lawyers celebrate over wage delays in Nabatieh', link: 'https://med.example/2025/07/19/lawyers', published: '2025-07-19T10:00:00Z' };
  const TRUCKERS = { guid: 'w-2', title: 'Truckers celebrate over wage delays in Nabatieh', link: 'https://med.example/2025/07/19/truckers', published: '2025-07-19T10:30:00Z' };

  it('WHEN one feed holds both and is checked THEN each is a candidate with a card of its own; another outlet’s rewording still joins', async () => {
    await queue.run('/review channel');
    const levant = await watch('/levant.xml', 'Levant Wire', [ISRAEL, HEZBOLLAH]);
    const reply = await queue.text(`/sources check id:${levant}`);
    expect(reply).toContain('2 items: 2 new (2 proposed), 0 seen before');
    expect(reply).not.toContain('same story');
    const med = await watch('/med.xml', 'Mediterranean Dispatch', [TRUCKERS, LAWYERS]);
    expect(await queue.text(`/sources check id:${med}`)).toContain('2 items: 2 new (2 proposed), 0 seen before');
    expect(candidates().map((c) => c.title).sort()).toEqual([HEZBOLLAH.title, ISRAEL.title, LAWYERS.title, TRUCKERS.title]);
    expect(queue.poster.posts.map((p) => p.view.title).sort()).toEqual([HEZBOLLAH.title, ISRAEL.title, LAWYERS.title, TRUCKERS.title]);

    const wire = await watch('/wire.xml', 'Wire C', [{ guid: 'c-1', title: 'Israel fires rockets at Hezbollah, army says', link: 'https://wire.example/1', published: '2025-07-19T09:40:00Z' }]);
    const israel = candidates().find((c) => c.title === ISRAEL.title)!;
    expect(await queue.text(`/sources check id:${wire}`)).toContain(`same story → candidate #${israel.id}: Israel fires rockets at Hezbollah, army says (a title alike within 48 hours)`);
    expect(candidates()).toHaveLength(4);
  });
});

describe('GIVEN one feed carrying the same story three times', () => {
  it('WHEN it is checked THEN the card names the outlet once among those also carrying it, and the list counts no other outlet', async () => {
    const items = [BAKU, { ...BAKU_ELSEWHERE, guid: 'h-2', link: 'https://hostile.example/2' }, { ...BAKU_ELSEWHERE, guid: 'h-3', title: 'Israel and Syria resume de-escalation talks in Baku', link: 'https://hostile.example/3' }];
    const hostile = await watch('/hostile.xml', 'Hostile Feed', items);
    expect(await queue.text(`/sources check id:${hostile}`)).toContain('3 items: 3 new (1 proposed, 2 same story)');
    const card = await queue.text('/review show id:1', READER);
    expect(card).toMatch(/Also in +Hostile Feed\n/);
    const listed = await queue.text('/review list', READER);
    expect(listed).toContain('Hostile Feed · ');
    expect(listed).not.toContain('other outlet');
  });
});

describe('GIVEN an entry an admin typed from an article', () => {
  it('WHEN a feed carries that article THEN it is not proposed: /sources why names the entry citing it', async () => {
    // Typed as the browser showed it: over http, with a trailing slash.
    await queue.run('/entry add title:"De-escalation talks in Baku" date:2025-07-18 type:talks topic:syria-israel source_url:http://levant.example/2025/07/18/baku-talks/ outlet:"Levant Wire"');
    const levant = await watch('/levant.xml', 'Levant Wire', [BAKU, SWEIDA]);
    expect(await queue.text(`/sources check id:${levant}`)).toContain(`filtered out: ${BAKU.title} (in the dossier already: entry #18 cites this link)`);
    expect(candidates().map((c) => c.title)).toEqual([SWEIDA.title]);
  });

  it('WHEN the link was shared with tracking parameters THEN the entry keeps it without them, and the feed’s item is not proposed', async () => {
    const added = await queue.text('/entry add title:"De-escalation talks in Baku" date:2025-07-18 type:talks topic:syria-israel source_url:"https://levant.example/2025/07/18/baku-talks?utm_source=twitter&utm_medium=social&id=4" outlet:"Levant Wire"');
    expect(added).toContain('https://levant.example/2025/07/18/baku-talks?id=4');
    expect(added).not.toContain('utm_');
    const levant = await watch('/levant.xml', 'Levant Wire', [{ ...BAKU, link: `${BAKU.link}?id=4&utm_source=rss` }, SWEIDA]);
    expect(await queue.text(`/sources check id:${levant}`)).toContain(`filtered out: ${BAKU.title} (in the dossier already: entry #18 cites this link)`);
    expect(candidates().map((c) => c.title)).toEqual([SWEIDA.title]);
  });
});

describe('GIVEN a rejected candidate', () => {
  it('WHEN its feed is checked again, or another feed carries the item or its story THEN it is never proposed again', async () => {
    const levant = await watch('/levant.xml', 'Levant Wire', [BAKU]);
    await queue.run(`/sources check id:${levant}`);
    expect(await queue.text('/review reject id:1 reason:"duplicate of #14"')).toContain('Rejected: its items are not proposed again.');

    // The feed changes (new validators, a full answer) but still holds the item.
    feeds.serve('/levant.xml', 'Levant Wire', [BAKU, { ...BAKU, guid: undefined, title: `${BAKU.title} (updated)` }]);
    queue.advance(31 * 60_000);
    expect(await queue.text(`/sources check id:${levant}`)).toContain('2 items: 1 new (1 same story), 1 seen before');
    const sameItem = await watch('/copy.xml', 'Copy Wire', [BAKU]);
    expect(await queue.text(`/sources check id:${sameItem}`)).toContain('same story → candidate #1');
    const sameStory = await watch('/med.xml', 'Mediterranean Dispatch', [BAKU_ELSEWHERE]);
    expect(await queue.text(`/sources check id:${sameStory}`)).toContain('same story → candidate #1');

    expect(candidates()).toEqual([{ id: 1, title: BAKU.title, status: 'rejected' }]);
    expect(await queue.text('/review list', READER)).toContain('No candidate is waiting for review.');
  });
});

describe('GIVEN a check, then a restart', () => {
  it('WHEN the app is closed and reopened on the same file between check and approve THEN the candidate is there, approves once, and re-checks propose nothing twice', async () => {
    const levant = await watch('/levant.xml', 'Levant Wire', [SWEIDA, BAKU]);
    await queue.run('/review channel');
    await queue.run(`/sources check id:${levant}`);
    expect(queue.poster.posts).toHaveLength(2);

    const restarted = queue.reopen();
    queue = restarted;
    expect(await restarted.text('/review list', READER)).toContain('2 candidates waiting');
    expect(await restarted.text('/review approve id:2')).toContain('Approved: added as entry #18.');
    feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
    restarted.advance(31 * 60_000);
    expect(await restarted.text(`/sources check id:${levant}`)).toContain('3 items: 1 new (1 proposed), 2 seen before');
    expect(candidates(restarted).map((c) => c.title)).toEqual([SWEIDA.title, BAKU.title, PARIS.title]);
    // The restarted process posts only the new card (its poster is new, the old cards are recorded).
    expect(restarted.poster.posts.map((p) => p.view.title)).toEqual([PARIS.title]);
  });

  it('WHEN a process dies while fetching THEN nothing of that check is kept, and the next process proposes each item once', async () => {
    const levant = await watch('/levant.xml', 'Levant Wire', [SWEIDA, BAKU]);
    let fetching!: () => void;
    const started = new Promise<void>((resolve) => (fetching = resolve));
    const hangs: FeedFetcher = { fetch: () => (fetching(), new Promise(() => undefined)) };
    const doomed = queue.another({ fetcher: hangs });
    void doomed.run(`/sources check id:${levant}`);
    await started;
    doomed.close();
    expect(queue.app.db.prepare('SELECT count(*) FROM feed_checks').pluck().get()).toBe(0);
    expect(await queue.text(`/sources check id:${levant}`)).toContain('2 items: 2 new (2 proposed), 0 seen before');
    expect(candidates()).toHaveLength(2);
  });

  it('WHEN a check dies while writing its results THEN none of them is kept, and checking again proposes each item once', async () => {
    const levant = await watch('/levant.xml', 'Levant Wire', [SWEIDA, BAKU]);
    // The second item's row cannot be written: the check's transaction is cut off halfway.
    queue.app.db.exec(`CREATE TEMP TRIGGER cut_off BEFORE INSERT ON feed_items WHEN (SELECT count(*) FROM feed_items) >= 1
      BEGIN SELECT RAISE(ABORT, 'process killed'); END`);
    const failed = await queue.run(`/sources check id:${levant}`);
    expect(failed.errorId).toBeDefined();
    for (const table of ['feed_checks', 'feed_items', 'review_candidates']) expect(queue.app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    expect(queue.app.db.prepare('SELECT etag, baselined FROM feed_sources').get()).toEqual({ etag: null, baselined: 0 });
    queue.app.db.exec('DROP TRIGGER cut_off');
    expect(await queue.text(`/sources check id:${levant}`, ADMIN)).toContain('2 items: 2 new (2 proposed), 0 seen before');
    expect(candidates()).toHaveLength(2);
  });
});
