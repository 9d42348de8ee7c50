// The review-queue tests' usual start and end: a scripted feed server and a Sitrep app on a seeded
// copy with its clock at NOW, then the app closed before the server.
import { QueueApp } from './queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from './scripted-feeds.js';
import { NOW } from './stories.js';

export async function openQueue(): Promise<{ feeds: ScriptedFeeds; queue: QueueApp }> {
  return { feeds: await ScriptedFeeds.start(), queue: new QueueApp({ start: NOW }) };
}

export async function closeQueue(feeds: ScriptedFeeds, queue: QueueApp): Promise<void> {
  queue.dispose();
  await feeds.close();
}

/**
 * A queue with a review channel, watching one feed of `item` checked once: its candidate waits
 * for review, by id.
 */
export async function openQueueWithCandidate(item: ScriptedItem): Promise<{ feeds: ScriptedFeeds; queue: QueueApp; id: number }> {
  const { feeds, queue } = await openQueue();
  feeds.serve('/levant.xml', 'Levant Wire', [item]);
  await queue.run('/review channel');
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  return { feeds, queue, id: queue.app.services.review.pending({}, 1, 0).items[0]!.id };
}
