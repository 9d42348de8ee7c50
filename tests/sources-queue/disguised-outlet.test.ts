// GIVEN a feed titled as a web address (`https://www.reuters.com`) whose items link elsewhere
// (evil.example, one link with a `user:password@` part) WHEN its items are carded, listed as the
// same story elsewhere and approved THEN the feed's title is never the label of a link to another
// site: it is shown as text, beside a link labelled with the host the link leads to, and the
// password is shown nowhere. A feed named as outlets are (Levant Wire) keeps its name as the label.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds, ScriptedItem } from './support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE, SWEIDA } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const DISGUISED_FEED = 'https://www.reuters.com';
const DISGUISED_ITEMS = [
  { ...BAKU_ELSEWHERE, link: 'https://www.bbc.co.uk:secret@evil.example/world/baku' },
  { ...SWEIDA, link: 'https://evil.example/world/sweida' },
];

async function watchAndCheck(path: string, title: string, items: ScriptedItem[]): Promise<void> {
  feeds.serve(path, title, items);
  const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url(path)} topic:syria-israel backfill:true`), 'Watching');
  await queue.run(`/sources check id:${id}`);
}

describe('GIVEN a feed titled https://www.reuters.com linking to evil.example', () => {
  it('WHEN its items are carded and approved THEN its title is shown beside a link labelled evil.example, and no password is shown', async () => {
    await watchAndCheck('/levant.xml', 'Levant Wire', [BAKU]);
    await watchAndCheck('/reuters.xml', DISGUISED_FEED, DISGUISED_ITEMS);

    // The same story elsewhere: the title as text, the link under its real host.
    const baku = await queue.text('/review show id:1', READER);
    expect(baku).toContain(`https://www.reuters.com (link to evil.example <https://evil.example/world/baku>) — ${BAKU_ELSEWHERE.title}`);
    expect(baku).not.toContain('secret');

    const sweidaCard = await queue.text('/review show id:2', READER);
    expect(sweidaCard).toContain('Outlet     https://www.reuters.com');
    expect(sweidaCard).toContain('Link       Read on evil.example <https://evil.example/world/sweida>');

    await queue.run('/review approve id:1');
    await queue.run('/review approve id:2');
    const bakuEntry = await queue.text('/entry show 18', READER);
    // An outlet named as outlets are stays the label of its link.
    expect(bakuEntry).toContain('Levant Wire <https://levant.example/2025/07/18/baku-talks> — according to Levant Wire');
    expect(bakuEntry).toContain('https://www.reuters.com (link to evil.example <https://evil.example/world/baku>) — according to https://www.reuters.com');
    const sweidaEntry = await queue.text('/entry show 19', READER);
    expect(sweidaEntry).toContain('https://www.reuters.com (link to evil.example <https://evil.example/world/sweida>)');
    expect(`${bakuEntry}\n${sweidaEntry}`).not.toContain('secret');
  });
});
