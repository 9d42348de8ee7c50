// GIVEN a paid feed whose address carries its key in the query (`?api_key=SECRET123&q=syria`)
// WHEN an admin watches it THEN Sitrep fetches it with the key, but no reply, review-channel
// notice or log line shows the key: the address is shown as `…?api_key=…&q=syria`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, READER, type QueueApp } from '../sources-queue/support/queue-app.js';
import { closeQueue, openQueue } from '../sources-queue/support/queue-with-feeds.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { SWEIDA } from '../sources-queue/support/stories.js';
import { viewText } from '../support/view-text.js';

const KEY = 'SECRET123';

let feeds: ScriptedFeeds;
let queue: QueueApp;
/** The address as typed, key and all, and as people are shown it. */
let typed: string;
let shown: string;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/feed.xml', 'Levant Wire', [SWEIDA]);
  typed = feeds.url(`/feed.xml?api_key=${KEY}&q=syria`);
  shown = feeds.url('/feed.xml?api_key=…&q=syria');
});
afterEach(() => closeQueue(feeds, queue));

/** The reply as its reader sees it, asserting that nothing in it (text or link) holds the key. */
async function keyless(command: string, caller = READER): Promise<string> {
  const view = await queue.run(command, caller);
  expect(JSON.stringify(view)).not.toContain(KEY);
  return viewText(view).replaceAll('`', '');
}

describe('GIVEN an admin watching a feed whose address holds an api_key', () => {
  it('WHEN it is added THEN the reply shows the address with … for the key, and says once that the key is kept and hidden', async () => {
    const reply = await keyless(`/sources add url:${typed} topic:syria-israel`, ADMIN);
    expect(reply).toContain(`Sitrep checks ${shown} every 30 min`);
    expect(reply).toContain("Its address holds a key (api_key): Sitrep keeps it and sends it to the feed's server only; replies, notices and logs show … in its place.");
  });

  it('WHEN a member runs /sources list and /sources why THEN neither shows the key', async () => {
    await queue.run(`/sources add url:${typed} topic:syria-israel`);
    await queue.run('/sources check id:1');
    expect(await keyless('/sources list')).toContain(shown);
    expect(await keyless('/sources why id:1')).toContain('Checks of #1 Levant Wire');
  });

  it('WHEN the feed is checked THEN its server is sent the key, and the check’s reply does not show it', async () => {
    await queue.run(`/sources add url:${typed} topic:syria-israel`);
    expect(await keyless('/sources check id:1', ADMIN)).toContain('Checked: #1 Levant Wire');
    expect(feeds.requestsFor('/feed.xml').map((request) => request.query)).toEqual([`?api_key=${KEY}&q=syria`]);
  });

  it('WHEN the feed is gone for good THEN the paused notice in the review channel shows the address without the key', async () => {
    await queue.run('/review channel');
    await queue.run(`/sources add url:${typed} topic:syria-israel`);
    feeds.fail('/feed.xml', { status: 410 });
    await queue.run('/sources check id:1');
    const notices = queue.poster.posts.filter((post) => post.view.title.startsWith('Source #1 paused'));
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]!.view)).not.toContain(KEY);
    expect(notices[0]!.text).toContain(`Sitrep stopped checking ${shown} (topic syria-israel)`);
  });

  it('WHEN an admin gives it a new key THEN the reply says the key changed without showing either', async () => {
    await queue.run(`/sources add url:${typed} topic:syria-israel`);
    const reply = await keyless(`/sources edit id:1 url:${feeds.url('/feed.xml?api_key=NEWKEY456&q=syria')}`, ADMIN);
    expect(reply).not.toContain('NEWKEY456');
    expect(reply).toContain(`Address: ${shown}, with a new key.`);
  });

  it('WHEN it is removed and a member names it THEN the reply gives its address without the key, and how to add it again', async () => {
    await queue.run(`/sources add url:${typed} topic:syria-israel`);
    await queue.run('/sources remove id:1');
    const reply = await keyless('/sources why id:1');
    expect(reply).toContain(`Source #1 (${shown}) was removed on 2025-07-20 12:00 UTC; add it again with /sources add url:${shown} topic:syria-israel`);
    expect(reply).toContain("Give its address with its api_key in place of the …: Sitrep shows no feed's key.");
  });

  it('WHEN the same feed is added again, written another way THEN the refusal names the address watched and the edit without the key', async () => {
    await queue.run(`/sources add url:${typed} topic:syria-israel`);
    const refusal = (await queue.refused(`/sources add url:${typed}&utm_source=rss topic:syria-israel`)).replaceAll('`', '');
    expect(refusal).not.toContain(KEY);
    expect(refusal).toContain(`This feed is watched already, as source #1 (option url). It is watched at ${shown}: the same address written another way`);
    expect(refusal).toContain(`To watch it at this address instead: /sources edit id:1 url:${shown}&utm_source=rss (its key in place of the …)`);
  });
});

describe('GIVEN a feed whose address holds no key', () => {
  it('WHEN a member runs /sources list THEN its address is shown whole, as a link', async () => {
    const plain = feeds.url('/feed.xml?q=syria&author=levant');
    await queue.run(`/sources add url:${plain} topic:syria-israel`);
    const view = await queue.run('/sources list', READER);
    expect(JSON.stringify(view)).toContain(`"href":"${plain}"`);
  });
});
