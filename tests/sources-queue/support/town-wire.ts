// A wire reporting talks in 25 towns of made-up names (25 stories, none another's), watched by a
// queue whose review channel is the poster given: one check proposes 25 candidates, and a pass
// posts the cards of 20, the next pass the other 5.
import type { Poster } from '../../../src/core/poster.js';
import { openQueue } from './queue-with-feeds.js';
import type { QueueApp } from './queue-app.js';
import type { ScriptedFeeds, ScriptedItem } from './scripted-feeds.js';

export const TOWNS = Array.from({ length: 25 }, (_, i) => `Qar${String.fromCharCode(97 + i)}abad`);

export const townTitle = (town: string) => `Local officials meet in ${town}`;

export const townItem = (town: string, title = townTitle(town)): ScriptedItem => ({
  guid: `wire-${town}`,
  title,
  link: `https://wire.example/${town}`,
  published: '2025-07-19T09:00:00Z',
});

/** The queue with the wire added and checked once (the check's own pass posts 20 cards to `channel`). */
export async function watchingTownWire(channel: Poster): Promise<{ feeds: ScriptedFeeds; queue: QueueApp }> {
  const { feeds, queue } = await openQueue();
  feeds.serve('/wire.xml', 'Wire', TOWNS.map((town) => townItem(town)));
  // The channel is set through the app's own poster (its confirmation is set apart); `channel` posts the cards.
  await queue.run('/review channel');
  queue.app.digests.posters.register(channel);
  await queue.run(`/sources add url:${feeds.url('/wire.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  return { feeds, queue };
}
