// GIVEN a feed whose title names no outlet ("Latest news") WHEN an admin names its outlet with
// /sources add outlet: or /sources edit outlet: THEN its cards, those waiting included, and the
// entries approved from them cite that outlet, /sources list shows it beside the feed's title, and
// outlet:none cites the feed's title again; a name too long is refused and nothing is changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE, PARIS, SWEIDA } from './support/stories.js';

const MINUTE = 60_000;

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const latestEntry = async () => {
  const id = queue.app.db.prepare('SELECT max(id) FROM entries').pluck().get() as number;
  return queue.text(`/entry show id:${id}`, READER);
};

describe('GIVEN a feed titled "Latest news" added with outlet:Reuters', () => {
  it('WHEN its items are carded and approved THEN the card and the entry cite Reuters, and /sources list shows it beside the feed’s title', async () => {
    await queue.run('/review channel');
    feeds.serve('/latest.xml', 'Latest news', [SWEIDA]);
    const added = await queue.text(`/sources add url:${feeds.url('/latest.xml')} topic:syria-israel backfill:true outlet:" Reuters "`);
    expect(added).toContain('Its candidates, and the entries approved from them, cite the outlet Reuters, whatever the feed\'s own title.');
    await queue.run('/sources check id:1');

    expect(queue.poster.posts.at(-1)!.text).toMatch(/Outlet +Reuters\n/);
    expect(await queue.text('/review show id:1', READER)).not.toContain('Latest news');
    const list = await queue.text('/sources list', READER);
    expect(list).toContain('`#1` Reuters');
    expect(list).toContain("no keywords (every item) · outlet Reuters (the feed's title: Latest news)");

    await queue.run('/review approve id:1');
    const entry = await latestEntry();
    expect(entry).toMatch(/Reuters <[^>]+> — according to Reuters/);
    expect(entry).not.toContain('Latest news');
  });
});

describe('GIVEN candidates of a feed titled "Latest news" waiting for review', () => {
  beforeEach(async () => {
    feeds.serve('/latest.xml', 'Latest news', [BAKU]);
    feeds.serve('/med.xml', 'Mediterranean Dispatch', [BAKU_ELSEWHERE]);
    await queue.run(`/sources add url:${feeds.url('/med.xml')} topic:syria-israel backfill:true`);
    await queue.run(`/sources add url:${feeds.url('/latest.xml')} topic:syria-israel backfill:true`);
    await queue.run('/sources check id:1');
    await queue.run('/sources check id:2');
  });

  it('WHEN an admin names its outlet THEN the reply says old → new, the waiting candidate it reports in cites it, and so does the entry approved from it', async () => {
    expect(await queue.text('/review show id:1', READER)).toContain('Latest news <https://levant.example/2025/07/18/baku-talks> — ');
    const reply = await queue.text('/sources edit id:2 outlet:Reuters');
    expect(reply).toContain('Changed #2 Reuters');
    expect(reply).toContain(
      "Outlet: the feed's title (Latest news) → Reuters; from now on its candidates, those waiting in the queue included, and the entries approved from them cite Reuters (entries approved before keep what they cite).",
    );
    const card = await queue.text('/review show id:1', READER);
    expect(card).toContain('Reuters <https://levant.example/2025/07/18/baku-talks> — ');
    expect(card).not.toContain('Latest news');

    await queue.run('/review approve id:1');
    const entry = await latestEntry();
    expect(entry).toMatch(/Mediterranean Dispatch <[^>]+> — according to Mediterranean Dispatch/);
    expect(entry).toMatch(/Reuters <https:\/\/levant\.example\/2025\/07\/18\/baku-talks> — according to Reuters/);
  });

  it('WHEN a candidate it proposed waits and outlet:none is given after THEN the card cites Reuters, then the feed’s title again', async () => {
    feeds.serve('/latest.xml', 'Latest news', [BAKU, PARIS]);
    queue.advance(30 * MINUTE);
    await queue.run('/sources check id:2');
    expect(await queue.text('/review show id:2', READER)).toMatch(/Outlet +Latest news\n/);

    await queue.run('/sources edit id:2 outlet:Reuters');
    const named = await queue.text('/review show id:2', READER);
    expect(named).toMatch(/Outlet +Reuters\n/);
    expect(await queue.text('/review list', READER)).not.toContain('Latest news');

    const reply = await queue.text('/sources edit id:2 outlet:none');
    expect(reply).toContain("Outlet: Reuters → the feed's title (Latest news); from now on its candidates, those waiting in the queue included, and the entries approved from them cite Latest news");
    expect(await queue.text('/review show id:2', READER)).toMatch(/Outlet +Latest news\n/);
    expect(await queue.text('/sources list', READER)).not.toContain('outlet Reuters');
    expect(queue.app.services.sources.get(2).outlet).toBeUndefined();
  });

  it('WHEN the outlet given is too long, or the one it has THEN it is refused or said unchanged, and nothing is changed', async () => {
    const before = storeFingerprint(queue.app.db);
    const refused = await queue.run(`/sources edit id:2 outlet:${'R'.repeat(101)}`);
    expect(refused.tone).toBe('error');
    expect(storeFingerprint(queue.app.db)).toBe(before);
    await queue.run('/sources edit id:2 outlet:Reuters');
    expect(await queue.text('/sources edit id:2 outlet:Reuters')).toContain('#2 Reuters unchanged');
  });
});
