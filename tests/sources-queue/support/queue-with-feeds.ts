// The review-queue tests' usual start and end: a scripted feed server and a Sitrep app on a seeded
// copy with its clock at NOW, then the app closed before the server.
import { QueueApp } from './queue-app.js';
import { ScriptedFeeds } from './scripted-feeds.js';
import { NOW } from './stories.js';

export async function openQueue(): Promise<{ feeds: ScriptedFeeds; queue: QueueApp }> {
  return { feeds: await ScriptedFeeds.start(), queue: new QueueApp({ start: NOW }) };
}

export async function closeQueue(feeds: ScriptedFeeds, queue: QueueApp): Promise<void> {
  queue.dispose();
  await feeds.close();
}
