// GIVEN a story two outlets carried under the same link and a third under its own WHEN an admin
// approves its candidate THEN the entry cites every outlet the card names: the shared article
// once, naming both outlets that carried it, and the third as a source of its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  await queue.run('/review channel');
});
afterEach(() => closeQueue(feeds, queue));

/** Watches and checks each feed in turn; returns the candidate the first proposed. */
async function watchAll(...feedsServed: [path: string, outlet: string, item: typeof BAKU][]): Promise<number> {
  let id = 0;
  for (const [index, [path, outlet, item]] of feedsServed.entries()) {
    feeds.serve(path, outlet, [item]);
    await queue.run(`/sources add url:${feeds.url(path)} topic:syria-israel backfill:true`);
    const said = await queue.text(`/sources check id:${index + 1}`);
    if (index === 0) id = QueueApp.idAfter(said, 'candidate');
  }
  return id;
}

describe('GIVEN Levant Wire and Mideast Eye carrying one article, and Tyre Today its own', () => {
  it('WHEN the candidate is approved THEN the entry cites all three outlets, the shared link once', async () => {
    const id = await watchAll(
      ['/levant.xml', 'Levant Wire', BAKU],
      ['/eye.xml', 'Mideast Eye', { ...BAKU, guid: 'eye-1', published: '2025-07-18T15:00:00Z' }],
      ['/tyre.xml', 'Tyre Today', BAKU_ELSEWHERE],
    );
    expect(await queue.text(`/review show id:${id}`, READER)).toContain('Also in    Mideast Eye, Tyre Today');
    expect(await queue.text(`/review approve id:${id}`)).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('Levant Wire <https://levant.example/2025/07/18/baku-talks> — according to Levant Wire; also carried by Mideast Eye (18 Jul 2025)');
    expect(entry).toContain('Tyre Today <https://med.example/world/2025/07/18/israel-syria-baku> — according to Tyre Today (18 Jul 2025)');
    expect(entry.match(/baku-talks/g)).toHaveLength(1);
  });

  it('WHEN the candidate is attached to an entry THEN that entry cites the three outlets the same way', async () => {
    const id = await watchAll(
      ['/levant.xml', 'Levant Wire', BAKU],
      ['/eye.xml', 'Mideast Eye', { ...BAKU, guid: 'eye-1', published: '2025-07-18T15:00:00Z' }],
      ['/tyre.xml', 'Tyre Today', BAKU_ELSEWHERE],
    );
    expect(await queue.text(`/review attach id:${id} entry:12`)).toContain('Approved: its reports added as sources of entry #12.');
    const entry = await queue.text('/entry show 12', READER);
    expect(entry).toContain('according to Levant Wire; also carried by Mideast Eye (18 Jul 2025)');
    expect(entry).toContain('Tyre Today <https://med.example/world/2025/07/18/israel-syria-baku> — according to Tyre Today (18 Jul 2025)');
  });
});
